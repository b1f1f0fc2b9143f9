/**
 * A loopback fake Discord (REST under /api/v10 + gateway on /gateway) that a real discord.js Client or a bare
 * @discordjs/rest REST can log into. Tests inject interactions and DMs, turn knobs (429 storms, blocked DMs,
 * unknown users, gateway reconnects) and read what the bot sent.
 *
 *   const fake = await FakeDiscord.start({ guilds: [{ id: '300000000000000001', name: 'Clinic' }] });
 *   const client = new Client({ intents: [Guilds, DirectMessages], partials: [Partials.Channel],
 *                               rest: { api: fake.apiUrl } });
 *   await client.login(fake.token);
 *
 * Destroy clients before close(): a live Client would keep trying to reconnect.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayIntentBits } from 'discord-api-types/v10';
import { Waiters } from '../waiters.js';
import { COMMAND_ROUTES } from './command-routes.js';
import { FakeGateway } from './gateway.js';
import { membersChunk, readyData } from './gateway-payloads.js';
import { InteractionSigner, postInteraction } from './http-signing.js';
import type { InteractionRecord } from './interaction-record.js';
import { interactionRoutes } from './interaction-routes.js';
import { buttonInteraction, modalSubmitInteraction, slashCommandInteraction } from './interactions.js';
import { guildCreatePayload, messageObject } from './payloads.js';
import { BUILT_IN_ROUTE_LIMITS, DEFAULT_ROUTE_LIMIT, RateLimiter } from './rate-limits.js';
import { REST_ROUTES } from './rest-routes.js';
import { handleRest } from './rest-server.js';
import { FakeStore } from './store.js';
import type {
  ClickButtonArgs,
  FakeDiscordOptions,
  FakeMessage,
  FakeUser,
  GatewayEvent,
  InteractionHandle,
  Json,
  RequestLogEntry,
  SlashCommandArgs,
  SubmitModalArgs,
} from './types.js';

export type * from './types.js';

export class FakeDiscord {
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly baseUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUserId: string;
  /** Every REST request, in arrival order. */
  readonly requests: RequestLogEntry[] = [];
  /** Every gateway frame, both directions. */
  readonly gatewayEvents: GatewayEvent[] = [];
  private readonly store: FakeStore;
  private readonly limiter: RateLimiter;
  private readonly gateway: FakeGateway;
  private readonly waiters = new Waiters('FakeDiscord');
  private callbackDeadlineMs: number | null;
  private readonly signer = new InteractionSigner();

  static async start(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new FakeDiscord(server, (server.address() as AddressInfo).port, opts);
  }

  private constructor(
    private readonly server: Server,
    port: number,
    opts: FakeDiscordOptions,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.baseUrl}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
    this.token = opts.token ?? 'fake-bot-token';
    this.applicationId = opts.applicationId ?? '100000000000000001';
    this.botUserId = opts.botUserId ?? this.applicationId;
    this.callbackDeadlineMs = opts.callbackDeadlineMs ?? null;
    const bot: FakeUser = { id: this.botUserId, username: opts.botUsername ?? 'Interlude' };
    this.store = new FakeStore(bot, this.applicationId, opts.guilds ?? []);
    this.limiter = new RateLimiter(opts.globalRatePerSecond ?? 50, opts.routeLimit ?? DEFAULT_ROUTE_LIMIT, {
      ...BUILT_IN_ROUTE_LIMITS,
      ...opts.routeLimits,
    });
    const routes = [...REST_ROUTES, ...COMMAND_ROUTES, ...interactionRoutes(() => this.callbackDeadlineMs)];
    const deps = {
      store: this.store,
      limiter: this.limiter,
      routes,
      token: this.token,
      requests: this.requests,
      baseUrl: this.baseUrl,
      gatewayUrl: this.gatewayUrl,
      onRequest: () => this.waiters.notify(),
    };
    server.on('request', (req, res) => {
      handleRest(deps, req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    this.gateway = new FakeGateway(server, {
      token: this.token,
      heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41250,
      readyData: (id) => readyData(this.store, id, this.gatewayUrl),
      guildCreates: () =>
        [...this.store.guilds.values()].map((g) => guildCreatePayload(g, this.store.user(bot.id))),
      membersChunk: (d) => membersChunk(this.store, d),
      log: (e) => {
        this.gatewayEvents.push({ ...e, at: Date.now() });
        this.waiters.notify();
      },
    });
  }

  // --- logs

  /** Every message created with POST /channels/:id/messages, plus the users' DMs injected with dmMessage. */
  get messages(): readonly FakeMessage[] {
    return this.store.messages;
  }

  /** What the bot sent in its DM channel with this user (the user's own messages are left out). */
  messagesTo(userId: string): FakeMessage[] {
    const channelId = this.store.dmChannels.get(userId);
    return this.store.messages.filter((m) => m.channelId === channelId && m.authorId === this.botUserId);
  }

  /** Every message in a channel, whoever wrote it. */
  messagesIn(channelId: string): FakeMessage[] {
    return this.store.messages.filter((m) => m.channelId === channelId);
  }

  /** The channel's pinned messages, oldest pin first. */
  pinnedIn(channelId: string): FakeMessage[] {
    return (this.store.pins.get(channelId) ?? []).flatMap((id) => this.store.messageById.get(id) ?? []);
  }

  /** userId → DM channel id. */
  get dmChannels(): ReadonlyMap<string, string> {
    return this.store.dmChannels;
  }

  /** The last bulk overwrite (or single creates) per scope, as stored: with id, application_id, version. */
  get commands(): { global: Json[]; guild: Map<string, Json[]> } {
    return this.store.commands;
  }

  count429(): number {
    return this.limiter.count429;
  }

  /** The first text channel of a guild (generated as 'general' when FakeGuild.channels is absent). */
  defaultChannelId(guildId: string): string {
    const guild = this.store.guilds.get(guildId);
    if (!guild) throw new Error(`FakeDiscord: unknown guild ${guildId}`);
    return guild.channels[0]!.id;
  }

  /** The handle of an interaction injected earlier. */
  interaction(id: string): InteractionHandle | undefined {
    return this.store.interactions.get(id);
  }

  /** Sessions that are identified (or resumed) and connected right now. */
  get connectedSessions(): number {
    return this.gateway.connectedSessions;
  }

  /** Resolves on the first gateway frame from index `fromIndex` (default: frames after this call) matching pred. */
  waitForGatewayEvent(
    pred: (e: GatewayEvent) => boolean,
    timeoutMs = 5000,
    fromIndex = this.gatewayEvents.length,
  ): Promise<void> {
    let next = fromIndex;
    const seen = () => {
      for (; next < this.gatewayEvents.length; next++) if (pred(this.gatewayEvents[next]!)) return true;
      return false;
    };
    return this.waiters.waitFor(seen, timeoutMs, () => 'a matching gateway event');
  }

  /** Resolves on the first REST request from index `fromIndex` (default: after this call) matching pred. */
  waitForRequest(
    pred: (e: RequestLogEntry) => boolean,
    timeoutMs = 5000,
    fromIndex = this.requests.length,
  ): Promise<RequestLogEntry> {
    const find = () => this.requests.slice(fromIndex).find(pred);
    return this.waiters
      .waitFor(
        () => find() !== undefined,
        timeoutMs,
        () => 'a matching request',
      )
      .then(() => find()!);
  }

  // --- knobs

  /** POST /channels/:dm/messages to this user answers 403 50007. */
  rejectDmsFrom(userId: string): void {
    this.store.rejectDms.add(userId);
  }

  acceptDmsFrom(userId: string): void {
    this.store.rejectDms.delete(userId);
  }

  /** The bot lacks Send Messages ('send') or Pin Messages ('pin') in this channel: 403 50013 Missing Permissions. */
  withholdPermission(channelId: string, permission: 'send' | 'pin'): void {
    const set = this.store.withheld.get(channelId) ?? new Set();
    set.add(permission);
    this.store.withheld.set(channelId, set);
  }

  grantPermission(channelId: string, permission: 'send' | 'pin'): void {
    this.store.withheld.get(channelId)?.delete(permission);
  }

  /** How many pins a channel may hold before 400 30003 (default 50). */
  setMaxPins(n: number): void {
    this.store.maxPins = n;
  }

  /** POST /users/@me/channels and GET /users/:id for this user fail: 404 10013 (default) or 400 50035. */
  unknownUser(userId: string, code: 10013 | 50035 = 10013): void {
    this.store.unknownUsers.set(userId, code);
  }

  /** Gives a user a name before they appear in an interaction (DM channel recipients, GET /users/:id). */
  addUser(user: FakeUser): void {
    this.store.rememberUser(user);
  }

  /** The next `count` REST requests other than interaction callbacks/webhooks get 429. */
  storm429(opts: { count: number; retryAfterMs: number; global?: boolean }): void {
    this.limiter.startStorm(opts.count, opts.retryAfterMs, opts.global ?? false);
  }

  setGlobalRate(perSecond: number): void {
    this.limiter.global.setRate(perSecond);
  }

  /** null turns the deadline off. */
  setCallbackDeadline(ms: number | null): void {
    this.callbackDeadlineMs = ms;
  }

  /** Sends op 7 RECONNECT on every identified connection; clients RESUME and get missed dispatches replayed. */
  requestReconnect(): void {
    this.gateway.requestReconnect();
  }

  // --- injectors

  slashCommand(a: SlashCommandArgs): InteractionHandle {
    return this.injectInteraction(slashCommandInteraction(this.store, this.baseUrl, a));
  }

  clickButton(a: ClickButtonArgs): InteractionHandle {
    return this.injectInteraction(buttonInteraction(this.store, this.baseUrl, a));
  }

  submitModal(a: SubmitModalArgs): InteractionHandle {
    return this.injectInteraction(modalSubmitInteraction(this.store, this.baseUrl, a));
  }

  /** MESSAGE_CREATE in the user's DM channel (to sessions with the DirectMessages intent). */
  dmMessage(a: { user: FakeUser; content: string }): FakeMessage {
    this.store.rememberUser(a.user);
    const channel = this.store.dmChannelFor(a.user.id);
    const m = this.store.createMessage(channel, a.user.id, { json: { content: a.content }, files: [] }, null);
    const d = { ...messageObject(m, this.store.user(a.user.id), this.baseUrl), channel_type: channel.type };
    this.gateway.dispatch('MESSAGE_CREATE', d, GatewayIntentBits.DirectMessages);
    return m;
  }

  async close(): Promise<void> {
    this.waiters.rejectAll('FakeDiscord closed');
    for (const rec of this.store.interactions.values()) rec.abandon();
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The application's public key (hex) for a bot's HTTP interactions endpoint; see signInteraction. */
  get publicKeyHex(): string {
    return this.signer.publicKeyHex;
  }

  /** Headers Discord would sign an HTTP interaction POST with (X-Signature-Ed25519 / -Timestamp). */
  signInteraction(body: string | Buffer, timestamp?: string): Record<string, string> {
    return this.signer.headers(body, timestamp);
  }

  /** POSTs a `via: 'http'` interaction to the bot, signed; a JSON answer with a type is recorded as its callback. */
  postInteraction(url: string, handle: InteractionHandle): Promise<{ status: number; body: Json }> {
    return postInteraction(this.signer, url, handle);
  }

  private injectInteraction(rec: InteractionRecord): InteractionHandle {
    if (rec.via === 'http') return rec;
    if (this.gateway.dispatch('INTERACTION_CREATE', rec.payload) === 0) {
      throw new Error(
        'FakeDiscord: no gateway session to deliver INTERACTION_CREATE to (log a Client in first)',
      );
    }
    return rec;
  }
}
