/**
 * A loopback fake Slack: the Web API (under /api/, for a real WebClient / Bolt App), file upload URLs, a
 * response_url sink, Socket Mode, and injectors that send the bot signed slash commands and interactions over HTTP
 * or as Socket Mode envelopes. Tests turn knobs (429 storms, rate limits, blocked DMs, unknown users) and read logs.
 *
 *   const fake = await FakeSlack.start({ users: [{ id: 'U0ALICE001', name: 'alice' }] });
 *   const app = new App({ token: fake.botToken, receiver, clientOptions: { slackApiUrl: fake.apiUrl } });
 *   const cmd = await fake.slashCommand(`${botUrl}/slack/events`, { user: 'U0ALICE001', text: 'checkin' });
 *   await fake.waitForCall((c) => c.method === 'chat.postMessage');
 *
 * Stop Socket Mode apps before close(): a live SocketModeClient keeps reconnecting.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Waiters } from '../waiters.js';
import { handleHttp } from './api-server.js';
import { Injector } from './injectors.js';
import { CHAT_METHODS } from './methods-chat.js';
import { MISC_METHODS } from './methods-misc.js';
import { PIN_METHODS } from './methods-pins.js';
import { VIEW_METHODS } from './methods-views.js';
import { RateLimiter } from './rate-limits.js';
import { signingHeaders } from './signing.js';
import { SocketModeServer } from './socket-mode.js';
import { type Identity, SlackStore } from './store.js';
import type {
  ApiCall,
  BlockActionArgs,
  DmBlockReason,
  FakeSlackEphemeral,
  FakeSlackFile,
  FakeSlackLimits,
  FakeSlackMessage,
  FakeSlackOptions,
  FakeSlackView,
  HttpInjection,
  Signing,
  SlashCommandArgs,
  SocketInjection,
  ViewSubmissionArgs,
} from './types.js';

export type * from './types.js';

export class FakeSlack {
  /** http://127.0.0.1:PORT */
  readonly baseUrl: string;
  /** http://127.0.0.1:PORT/api/ — pass as clientOptions.slackApiUrl. */
  readonly apiUrl: string;
  readonly botToken: string;
  readonly appToken: string;
  readonly signingSecret: string;
  readonly teamId: string;
  readonly appId: string;
  readonly botUserId: string;
  readonly botId: string;
  /** Every Web API call, in arrival order (including rejected and rate-limited ones). */
  readonly calls: ApiCall[] = [];
  private readonly store: SlackStore;
  private readonly limiter: RateLimiter;
  private readonly socket: SocketModeServer;
  private readonly waiters = new Waiters('FakeSlack');
  private readonly injector: Injector;

  static async start(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new FakeSlack(server, (server.address() as AddressInfo).port, opts);
  }

  private constructor(
    private readonly server: Server,
    port: number,
    opts: FakeSlackOptions,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.baseUrl}/api/`;
    const teamName = opts.teamName ?? 'Fake Clinic';
    const identity: Identity = {
      teamId: opts.teamId ?? 'T0FAKE0001',
      teamName,
      teamDomain: teamName.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      appId: opts.appId ?? 'A0FAKEAPP01',
      botUserId: opts.botUserId ?? 'U0FAKEBOT01',
      botId: opts.botId ?? 'B0FAKEBOT01',
      botName: opts.botName ?? 'interlude',
      botToken: opts.botToken ?? 'xoxb-fake',
      appToken: opts.appToken ?? 'xapp-fake',
      signingSecret: opts.signingSecret ?? 'fake-signing-secret',
      verificationToken: 'fakeverificationtoken',
    };
    ({
      botToken: this.botToken,
      appToken: this.appToken,
      signingSecret: this.signingSecret,
      teamId: this.teamId,
      appId: this.appId,
      botUserId: this.botUserId,
      botId: this.botId,
    } = identity);
    this.store = new SlackStore(identity, opts.users ?? [], opts.usergroups ?? {}, opts.triggerTtlMs ?? 3000);
    this.limiter = new RateLimiter(opts.limits ?? {});
    this.socket = new SocketModeServer(server, {
      appId: identity.appId,
      wsBase: `ws://127.0.0.1:${port}`,
      pingIntervalMs: opts.socketPingIntervalMs ?? 10_000,
      ackTimeoutMs: opts.socketAckTimeoutMs ?? 5000,
    });
    this.injector = new Injector(this.store, this.socket, this.baseUrl);
    const deps = {
      store: this.store,
      limiter: this.limiter,
      methods: { ...CHAT_METHODS, ...VIEW_METHODS, ...MISC_METHODS, ...PIN_METHODS },
      calls: this.calls,
      baseUrl: this.baseUrl,
      openSocketUrl: () => this.socket.openUrl(),
      onChange: () => this.waiters.notify(),
    };
    server.on('request', (req, res) => {
      handleHttp(deps, req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  }

  // --- logs

  /** Every message chat.postMessage created (chat.update edits them in place; chat.delete removes them). */
  get messages(): readonly FakeSlackMessage[] {
    return this.store.messages;
  }

  /** What the bot posted in its DM with this user. */
  messagesTo(userId: string): FakeSlackMessage[] {
    const channel = this.store.dmChannels.get(userId);
    return this.store.messages.filter((m) => m.channel === channel);
  }

  messagesIn(channel: string): FakeSlackMessage[] {
    return this.store.messages.filter((m) => m.channel === channel);
  }

  /** The channel's pinned messages (pins.add), oldest pin first. */
  pinnedIn(channel: string): FakeSlackMessage[] {
    return (this.store.pins.get(channel) ?? []).flatMap((ts) => this.store.findMessage(channel, ts) ?? []);
  }

  get ephemerals(): readonly FakeSlackEphemeral[] {
    return this.store.ephemerals;
  }

  /** userId → DM channel id ('D…'). */
  get dmChannels(): ReadonlyMap<string, string> {
    return this.store.dmChannels;
  }

  /** The user's DM channel id, created if need be (the id conversations.open will give). */
  dmChannelFor(userId: string): string {
    return this.store.dmFor(userId);
  }

  /** Views opened (views.open / views.push), kept current by views.update. */
  get views(): readonly FakeSlackView[] {
    return this.store.views;
  }

  /** Files completed with files.completeUploadExternal, with their bytes. */
  get files(): readonly FakeSlackFile[] {
    return this.store.files;
  }

  /** Socket Mode connections open right now. */
  get socketClients(): number {
    return this.socket.clients;
  }

  count429(): number {
    return this.limiter.count429;
  }

  /** Resolves with the first call from index `fromIndex` (default 0: the whole log) matching pred. */
  waitForCall(pred: (c: ApiCall) => boolean, timeoutMs = 5000, fromIndex = 0): Promise<ApiCall> {
    const find = () => this.calls.slice(fromIndex).find(pred);
    return this.waiters
      .waitFor(
        () => find() !== undefined,
        timeoutMs,
        () => 'a matching Web API call',
      )
      .then(() => find()!);
  }

  /** Resolves with the first posted message (whole log) matching pred. */
  waitForMessage(pred: (m: FakeSlackMessage) => boolean, timeoutMs = 5000): Promise<FakeSlackMessage> {
    const find = () => this.store.messages.find(pred);
    return this.waiters
      .waitFor(
        () => find() !== undefined,
        timeoutMs,
        () => 'a matching message',
      )
      .then(() => find()!);
  }

  // --- knobs

  /** The next `count` Web API calls get HTTP 429 with Retry-After: retryAfterSec (default 1). */
  storm429({ count, retryAfterSec = 1 }: { count: number; retryAfterSec?: number }): void {
    this.limiter.startStorm(count, retryAfterSec);
  }

  /** Replaces the rate limits (false: none); buckets start full. */
  setLimits(limits: FakeSlackLimits | false): void {
    this.limiter.setLimits(limits);
  }

  /**
   * The user can't get DMs from the bot. conversations.open fails with `reason` (except messages_tab_disabled,
   * which only chat.postMessage reports); posting into an already-open DM fails too: 'user_disabled' → is_archived
   * (a deactivated user, whose users.info shows deleted: true), 'cannot_dm_bot' / 'user_not_visible' →
   * channel_not_found, 'messages_tab_disabled' → messages_tab_disabled.
   */
  blockDmsFrom(userId: string, reason: DmBlockReason = 'user_disabled'): void {
    this.store.blocked.set(userId, reason);
  }

  unblockDmsFrom(userId: string): void {
    this.store.blocked.delete(userId);
  }

  /** users.info and conversations.open answer user_not_found; chat.postMessage to the id channel_not_found. */
  unknownUser(userId: string): void {
    this.store.unknownUsers.add(userId);
  }

  /**
   * The bot token holds only these scopes (null: every scope again): a method needing another answers
   * missing_scope with `needed` and `provided`, as an app installed without it does.
   */
  grantScopes(scopes: readonly string[] | null): void {
    this.store.scopes = scopes ? new Set(scopes) : null;
  }

  /** Every bot-token call answers this error from now on (null: the token works again). */
  revokeBotToken(
    error: 'token_revoked' | 'account_inactive' | 'invalid_auth' | null = 'token_revoked',
  ): void {
    this.store.revoked = error;
  }

  /** The bot is not a member of this channel: chat.postMessage, chat.update and pins.add there answer not_in_channel. */
  removeBotFrom(channel: string): void {
    this.store.outside.add(channel);
  }

  /** A DM between two people ('D…', as Slack sends a slash command typed there); the bot is not in it. */
  dmBetween(a: string, b: string): string {
    return this.store.peerDmFor(a, b);
  }

  /** A fresh trigger id (single-use, expires after triggerTtlMs), as an injected interaction would carry. */
  issueTriggerId(): string {
    return this.store.issueTrigger();
  }

  /** Sends {type:'disconnect'} to every Socket Mode client. */
  disconnectSockets(reason = 'refresh_requested'): void {
    this.socket.disconnectAll(reason);
  }

  // --- injectors over HTTP

  /** X-Slack-Request-Timestamp / X-Slack-Signature for a raw body (e.g. to POST an event yourself). */
  signHeaders(rawBody: string, signing: Signing = {}): Record<string, string> {
    return signingHeaders(this.signingSecret, rawBody, signing);
  }

  slashCommand(url: string, args: SlashCommandArgs & Signing): Promise<HttpInjection> {
    return this.injector.http(url, { kind: 'command', args }, args);
  }

  blockAction(url: string, args: BlockActionArgs & Signing): Promise<HttpInjection> {
    return this.injector.http(url, { kind: 'action', args }, args);
  }

  /** The bot's ack ({response_action: 'errors' | 'update' | 'clear' …} or '') is the handle's body. */
  viewSubmission(url: string, args: ViewSubmissionArgs & Signing): Promise<HttpInjection> {
    return this.injector.http(url, { kind: 'view', args }, args);
  }

  // --- injectors over Socket Mode (the same payloads as envelopes; each resolves with the bot's ack)

  socketSlashCommand(args: SlashCommandArgs): Promise<SocketInjection> {
    return this.injector.overSocket({ kind: 'command', args });
  }

  socketBlockAction(args: BlockActionArgs): Promise<SocketInjection> {
    return this.injector.overSocket({ kind: 'action', args });
  }

  socketViewSubmission(args: ViewSubmissionArgs): Promise<SocketInjection> {
    return this.injector.overSocket({ kind: 'view', args });
  }

  async close(): Promise<void> {
    this.waiters.rejectAll('FakeSlack closed');
    this.injector.abandonAll();
    await this.socket.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
