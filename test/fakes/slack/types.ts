/**
 * Public types of the loopback fake Slack (see fake-slack.ts).
 */

/** Loose JSON as Slack sends and receives it; tests poke at it freely. */
// biome-ignore lint/suspicious/noExplicitAny: a test fake's JSON bodies are read ad hoc by the tests.
export type Json = any;

/** Slack's Web API rate-limit tiers (https://docs.slack.dev/apis/web-api/rate-limits). */
export type SlackTier = 1 | 2 | 3 | 4;

/** A token bucket: refills at perMinute (× FakeSlackLimits.scale), holds at most burst requests. */
export interface BucketSpec {
  perMinute: number;
  burst: number;
}

export interface FakeSlackLimits {
  /** Multiplies every refill rate (bursts stay): 10 runs a benchmark at 10× Slack's rates. Default 1. */
  scale?: number;
  /**
   * Per method per workspace. Defaults: 1 → {1/min, burst 3}, 2 → {20/min, burst 20}, 3 → {50/min, burst 50},
   * 4 → {100/min, burst 100} — "N+ per minute" with the documented tolerance for bursts as a one-minute bucket.
   */
  tiers?: Partial<Record<SlackTier, BucketSpec>>;
  /** Method → tier (or an explicit bucket), over the built-in table (METHOD_TIERS in rate-limits.ts). */
  methods?: Record<string, SlackTier | BucketSpec>;
  /** Tier for methods in neither table. Default 3. */
  defaultTier?: SlackTier;
  /** chat.postMessage per channel: "1 per second, short bursts allowed". Default {60/min, burst 3}. */
  postMessagePerChannel?: BucketSpec;
  /**
   * chat.postMessage workspace-wide ceiling: Slack documents "several hundred messages per minute" without a
   * number; assumed {300/min, burst 30}.
   */
  postMessageWorkspace?: BucketSpec;
}

export interface FakeSlackUser {
  id: string;
  name: string;
  realName?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  /** IANA zone. Default 'America/Los_Angeles' (what Slack shows for a fresh account). */
  tz?: string;
}

export interface FakeSlackOptions {
  /** Default 'fake-signing-secret'. */
  signingSecret?: string;
  /** Default 'xoxb-fake'. */
  botToken?: string;
  /** Default 'xapp-fake'. Only apps.connections.open takes it (and it takes nothing else). */
  appToken?: string;
  /** Default 'T0FAKE0001'. */
  teamId?: string;
  /** Default 'Fake Clinic'; the domain is derived from it ('fake-clinic'). */
  teamName?: string;
  /** Default 'A0FAKEAPP01'. */
  appId?: string;
  /** Default 'U0FAKEBOT01'. */
  botUserId?: string;
  /** Default 'B0FAKEBOT01'. */
  botId?: string;
  /** Default 'interlude'. */
  botName?: string;
  users?: FakeSlackUser[];
  /** Usergroup id ('S…') → member user ids. */
  usergroups?: Record<string, string[]>;
  /** false turns rate limiting off (storm429 still works). Default: Slack's documented rates. */
  limits?: FakeSlackLimits | false;
  /** How long an issued trigger_id stays usable. Default 3000, like Slack. */
  triggerTtlMs?: number;
  /** Server ping interval on Socket Mode connections (the client drops after 30 s without one). Default 10000. */
  socketPingIntervalMs?: number;
  /** How long socket injectors wait for the envelope's ack. Default 5000. */
  socketAckTimeoutMs?: number;
}

export interface ApiCall {
  method: string;
  /** Form or JSON params; blocks / view / files / attachments / metadata JSON-parsed when sent as strings. */
  params: Record<string, Json>;
  /** 'bot', 'app', or null when no (valid) token came with the call. */
  tokenType: 'bot' | 'app' | null;
  status: number;
  ok: boolean;
  error?: string;
  /** The JSON answered. */
  response: Json;
  /** Date.now() on arrival. */
  at: number;
  rateLimited: boolean;
  /** The Retry-After header (seconds) of a 429. */
  retryAfterSec?: number;
}

export interface FakeSlackMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: Json[];
  threadTs?: string;
  metadata?: Json;
  /** The bot user id (every message in the log is the bot's). */
  user: string;
  at: number;
  /** How many chat.update calls changed it. */
  edits: number;
  editedAt: number | null;
}

export interface FakeSlackEphemeral {
  channel: string;
  user: string;
  text: string;
  blocks: Json[];
  messageTs: string;
  at: number;
}

export interface FakeSlackView {
  id: string;
  externalId?: string;
  type: string;
  callbackId: string;
  privateMetadata: string;
  title: Json;
  blocks: Json[];
  hash: string;
  rootViewId: string;
  previousViewId: string | null;
  /** How the view came to be: views.open or views.push. */
  openedWith: 'views.open' | 'views.push';
  triggerId: string;
  /** The latest view payload the bot sent (updated by views.update). */
  view: Json;
  updates: number;
  at: number;
}

export interface FakeSlackFile {
  id: string;
  filename: string;
  title: string;
  /** The length announced to files.getUploadURLExternal. */
  declaredLength: number;
  content: Buffer;
  /** The channel it was shared to, or null (private upload). */
  channel: string | null;
  initialComment?: string;
  threadTs?: string;
  at: number;
}

/** A POST the bot made to an injected interaction's response_url. */
export interface ResponseUrlPost {
  text?: string;
  blocks?: Json[];
  response_type?: string;
  replace_original?: boolean;
  delete_original?: boolean;
  /** The whole JSON body. */
  body: Json;
  at: number;
}

/** What every injection shares: the payload sent, its trigger and response_url, and what the bot posted there. */
export interface InjectionBase {
  readonly triggerId: string;
  /** '' when the payload carries none (view submissions, actions inside a modal). */
  readonly responseUrl: string;
  /** What was delivered: the slash command's fields, or the interaction payload. */
  readonly payload: Json;
  readonly responses: readonly ResponseUrlPost[];
  waitForResponses(n: number, timeoutMs?: number): Promise<void>;
}

export interface HttpInjection extends InjectionBase {
  readonly status: number;
  /** The bot's HTTP response body: parsed JSON, else the text ('' when empty). */
  readonly body: Json;
  /** ms from sending the request to having the whole response. */
  readonly ackMs: number;
}

export interface SocketAck {
  envelope_id: string;
  payload?: Json;
}

export interface SocketInjection extends InjectionBase {
  readonly envelopeId: string;
  readonly ack: SocketAck;
  /** ack.payload (the socket equivalent of the HTTP response body), or undefined. */
  readonly body: Json;
  /** ms from sending the envelope to receiving its ack. */
  readonly ackMs: number;
}

export interface Signing {
  /** 'valid' (default), 'bad' (signed with another secret) or 'missing' (no signature/timestamp headers). */
  sign?: 'valid' | 'bad' | 'missing';
  /** X-Slack-Request-Timestamp in epoch seconds; default now. */
  timestamp?: number;
}

export interface SlashCommandArgs {
  user: string;
  text: string;
  /** Default '/interlude'. */
  command?: string;
  /** Default the user's DM with the bot ('D…', the same id conversations.open gives). */
  channelId?: string;
  /** Default 'directmessage' for a DM, else 'general'. */
  channelName?: string;
}

export interface BlockActionArgs {
  user: string;
  buttonId: string;
  value?: string;
  /** Default: the block holding buttonId in the message/view, else 'fake_block'. */
  blockId?: string;
  /** Default the user's DM. Ignored when view is given. */
  channelId?: string;
  /** A message the bot posted (its blocks are sent along); a message container. */
  messageTs?: string;
  /** An action inside a modal: a view id the bot opened, or a view object. No channel, no response_url. */
  view?: string | Json;
}

export interface ViewSubmissionArgs {
  user: string;
  view: {
    /** A view the bot opened (its title/blocks/hash are sent along); default a fresh id. */
    id?: string;
    callback_id: string;
    private_metadata?: string;
    state: { values: Json };
  };
}

export type DmBlockReason = 'user_disabled' | 'cannot_dm_bot' | 'user_not_visible' | 'messages_tab_disabled';
