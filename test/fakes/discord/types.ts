/**
 * Public types of the loopback fake Discord (see fake-discord.ts).
 */

/** Loose JSON as Discord sends and receives it; tests poke at it freely. */
// biome-ignore lint/suspicious/noExplicitAny: a test fake's JSON bodies are read ad hoc by the tests.
export type Json = any;

export interface RateLimitSpec {
  limit: number;
  windowMs: number;
}

export interface FakeDiscordOptions {
  /** Default 'fake-bot-token'. REST requests without `Authorization: Bot <token>` get 401. */
  token?: string;
  /** Default '100000000000000001'. */
  applicationId?: string;
  /** Default = applicationId. */
  botUserId?: string;
  /** Default 'Interlude'. */
  botUsername?: string;
  /** Sent in READY (unavailable) then one GUILD_CREATE each. */
  guilds?: FakeGuild[];
  /**
   * Global bucket: a token bucket refilling at this rate with a burst of twice the rate (+10%), which is the most
   * a client pacing itself with @discordjs/rest's fixed one-second windows can ever send in a short span.
   * Interaction callbacks and interaction webhooks are exempt, like Discord. Default 50.
   */
  globalRatePerSecond?: number;
  /**
   * Per-route bucket, keyed by route + major parameter like Discord (channel id, guild id, webhook id/token,
   * interaction id): a fixed window opened by the first request. Default { limit: 5, windowMs: 1000 }.
   */
  routeLimit?: RateLimitSpec;
  /**
   * Overrides of routeLimit by route name ('POST /users/@me/channels'). Built in:
   * 'POST /users/@me/channels' → { limit: 50, windowMs: 1000 } (one bucket for every recipient, so 5/s would
   * cap a DM fan-out at 5 users/s; the global bucket is what paces it).
   */
  routeLimits?: Record<string, RateLimitSpec>;
  /** Default 41250. */
  heartbeatIntervalMs?: number;
  /**
   * When set, a first interaction callback later than this (ms after injection) gets 404 10062 Unknown interaction,
   * as Discord does after 3 s. Default: no deadline.
   */
  callbackDeadlineMs?: number | null;
}

export interface FakeRole {
  id: string;
  name: string;
  /** Bitfield as a decimal string. Default '0'. */
  permissions?: string;
}

export interface FakeGuild {
  id: string;
  name: string;
  roles?: FakeRole[];
  /** Default '999999999999999999' (nobody). The owner's interactions carry every permission. */
  ownerId?: string;
  /** Text channels. Default: one 'general' channel with a generated id (see FakeDiscord.defaultChannelId). */
  channels?: { id: string; name: string }[];
}

export interface FakeUser {
  id: string;
  username: string;
  globalName?: string;
}

export interface FakeMember {
  roles?: string[];
  /** Bitfield as a decimal string, e.g. (1n << 5n).toString() for Manage Server. Default: the roles' union. */
  permissions?: string;
}

export interface FakeFile {
  /** Form field name, e.g. 'files[0]'. */
  name: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface RequestLogEntry {
  method: string;
  /** Without the /api/v10 prefix, e.g. '/channels/123/messages'. */
  path: string;
  /** The matched route, e.g. 'POST /channels/:id/messages', or 'unknown'. */
  route: string;
  query: Record<string, string>;
  /** Parsed JSON, or { payload_json, files } for multipart, or null. */
  body: Json;
  status: number;
  /** Date.now() when the request arrived. */
  at: number;
  rateLimited: boolean;
  /** The Discord error code when the fake answered with one. */
  errorCode?: number;
}

export interface FakeAttachment {
  id: string;
  filename: string;
  contentType: string;
  data: Buffer;
  description?: string;
}

export interface FakeMessage {
  id: string;
  channelId: string;
  guildId?: string;
  content: string;
  components: Json[];
  embeds: Json[];
  attachments: FakeAttachment[];
  nonce: string | number | null;
  authorId: string;
  flags: number;
  createdAt: number;
  editedAt: number | null;
}

export interface CallbackRecord {
  type: number;
  data?: Json;
  files: FakeAttachment[];
  at: number;
}

export interface FollowUpRecord {
  id: string;
  content?: string;
  components?: Json[];
  embeds?: Json[];
  flags?: number;
  files: FakeAttachment[];
  at: number;
}

export interface EditRecord {
  /** '@original' or a follow-up's id. */
  messageId: string;
  content?: string;
  components?: Json[];
  embeds?: Json[];
  files: FakeAttachment[];
  at: number;
}

export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  /** The INTERACTION_CREATE body, as dispatched (or to POST, for via: 'http'). */
  readonly payload: Json;
  /** For via: 'http': record the bot's HTTP response body ({type, data}) as the interaction's callback. */
  recordHttpResponse(body: { type: number; data?: Json }): void;
  /** Resolves with the first callback; rejects after timeoutMs (default 5000). */
  response(timeoutMs?: number): Promise<CallbackRecord>;
  /** ms between injection and the first callback, or null before it. */
  readonly responseDelayMs: number | null;
  /** Every callback attempt that was accepted (only ever one) — see also requests for the rejected ones. */
  readonly callbacks: readonly CallbackRecord[];
  readonly followUps: readonly FollowUpRecord[];
  readonly edits: readonly EditRecord[];
  waitForFollowUps(n: number, timeoutMs?: number): Promise<void>;
  waitForEdits(n: number, timeoutMs?: number): Promise<void>;
}

export interface GatewayEvent {
  op: number;
  t?: string | null;
  s?: number | null;
  dir: 'in' | 'out';
  at: number;
  /** The payload of frames the client sent (IDENTIFY, RESUME, …). */
  d?: Json;
  /** Which connection (1, 2, …) carried the frame. A closed connection logs { op: -1, t: 'CLOSE', d: { code } }. */
  conn: number;
}

export interface Interacting {
  user: FakeUser;
  guildId?: string;
  member?: FakeMember;
  /** A guild text channel; default the guild's first channel (or the user's DM channel without guildId). */
  channelId?: string;
  /**
   * 'gateway' (default): dispatched as INTERACTION_CREATE. 'http': not dispatched — POST handle.payload to the
   * bot's interactions endpoint yourself (FakeDiscord.signInteraction / postInteraction help); its webhook
   * follow-ups and @original edits are accepted and recorded without a callback.
   */
  via?: 'gateway' | 'http';
}

export interface SlashCommandArgs extends Interacting {
  name: string;
  subcommand?: string;
  options?: Record<string, string>;
  /** By option name; default 3 (STRING). 4/10 send numbers, 5 a boolean, 6/7/8/9 ids with `resolved`. */
  optionTypes?: Record<string, number>;
}

export interface ClickButtonArgs extends Interacting {
  customId: string;
  /** A message the bot sent (its components and channel are used); default a synthetic bot message. */
  messageId?: string;
}

export interface SubmitModalArgs extends Interacting {
  customId: string;
  fields: Record<string, string>;
  /**
   * 'rows': action rows of text inputs (legacy); 'labels': label components (type 18) wrapping text inputs.
   * Default: mirror the modal the bot last showed with this custom_id, else 'rows'.
   */
  shape?: 'rows' | 'labels';
}
