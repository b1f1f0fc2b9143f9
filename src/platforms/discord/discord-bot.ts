import { Client, Events, GatewayIntentBits, type Message, Partials, REST } from 'discord.js';
import { answerFreeText } from '../../app/free-text.js';
import { ConfigError } from '../../config.js';
import type { Logger } from '../../ports/logger.js';
import { ALLOWED_MENTIONS } from './escape.js';
import { discordjsResponder, inboundOf } from './from-discordjs.js';
import { type DiscordAppContext, handleInteraction } from './handle-interaction.js';
import { renderDiscord } from './render.js';

export interface DiscordConnection {
  token: string;
  /** Discord's API base (https://discord.com/api), or a compatible address: a proxy, the loopback fake in tests. */
  apiUrl: string;
  requestsPerSecond: number;
}

/** A REST client paced to the bot's global limit; delivery workers use one of these alone, with no gateway. */
export const discordRest = (c: DiscordConnection): REST =>
  new REST({ api: c.apiUrl, globalRequestsPerSecond: c.requestsPerSecond }).setToken(c.token);

export interface DiscordBot {
  client: Client;
  close(): Promise<void>;
}

/**
 * Log in over the gateway (intents: guilds, direct messages; the DM channel partial so DMs arrive) and answer
 * every interaction through handleInteraction. Resolves once Discord says the bot is ready.
 */
export async function startDiscordBot(
  c: DiscordConnection,
  ctx: DiscordAppContext,
  log: Logger,
): Promise<DiscordBot> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    rest: { api: c.apiUrl, globalRequestsPerSecond: c.requestsPerSecond },
    allowedMentions: ALLOWED_MENTIONS,
  });
  client.on(Events.InteractionCreate, (i) => {
    const parsed = inboundOf(i);
    if (!parsed) return;
    void handleInteraction(ctx, parsed.who, parsed.inbound, discordjsResponder(parsed.interaction));
  });
  client.on(Events.MessageCreate, (m: Message) => {
    if (m.author.bot || m.guildId !== null) return;
    const [first] = renderDiscord(answerFreeText(ctx.deps.settings, m.content));
    if (!first || !m.channel.isSendable()) return;
    m.channel
      .send({ content: first.content, allowedMentions: ALLOWED_MENTIONS })
      .catch((err: unknown) => log.warn({ err, user: m.author.id }, 'could not answer a direct message'));
  });
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.ShardDisconnect, (e, shard) =>
    log.warn({ code: e.code, shard }, 'discord gateway disconnected'),
  );
  client.on(Events.ShardResume, (shard, replayed) =>
    log.info({ shard, replayed }, 'discord gateway resumed'),
  );
  // The REST client reports every wait for its own pacing window as 'rateLimited', 429 or not: that is routine.
  // A real 429 is worth a warning.
  client.rest.on('rateLimited', (info) =>
    log.debug(
      { route: info.route, retryAfter: info.retryAfter, global: info.global },
      'discord rate limit wait',
    ),
  );
  client.rest.on('response', (req, res) => {
    if (res.status === 429) log.warn({ route: req.route, method: req.method }, 'discord answered 429');
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(c.token);
  } catch (e) {
    await client.destroy();
    const code = (e as { code?: unknown }).code;
    // A refused token is a configuration problem, said plainly: REST answers 401, the gateway closes 4004.
    if (code === 'TokenInvalid' || (e instanceof Error && e.message === 'Authentication failed')) {
      throw new ConfigError([
        'DISCORD_TOKEN was refused by Discord: copy the bot token again from the Bot page of the Developer Portal',
      ]);
    }
    throw e;
  }
  await ready;
  log.info({ user: client.user?.id, guilds: client.guilds.cache.size }, 'discord bot ready');
  return {
    client,
    async close() {
      await client.destroy();
    },
  };
}
