/**
 * The delivery half of the ports: how a planned nudge becomes a message on a chat platform. The app hands rows to
 * an Outbox; the Outbox prepares SendJobs for a Queue (in-process or BullMQ); workers send through a Messenger and
 * report SendOutcomes back to the process that owns the store. Re-exported by src/ports.ts.
 */
import type { Instant, Platform } from './domain/types.js';
import type { OutMessage } from './views/message.js';

export interface Recipient {
  platform: Platform;
  spaceExternalId: string;
  userId: string;
  dmChannelId: string | null;
}

export type SendResult =
  | { ok: true; dmChannelId?: string }
  /** `permanent`: retrying cannot help (the person closed their DMs, the user is gone). */
  | { ok: false; permanent: boolean; reason: string; retryAfterMs?: number };

export interface SendOptions {
  /** The delivery key: a platform that supports it (Discord nonce) drops a resend. */
  idempotencyKey: string;
  /** Chat mode for this message; unset: the messenger's own setting. */
  answerInChat?: boolean;
}

export interface Messenger {
  sendDirect(to: Recipient, message: OutMessage, opts: SendOptions): Promise<SendResult>;
  /** Posting to shared channels; absent where the platform (or this setup) cannot, so callers must check. */
  readonly channels?: ChannelPosts;
}

// ------------------------------------------------------------------------------------ messenger capabilities
// Optional capabilities (issue 12, part 7): an adapter implements what its platform can; one contract suite
// (test/messenger/messenger-contract.ts) holds every adapter to the same behaviour.

/** A shared channel: a Discord guild text channel, a Slack channel, a named room on the console. */
export interface ChannelRef {
  platform: Platform;
  spaceExternalId: string;
  channelId: string;
}

/** Where a post landed, so it can be edited or pinned later. Plain JSON: the app may store it. */
export interface PostedRef {
  platform: Platform;
  channelId: string;
  /**
   * The platform's ids of the post's pieces, in order (Discord message ids, Slack `ts`): a long post can take more
   * than one message. The first is the one pinned.
   */
  messageIds: string[];
}

/** A refusal or failure, shaped like a failed SendResult: `permanent` when retrying the same call cannot help. */
export type SendFailure = Extract<SendResult, { ok: false }>;
/** A post, or its edit: the ref to keep (an edit that needs more or fewer pieces changes it). */
export type PostResult = { ok: true; posted: PostedRef } | SendFailure;
export type DoneResult = { ok: true } | SendFailure;

/**
 * Posting into a shared channel. Nothing posted pings anyone (no @everyone, no mentions) and people's words show
 * exactly as written. Health content (`sensitive`) is refused: a channel is never private.
 */
export interface ChannelPosts {
  /** `idempotencyKey`: a platform that supports it (Discord nonce) drops a resend. */
  post(to: ChannelRef, message: OutMessage, opts?: { idempotencyKey?: string }): Promise<PostResult>;
  /** Replace what a post says. */
  update(posted: PostedRef, message: OutMessage): Promise<PostResult>;
  /** Pin the post (its first piece). Pinning a pinned post succeeds. */
  pin(posted: PostedRef): Promise<DoneResult>;
}

/** A planned delivery row, as the planner hands it on. */
export interface DeliveryJob {
  deliveryId: number;
  key: string;
}

/**
 * Where the app layer hands planned nudges. It prepares each from the store (the record) and passes it to the
 * queue; it never throws because a queue backend is away: the row stays pending and is handed over later.
 */
export interface Outbox {
  enqueue(job: DeliveryJob, now: Instant): Promise<void>;
  /**
   * Take back queued nudges (the person erased their data): best effort and without waiting, so the use case
   * never waits on Redis. A nudge already being sent still goes; one waiting or retrying does not.
   */
  withdraw(platform: Platform, keys: string[]): void;
}

/**
 * Everything a delivery worker needs to send one nudge, with no database: who, what, and by when. Built by the
 * process that owns the SQLite file; plain JSON, so it can travel through Redis to a worker on another machine.
 */
export interface SendJob {
  deliveryId: number;
  /** The delivery key: the queue's job id and the platform's idempotency key. */
  key: string;
  to: Recipient;
  message: OutMessage;
  /** Chat mode for this nudge (mood buttons instead of a link), decided by the owner's ANSWER_IN_CHAT. */
  answerInChat: boolean;
  dueAt: Instant;
  /** Past this instant (the grace window, or the start of the person's quiet hours) the nudge is not sent. */
  sendBy: Instant;
}

/** What became of one attempt at a SendJob; reported back to the process that owns the store. */
export type SendOutcome =
  | { status: 'sent'; at: Instant; dmChannelId?: string }
  /** This attempt failed and another will follow (after a backoff). */
  | { status: 'retry'; at: Instant; reason: string }
  | { status: 'failed'; at: Instant; reason: string; permanent: boolean }
  /** Picked up too late (after `sendBy`): not sent. */
  | { status: 'missed'; at: Instant };

/** Send one job through the platform: the messenger, seen from a worker. */
export type Sender = (job: SendJob) => Promise<SendResult>;

export type SubmitResult = 'queued' | 'unavailable';

/**
 * The Queue port. Two drivers implement it (in-process, BullMQ on Redis) and pass one contract suite
 * (test/queue/queue-contract.ts). The owner submits jobs and receives every outcome through the callback it gave
 * the driver; workers (in this process or, with BullMQ, elsewhere) send.
 */
export interface Queue {
  readonly driver: 'in-process' | 'bullmq';
  /** Queue a job. A key already queued (or finished and still remembered) is not queued again. */
  submit(job: SendJob): Promise<SubmitResult>;
  /** Whether the queue holds the job (waiting, running, retrying or recently finished). */
  has(platform: Platform, key: string): Promise<boolean>;
  /** Run delivery workers in this process. */
  startWorkers(send: Sender): void;
  /** Remove a job that is waiting or waiting to retry; a job being sent is left to finish. */
  remove(platform: Platform, key: string): Promise<void>;
  /** Pause every worker for `ms` (a platform said 429); jobs wait, none are dropped. */
  rateLimit(platform: Platform, ms: number): Promise<void>;
  /** Resolves when every job this process submitted has a final outcome recorded. */
  drain(): Promise<void>;
  /** Jobs waiting, running or waiting to retry. */
  depth(): Promise<number>;
  /** Stop taking jobs, let those in flight finish, close connections. */
  close(): Promise<void>;
}

/** The owner's side of the queue: told of each outcome, records it in the store. */
export type OutcomeHandler = (job: SendJob, outcome: SendOutcome) => void | Promise<void>;

/** Counters the delivery path updates; /metrics reads them. */
export interface DeliveryMetrics {
  planned(n: number): void;
  sent(latenessMs: number): void;
  failed(permanent: boolean): void;
  late(n: number): void;
}
