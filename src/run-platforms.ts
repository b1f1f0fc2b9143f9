import type { Server } from 'node:http';
import { compose, type Runtime } from './compose.js';
import type { Config } from './config.js';
import { type TooManyRequests, watchDiscord429, watchSlack429 } from './platforms/delivery-clients.js';
import { type DiscordBot, startDiscordBot } from './platforms/discord/discord-bot.js';
import { DiscordMessenger } from './platforms/discord/discord-messenger.js';
import { DraftCache } from './platforms/discord/drafts.js';
import type { DiscordAppContext } from './platforms/discord/handle-interaction.js';
import { mountDiscordInteractions } from './platforms/discord/http-interactions.js';
import { RoutingMessenger } from './platforms/routing-messenger.js';
import { createSlackBot, type SlackBot } from './platforms/slack/slack-app.js';
import { SlackMessenger } from './platforms/slack/slack-messenger.js';
import type { Clock } from './ports/clock.js';
import type { Logger } from './ports/logger.js';
import { PAGE_LANDINGS } from './web/routes/landings.js';
import { mountOps, type OpsOptions } from './web/routes/ops-routes.js';
import { createWebApp, startWebServer } from './web/server.js';

export interface Platforms {
  runtime: Runtime;
  discord: DiscordBot | null;
  slack: SlackBot | null;
  web: Server;
  webPort: number;
  close(): Promise<void>;
}

/**
 * The bot with its platforms: the store and queue, the configured chat platforms, and one web server for the
 * private pages and the platforms' HTTP endpoints. Time comes from `clock`, so tests can drive it.
 */
export async function startPlatforms(
  config: Config,
  key: Buffer,
  log: Logger,
  clock: Clock,
): Promise<Platforms> {
  const messenger = new RoutingMessenger();
  const runtime = compose(config, key, log, clock);
  runtime.startDelivery(messenger);
  const pause: TooManyRequests = (platform, ms) => {
    runtime.queue
      .rateLimit(platform, ms)
      .catch((err: unknown) => log.warn({ err, platform }, 'could not pause the delivery workers'));
  };
  let discord: DiscordBot | null = null;
  let discordCtx: DiscordAppContext | null = null;
  let slack: SlackBot | null = null;
  try {
    if (config.slackBotToken) {
      slack = createSlackBot(
        {
          botToken: config.slackBotToken,
          signingSecret: config.slack.signingSecret,
          appToken: config.slack.appToken,
          apiUrl: config.slack.apiUrl,
        },
        { deps: runtime.deps, registry: runtime.registry, routes: runtime.routes, clock, log },
      );
      await slack.start();
      log.info({ mode: config.slack.appToken ? 'socket' : 'http' }, 'slack app ready');
      watchSlack429(slack.client, pause);
      messenger.set('slack', new SlackMessenger(slack.client, { answerInChat: config.answerInChat, log }));
    }
    if (config.discordToken) {
      discordCtx = {
        deps: runtime.deps,
        registry: runtime.registry,
        routes: runtime.routes,
        clock,
        drafts: new DraftCache(),
      };
      const connection = {
        token: config.discordToken,
        apiUrl: config.discord.apiUrl,
        requestsPerSecond: config.discord.requestsPerSecond,
      };
      discord = await startDiscordBot(connection, discordCtx, log);
      watchDiscord429(discord.client.rest, pause);
      messenger.set(
        'discord',
        new DiscordMessenger(discord.client.rest, { answerInChat: config.answerInChat, log }),
      );
    }
    const bot = discord;
    const slackRouter = slack?.router ?? null;
    const ctx = discordCtx;
    const { server, port } = await startWebServer(
      createWebApp({
        deps: runtime.deps,
        clock,
        landings: PAGE_LANDINGS,
        mount: (app) => {
          mountOps(app, opsOptions(runtime, config, log));
          if (slackRouter) app.use(slackRouter);
          if (bot && ctx && config.discord.publicKey && config.discord.applicationId) {
            mountDiscordInteractions(app, {
              ctx,
              rest: bot.client.rest,
              applicationId: config.discord.applicationId,
              publicKeyHex: config.discord.publicKey,
            });
          }
        },
      }),
      config.host,
      config.port,
    );
    if (!config.publicUrlSet) runtime.deps.settings.publicUrl = `http://localhost:${port}`;
    return {
      runtime,
      discord,
      slack,
      web: server,
      webPort: port,
      async close() {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await closed;
        // Deliveries in flight finish while the platform clients they use are still open.
        await runtime.queue.close();
        await discord?.close();
        await slack?.close();
        await runtime.close();
      },
    };
  } catch (e) {
    await slack?.close();
    await discord?.close();
    await runtime.close();
    throw e;
  }
}

/** /healthz, /metrics and the queue dashboard, from the runtime. */
export const opsOptions = (runtime: Runtime, config: Config, log: Logger): OpsOptions => {
  const bull = runtime.bull;
  return {
    checkDb: () => runtime.store.db.prepare('SELECT 1 AS ok').get() !== undefined,
    checkRedis: bull ? () => bull.ping() : null,
    metrics: runtime.metrics,
    queues: () => bull?.bullQueues() ?? [],
    admin: config.admin,
    log,
  };
};
