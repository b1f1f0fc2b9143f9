import { Queue as BullQueue, type Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Instant, Platform } from '../domain/types.js';
import { LATE, rejectAfter, withDeadline } from '../lib/deadline.js';
import type { Logger } from '../ports/logger.js';
import type { OutcomeHandler, Queue, Sender, SendJob, SubmitResult } from '../ports/queue.js';
import {
  type DeliveryWorkers,
  deliveryQueueName,
  OUTCOME_QUEUE,
  type OutcomeData,
  type PlatformLimit,
  startDeliveryWorkers,
  workerConnection,
} from './bullmq-workers.js';
import type { RetryPolicy } from './send-step.js';

export interface BullMqQueueOptions {
  redisUrl: string;
  /** BullMQ key prefix: two bots sharing one Redis need different ones. */
  prefix: string;
  /** The platforms this bot delivers to (one queue each). */
  platforms: Platform[];
  limits: Partial<Record<Platform, PlatformLimit>>;
  retry: RetryPolicy;
  now: () => Instant;
  log: Logger;
  onOutcome: OutcomeHandler;
  lockMs: number;
  /** How long a finished job is kept, so a second submit of its key is a no-op (default 6 hours). */
  keepFinishedMs?: number;
}

/** Final outcomes end a job; 'retry' does not. */
const FINAL = new Set(['sent', 'failed', 'missed']);

/** A Redis command that may not answer (Redis away): give up after this long and say 'unavailable'. */
const COMMAND_DEADLINE_MS = 2_000;
const REDIS_SILENT = 'redis did not answer in time';

/**
 * The BullMQ driver, in the process that owns the store. Each job's id is its delivery key, so planning twice
 * queues once. Jobs retry with exponential backoff. Outcomes come back on the outcomes queue, one at a time,
 * and go to `onOutcome`. Submitting never waits on a Redis that is away: it answers 'unavailable' at once, the
 * row stays pending in SQLite, and the outbox offers it again when Redis is back (`onReconnect`).
 */
export class BullMqQueue implements Queue {
  readonly driver = 'bullmq' as const;
  /** Producer commands fail fast while Redis is away instead of queueing in memory. */
  private readonly producer: Redis;
  private readonly consumerConn: Redis;
  private readonly queues = new Map<Platform, BullQueue<SendJob>>();
  private readonly outcomeWorker: Worker<OutcomeData>;
  private workers: DeliveryWorkers | null = null;
  private readonly inFlight = new Set<string>();
  private drainWaiters: (() => void)[] = [];
  private reconnectListeners: (() => void)[] = [];
  private wasDown = false;
  private lastDepth = 0;
  private lastError = 0;

  constructor(private readonly o: BullMqQueueOptions) {
    this.producer = new Redis(o.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (times) => Math.min(200 * times, 2_000),
    });
    this.producer.on('error', (err) => this.noteError(err));
    this.producer.on('close', () => {
      this.wasDown = true;
    });
    this.producer.on('ready', () => {
      if (!this.wasDown) return;
      this.wasDown = false;
      o.log.info({}, 'redis is back: offering pending deliveries again');
      for (const l of this.reconnectListeners) l();
    });
    for (const platform of o.platforms) {
      const q = new BullQueue<SendJob>(deliveryQueueName(platform), {
        connection: this.producer,
        prefix: o.prefix,
      });
      q.on('error', (err) => this.noteError(err));
      this.queues.set(platform, q);
    }
    this.consumerConn = workerConnection(o.redisUrl);
    this.consumerConn.on('error', () => {});
    this.outcomeWorker = new Worker<OutcomeData>(
      OUTCOME_QUEUE,
      async (job: Job<OutcomeData>) => this.record(job.data),
      { connection: this.consumerConn, prefix: o.prefix, concurrency: 1 },
    );
    this.outcomeWorker.on('error', (err) => this.noteError(err));
  }

  /** Called when Redis comes back after being away. */
  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  /** Whether Redis answers a PING now (for /healthz). */
  async ping(): Promise<boolean> {
    if (this.producer.status !== 'ready') return false;
    try {
      return (await rejectAfter(this.producer.ping(), COMMAND_DEADLINE_MS, REDIS_SILENT)) === 'PONG';
    } catch {
      return false;
    }
  }

  /** The BullMQ queues, for the dashboard. */
  bullQueues(): BullQueue[] {
    return [...this.queues.values()];
  }

  startWorkers(send: Sender): void {
    this.workers = startDeliveryWorkers({
      redisUrl: this.o.redisUrl,
      prefix: this.o.prefix,
      platforms: this.o.platforms,
      send,
      limits: this.o.limits,
      retry: this.o.retry,
      now: this.o.now,
      log: this.o.log,
      lockMs: this.o.lockMs,
    });
  }

  async submit(job: SendJob): Promise<SubmitResult> {
    const q = this.queues.get(job.to.platform);
    if (!q) {
      this.o.log.warn(
        { delivery: job.key, platform: job.to.platform },
        'no delivery queue for this platform',
      );
      return 'unavailable';
    }
    if (this.producer.status !== 'ready') return 'unavailable';
    const keepS = Math.ceil((this.o.keepFinishedMs ?? 6 * 3_600_000) / 1000);
    this.inFlight.add(job.key);
    try {
      await rejectAfter(
        q.add('nudge', job, {
          jobId: job.key,
          attempts: this.o.retry.maxAttempts,
          backoff: { type: 'exponential', delay: this.o.retry.backoffMs },
          removeOnComplete: { age: keepS },
          removeOnFail: { age: 7 * 24 * 3600 },
        }),
        COMMAND_DEADLINE_MS,
        REDIS_SILENT,
      );
      // A key BullMQ still remembers as finished was not queued again; its outcome is already on its way or
      // recorded, so there is nothing to wait for.
      const state = await rejectAfter(q.getJobState(job.key), COMMAND_DEADLINE_MS, REDIS_SILENT);
      if (state === 'completed' || state === 'failed') {
        this.inFlight.delete(job.key);
        this.settle();
      }
      return 'queued';
    } catch (err) {
      this.noteError(err);
      this.inFlight.delete(job.key);
      this.settle();
      return 'unavailable';
    }
  }

  async has(platform: Platform, key: string): Promise<boolean> {
    const q = this.queues.get(platform);
    if (!q) return false;
    if (this.producer.status !== 'ready') throw new Error('redis is not reachable');
    const state = await rejectAfter(q.getJobState(key), COMMAND_DEADLINE_MS, REDIS_SILENT);
    return state !== 'unknown';
  }

  async remove(platform: Platform, key: string): Promise<void> {
    const q = this.queues.get(platform);
    if (!q || this.producer.status !== 'ready') return;
    const state = await rejectAfter(q.getJobState(key), COMMAND_DEADLINE_MS, REDIS_SILENT);
    if (state !== 'waiting' && state !== 'delayed' && state !== 'prioritized') return;
    // Removing a job that a worker locked meanwhile fails; that send then goes ahead and reports as usual.
    const removed = await rejectAfter(q.remove(key), COMMAND_DEADLINE_MS, REDIS_SILENT);
    if (removed === 1) {
      this.inFlight.delete(key);
      this.settle();
    }
  }

  async rateLimit(platform: Platform, ms: number): Promise<void> {
    await this.queues.get(platform)?.rateLimit(ms);
  }

  async depth(): Promise<number> {
    if (this.producer.status !== 'ready') return this.lastDepth;
    try {
      let n = 0;
      for (const q of this.queues.values()) {
        const c = await rejectAfter(
          q.getJobCounts('wait', 'active', 'delayed', 'prioritized'),
          COMMAND_DEADLINE_MS,
          REDIS_SILENT,
        );
        n += Object.values(c).reduce((a, b) => a + b, 0);
      }
      this.lastDepth = n;
    } catch (err) {
      this.noteError(err);
    }
    return this.lastDepth;
  }

  drain(): Promise<void> {
    if (this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** Resolves once Redis answers (or after `ms`); startup does not need it, tests do. */
  async ready(ms = 10_000): Promise<boolean> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (await this.ping()) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }

  private closing: Promise<void> | null = null;

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    // Delivery workers first (they finish what they hold and report it), then the outcomes they reported are
    // recorded, then the outcome consumer stops.
    await this.workers?.close();
    await this.recordReported(5_000);
    // The outcome consumer holds no work worth waiting for (an outcome not yet recorded stays in Redis for the next
    // start), and after a Redis restart its blocking read can keep a graceful close waiting: give it a moment, then
    // force it.
    if ((await withDeadline(this.outcomeWorker.close(), 2_000)) === LATE) {
      await withDeadline(this.outcomeWorker.close(true), 2_000);
    }
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.producer.disconnect();
    this.consumerConn.disconnect();
    this.inFlight.clear();
    this.settle();
  }

  /** Wait (bounded) until the outcomes queue is empty, so what finished before a shutdown is recorded. */
  private async recordReported(ms: number): Promise<void> {
    if (this.producer.status !== 'ready') return;
    const outcomes = new BullQueue(OUTCOME_QUEUE, { connection: this.producer, prefix: this.o.prefix });
    try {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        const c = await rejectAfter(
          outcomes.getJobCounts('wait', 'active', 'delayed', 'prioritized'),
          ms,
          REDIS_SILENT,
        );
        if (Object.values(c).every((n) => n === 0)) return;
        await new Promise((r) => setTimeout(r, 25));
      }
    } catch (err) {
      this.noteError(err);
    } finally {
      await outcomes.close();
    }
  }

  private async record(data: OutcomeData): Promise<void> {
    await this.o.onOutcome(data.job, data.outcome);
    if (FINAL.has(data.outcome.status)) {
      this.inFlight.delete(data.job.key);
      this.settle();
    }
  }

  private settle(): void {
    if (this.inFlight.size > 0) return;
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const w of waiters) w();
  }

  private noteError(err: unknown): void {
    if (Date.now() - this.lastError < 10_000) return;
    this.lastError = Date.now();
    this.o.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'queue: redis error');
  }
}
