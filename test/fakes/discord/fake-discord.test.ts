import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type ChatInputCommandInteraction,
  Client,
  DiscordAPIError,
  GatewayIntentBits,
  type Interaction,
  LabelBuilder,
  type Message,
  ModalBuilder,
  type ModalSubmitInteraction,
  Partials,
  PermissionFlagsBits,
  REST,
  Routes,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FakeDiscord } from './fake-discord.js';

const GUILD = '300000000000000001';
const ROLE = '300000000000000002';
const ALICE = { id: '200000000000000011', username: 'alice', globalName: 'Alice' };
const BOB = { id: '200000000000000012', username: 'bob' };
const CAROL = { id: '200000000000000013', username: 'carol' };
const MANAGE_GUILD = PermissionFlagsBits.ManageGuild.toString();

type Handler = (i: Interaction) => Promise<void>;

let fake: FakeDiscord;
let client: Client;
let handler: Handler = async () => {};
const handlerErrors: unknown[] = [];
let readyAfterMs = 0;

beforeAll(async () => {
  fake = await FakeDiscord.start({
    guilds: [{ id: GUILD, name: 'Clinic', roles: [{ id: ROLE, name: 'Facilitator' }], ownerId: ALICE.id }],
    heartbeatIntervalMs: 250,
  });
  client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    rest: { api: fake.apiUrl },
  });
  client.on('interactionCreate', (i) => {
    handler(i).catch((e) => handlerErrors.push(e));
  });
  const started = performance.now();
  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  await client.login(fake.token);
  await ready;
  readyAfterMs = performance.now() - started;
});

afterAll(async () => {
  await client?.destroy();
  await fake?.close();
  expect(handlerErrors).toEqual([]);
});

/** Runs `fn` for the next interaction only. */
function nextInteraction<T extends Interaction>(fn: (i: T) => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    handler = async (i) => {
      handler = async () => {};
      try {
        await fn(i as T);
        resolve();
      } catch (e) {
        reject(e);
      }
    };
  });
}

describe('FakeDiscord with a real discord.js Client', () => {
  it('logs in: IDENTIFY as @discordjs/ws sends it, READY, GUILD_CREATE cached, ready without the guild timeout', () => {
    expect(readyAfterMs).toBeLessThan(2000);
    const identify = fake.gatewayEvents.find((e) => e.dir === 'in' && e.op === 2);
    expect(identify?.d).toMatchObject({
      token: fake.token,
      intents: GatewayIntentBits.Guilds | GatewayIntentBits.DirectMessages,
      compress: false,
      shard: [0, 1],
      properties: { browser: expect.stringContaining('@discordjs/ws') },
    });
    const out = fake.gatewayEvents.filter((e) => e.dir === 'out').map((e) => e.t ?? e.op);
    expect(out.slice(0, 3)).toEqual([10, 'READY', 'GUILD_CREATE']);
    expect(client.user?.id).toBe(fake.botUserId);
    expect(client.user?.username).toBe('Interlude');
    expect(client.application?.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(GUILD);
    expect(guild?.available).toBe(true);
    expect(guild?.roles.cache.get(ROLE)?.name).toBe('Facilitator');
    expect(guild?.roles.everyone.id).toBe(GUILD);
    expect(guild?.members.me?.id).toBe(fake.botUserId);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', status: 200 });
  });

  it('heartbeats are acknowledged', async () => {
    await fake.waitForGatewayEvent((e) => e.op === 11, 2000, 0);
    expect(fake.gatewayEvents.some((e) => e.dir === 'in' && e.op === 1)).toBe(true);
  });

  it('slash command in a guild: subcommand, role option, member permissions; the reply is recorded', async () => {
    const seen = nextInteraction<ChatInputCommandInteraction>(async (i) => {
      expect(i.isChatInputCommand()).toBe(true);
      expect(i.commandName).toBe('group');
      expect(i.options.getSubcommand()).toBe('assign');
      expect(i.options.getRole('role')?.name).toBe('Facilitator');
      expect(i.options.getString('note')).toBe('hi');
      expect(i.memberPermissions?.has(PermissionFlagsBits.ManageGuild)).toBe(true);
      expect(i.guildId).toBe(GUILD);
      expect(i.channelId).toBe(fake.defaultChannelId(GUILD));
      expect(i.user.username).toBe('bob');
      await i.reply({ content: 'assigned', flags: 64 });
    });
    const h = fake.slashCommand({
      user: BOB,
      guildId: GUILD,
      member: { roles: [ROLE], permissions: MANAGE_GUILD },
      name: 'group',
      subcommand: 'assign',
      options: { role: ROLE, note: 'hi' },
      optionTypes: { role: 8 },
    });
    const res = await h.response();
    await seen;
    expect(res).toMatchObject({ type: 4, data: { content: 'assigned', flags: 64 }, files: [] });
    expect(h.responseDelayMs).toBeGreaterThan(0);
    const callback = fake.requests.find((r) => r.path === `/interactions/${h.id}/${h.token}/callback`);
    expect(callback?.query).toEqual({ with_response: 'false' });
    expect(callback?.status).toBe(204);
  });

  it('slash command in a DM with withResponse; a second callback is 40060, an unknown token 10062', async () => {
    let messageId: string | null | undefined;
    const seen = nextInteraction<ChatInputCommandInteraction>(async (i) => {
      expect(i.guildId).toBeNull();
      expect(i.channel?.isDMBased()).toBe(true);
      const r = await i.reply({ content: 'hello in DM', withResponse: true });
      messageId = r.resource?.message?.id;
      expect(r.interaction.responseMessageId).toBe(messageId);
    });
    const h = fake.slashCommand({ user: ALICE, name: 'start' });
    await h.response();
    await seen;
    expect(messageId).toMatch(/^\d{17,20}$/);
    const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
    const again = rest.post(Routes.interactionCallback(h.id, h.token), {
      body: { type: 4, data: { content: 'x' } },
    });
    await expect(again).rejects.toMatchObject({ code: 40060, status: 400 });
    const unknown = rest.post(Routes.interactionCallback(h.id, 'nope'), {
      body: { type: 4, data: { content: 'x' } },
    });
    await expect(unknown).rejects.toMatchObject({ code: 10062, status: 404 });
  });

  it('with a callback deadline, a late first answer gets 10062 Unknown interaction', async () => {
    fake.setCallbackDeadline(5);
    try {
      const seen = nextInteraction<ChatInputCommandInteraction>(async (i) => {
        await new Promise((r) => setTimeout(r, 20));
        await expect(i.reply('too late')).rejects.toMatchObject({ code: 10062 });
      });
      const h = fake.slashCommand({ user: ALICE, name: 'slow' });
      await seen;
      expect(h.responseDelayMs).toBeNull();
    } finally {
      fake.setCallbackDeadline(null);
    }
  });

  it('button on a DM the bot sent: update() edits that message', async () => {
    const user = await client.users.fetch(ALICE.id);
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('checkin:ok').setLabel('OK').setStyle(ButtonStyle.Primary),
    );
    const sent = await user.send({ content: 'How are you?', components: [row] });
    const seen = nextInteraction(async (i) => {
      if (!i.isButton()) throw new Error('expected a button');
      expect(i.customId).toBe('checkin:ok');
      expect(i.message.id).toBe(sent.id);
      await i.update({ content: 'Thanks', components: [] });
    });
    const h = fake.clickButton({ user: ALICE, customId: 'checkin:ok', messageId: sent.id });
    expect(await h.response()).toMatchObject({ type: 7, data: { content: 'Thanks', components: [] } });
    await seen;
    const stored = fake.messagesTo(ALICE.id).find((m) => m.id === sent.id);
    expect(stored?.content).toBe('Thanks');
    expect(stored?.components).toEqual([]);
  });

  it('modal: label-shaped modal mirrored on submit; legacy rows by default', async () => {
    const shown = nextInteraction<ChatInputCommandInteraction>(async (i) => {
      const modal = new ModalBuilder()
        .setCustomId('note-modal')
        .setTitle('Note')
        .addLabelComponents(
          new LabelBuilder()
            .setLabel('Your note')
            .setTextInputComponent(
              new TextInputBuilder().setCustomId('note').setStyle(TextInputStyle.Paragraph),
            ),
        );
      await i.showModal(modal);
    });
    const open = fake.slashCommand({ user: ALICE, name: 'note' });
    expect((await open.response()).type).toBe(9);
    await shown;
    const submitted = nextInteraction<ModalSubmitInteraction>(async (i) => {
      expect(i.isModalSubmit()).toBe(true);
      expect(i.components[0]?.type).toBe(18);
      expect(i.fields.getTextInputValue('note')).toBe('felt calm');
      await i.reply({ content: 'saved' });
    });
    const h = fake.submitModal({ user: ALICE, customId: 'note-modal', fields: { note: 'felt calm' } });
    expect((await h.response()).data.content).toBe('saved');
    await submitted;

    const legacy = nextInteraction<ModalSubmitInteraction>(async (i) => {
      expect(i.components[0]?.type).toBe(1);
      expect(i.fields.getTextInputValue('a')).toBe('1');
      await i.deferUpdate();
    });
    const h2 = fake.submitModal({ user: BOB, guildId: GUILD, customId: 'other', fields: { a: '1' } });
    expect((await h2.response()).type).toBe(6);
    await legacy;
  });

  it('deferReply, editReply with a file, followUp: edits and followUps recorded with parsed files', async () => {
    const seen = nextInteraction<ChatInputCommandInteraction>(async (i) => {
      await i.deferReply({ flags: 64 });
      await i.editReply({
        content: 'done',
        files: [{ attachment: Buffer.from('a,b\n1,2\n'), name: 'export.csv' }],
      });
      await i.followUp({ content: 'one more', flags: 64 });
      const reply = await i.fetchReply();
      expect(reply.content).toBe('done');
    });
    const h = fake.slashCommand({ user: ALICE, name: 'export' });
    expect((await h.response()).type).toBe(5);
    await h.waitForEdits(1);
    await h.waitForFollowUps(1);
    await seen;
    expect(h.edits[0]).toMatchObject({ messageId: '@original', content: 'done' });
    expect(h.edits[0]?.files[0]?.filename).toBe('export.csv');
    expect(h.edits[0]?.files[0]?.data.toString()).toBe('a,b\n1,2\n');
    expect(h.followUps[0]).toMatchObject({ content: 'one more', flags: 64 });
  });

  it('DMs: nonce enforcement dedupes, multipart attachment parsed, 50007 and unknown users surface as API errors', async () => {
    const user = await client.users.fetch(BOB.id);
    const first = await user.send({ content: 'check-in', nonce: 'n-1', enforceNonce: true });
    const second = await user.send({ content: 'check-in', nonce: 'n-1', enforceNonce: true });
    expect(second.id).toBe(first.id);
    expect(fake.messagesTo(BOB.id).map((m) => m.nonce)).toEqual(['n-1']);
    expect(fake.dmChannels.get(BOB.id)).toBe(first.channelId);

    await user.send({
      content: 'your file',
      files: [{ attachment: Buffer.from('hello'), name: 'notes.txt' }],
    });
    const withFile = fake.messagesTo(BOB.id).at(-1);
    expect(withFile?.attachments[0]).toMatchObject({ filename: 'notes.txt', data: Buffer.from('hello') });
    const logged = fake.requests.filter((r) => r.route === 'POST /channels/:id/messages').at(-1);
    expect(logged?.body.payload_json.content).toBe('your file');
    expect(logged?.body.files[0]).toMatchObject({ name: 'files[0]', filename: 'notes.txt' });

    fake.rejectDmsFrom(CAROL.id);
    const carol = await client.users.fetch(CAROL.id);
    const blocked = carol.send('hi').catch((e: unknown) => e);
    expect(await blocked).toBeInstanceOf(DiscordAPIError);
    expect(await blocked).toMatchObject({ code: 50007, status: 403 });

    fake.unknownUser('200000000000000099');
    await expect(client.users.createDM('200000000000000099')).rejects.toMatchObject({ code: 10013 });
  });

  it('a user DM arrives as messageCreate', async () => {
    const got = new Promise<Message>((resolve) => client.once('messageCreate', resolve));
    fake.dmMessage({ user: ALICE, content: 'hello bot' });
    const m = await got;
    expect(m.content).toBe('hello bot');
    expect(m.author.id).toBe(ALICE.id);
    expect(m.channel.isDMBased()).toBe(true);
  });

  it('429 storms are honoured by @discordjs/rest (user and global scope)', async () => {
    const user = await client.users.fetch(ALICE.id);
    await user.createDM();
    const before = fake.count429();
    const started = performance.now();
    fake.storm429({ count: 2, retryAfterMs: 80 });
    await user.send('after a storm');
    fake.storm429({ count: 1, retryAfterMs: 80, global: true });
    await user.send('after a global storm');
    expect(fake.count429() - before).toBe(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 80);
    const limited = fake.requests.filter((r) => r.rateLimited).slice(-3);
    expect(limited.map((r) => r.status)).toEqual([429, 429, 429]);
    expect(fake.messagesTo(ALICE.id).map((m) => m.content)).toContain('after a global storm');
  });

  it('op 7 RECONNECT: the client RESUMEs, a dispatch sent meanwhile is replayed, interactions still work', async () => {
    const from = fake.gatewayEvents.length;
    const resumed = fake.waitForGatewayEvent((e) => e.t === 'RESUMED', 5000, from);
    const seen = nextInteraction<ChatInputCommandInteraction>(async (i) => {
      await i.reply('still here');
    });
    fake.requestReconnect();
    await fake.waitForGatewayEvent((e) => e.dir === 'in' && e.op === 6, 5000, from);
    const h = fake.slashCommand({ user: ALICE, name: 'ping' });
    await resumed;
    expect((await h.response()).data.content).toBe('still here');
    await seen;
    const resume = fake.gatewayEvents.slice(from).find((e) => e.op === 6);
    expect(resume?.d).toMatchObject({
      token: fake.token,
      session_id: expect.any(String),
      seq: expect.any(Number),
    });
    expect(fake.gatewayEvents.slice(from).some((e) => e.dir === 'in' && e.op === 2)).toBe(false);

    // A dispatch while the client is away is replayed on RESUME.
    const from2 = fake.gatewayEvents.length;
    const seen2 = nextInteraction<ChatInputCommandInteraction>(async (i) => {
      await i.reply('replayed');
    });
    fake.requestReconnect();
    await fake.waitForGatewayEvent((e) => e.t === 'CLOSE', 1000, from2);
    expect(fake.gatewayEvents.at(-1)?.d).toEqual({ code: 4200 });
    expect(fake.connectedSessions).toBe(0);
    const h2 = fake.slashCommand({ user: ALICE, name: 'ping' });
    expect((await h2.response()).data.content).toBe('replayed');
    await seen2;
  });

  it('bulk overwrite of global and guild commands keeps ids stable', async () => {
    const set = await client.application!.commands.set([
      { name: 'start', description: 'Start' },
      { name: 'note', description: 'Note' },
    ]);
    expect(set.size).toBe(2);
    expect(fake.commands.global.map((c) => c.name)).toEqual(['start', 'note']);
    const ids = fake.commands.global.map((c) => c.id);
    await client.application!.commands.set([{ name: 'start', description: 'Start again' }]);
    expect(fake.commands.global.map((c) => c.id)).toEqual([ids[0]]);
    await client.guilds.cache.get(GUILD)!.commands.set([{ name: 'admin', description: 'Admin' }]);
    expect(fake.commands.guild.get(GUILD)?.[0]).toMatchObject({ name: 'admin', guild_id: GUILD });
    const fetched = await client.application!.commands.fetch();
    expect([...fetched.keys()]).toEqual([ids[0]]);
  });

  it('auth, unknown routes and rate-limit headers', async () => {
    const noAuth = await fetch(`${fake.apiUrl}/v10/users/@me`);
    expect(noAuth.status).toBe(401);
    expect(await noAuth.json()).toEqual({ code: 0, message: '401: Unauthorized' });
    const headers = { Authorization: `Bot ${fake.token}` };
    const missing = await fetch(`${fake.apiUrl}/v10/nope/here`, { headers });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 0, message: '404: Not Found' });
    expect(fake.requests.at(-1)).toMatchObject({ route: 'unknown', status: 404 });
    const me = await fetch(`${fake.apiUrl}/v10/users/@me`, { headers });
    for (const h of ['limit', 'remaining', 'reset', 'reset-after', 'bucket']) {
      expect(me.headers.get(`x-ratelimit-${h}`)).toBeTruthy();
    }
  });

  it('IDENTIFY with a bad token closes 4004; login with a bad token fails on /gateway/bot', async () => {
    const ws = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
    ws.on('message', (raw) => {
      if (JSON.parse(raw.toString()).op === 10) {
        ws.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 0, properties: {} } }));
      }
    });
    const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
    expect(code).toBe(4004);
    const bad = new Client({ intents: [], rest: { api: fake.apiUrl } });
    await expect(bad.login('wrong-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    await bad.destroy();
  });
});
