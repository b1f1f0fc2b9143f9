/** The Queue port: jobs prepared by the owner, sent by any worker, outcomes reported back (two drivers, one contract). */
import type { Instant, Platform } from '../domain/types.js';
import type { OutMessage } from '../views/message.js';
import type { Recipient, SendResult } from './messenger.js';

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
