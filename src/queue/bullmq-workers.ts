import { Queue as BullQueue, type Job, RateLimitError, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Instant, Platform } from '../domain/types.js';
import type { Logger } from '../ports/logger.js';
import type { Sender, SendJob, SendOutcome } from '../ports/queue.js';
import { type RetryPolicy, sendStep } from './send-step.js';

/** Queue names under the configured prefix: one delivery queue per platform (each has its own ceiling). */
export const deliveryQueueName = (platform: Platform): string => `deliveries-${platform}`;
export const OUTCOME_QUEUE = 'outcomes';

/** What travels back to the owner of the SQLite file. */
export interface OutcomeData {
  job: SendJob;
  outcome: SendOutcome;
}

/** A platform's ceiling, as workers apply it: a shared BullMQ limiter and the jobs each process runs at once. */
export interface PlatformLimit {
  perSecond: number;
  concurrency: number;
}

/**
 * Concurrency from the ceiling: enough sends in flight to fill `perSecond` when a request takes up to half a
 * second, bounded so a small ceiling does not open a crowd of sockets.
 */
export const concurrencyFor = (perSecond: number): number =>
  Math.max(2, Math.min(100, Math.ceil(perSecond / 2)));

export interface DeliveryWorkerOptions {
  redisUrl: string;
  prefix: string;
  /** The platforms this process can send to; a worker takes jobs only from their queues. */
  platforms: Platform[];
  send: Sender;
  limits: Partial<Record<Platform, PlatformLimit>>;
  retry: RetryPolicy;
  now: () => Instant;
  log: Logger;
  /** How long a job's lock lasts; a crashed worker's jobs return to the queue after about this long. */
  lockMs: number;
}

export interface DeliveryWorkers {
  /** Pause every worker of that platform (in every process) for `ms`. */
  rateLimit(platform: Platform, ms: number): Promise<void>;
  /** Stop taking jobs, finish those in flight, close connections. */
  close(): Promise<void>;
}

/** ioredis for BullMQ workers: commands wait out a reconnect instead of failing (BullMQ requires this). */
export const workerConnection = (url: string): Redis =>
  new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(200 * times, 2_000),
  });

/**
 * Delivery workers on BullMQ. They need Redis and the platform clients only: each job carries everything to send
 * (src/app/deliver.ts prepareDelivery), and every outcome goes back through the outcomes queue to the process
 * that owns the store. Used by the bot process (workers in-process) and by `npm run worker` alike.
 */
export function startDeliveryWorkers(o: DeliveryWorkerOptions): DeliveryWorkers {
  const conn = workerConnection(o.redisUrl);
  conn.on('error', () => {
    // Reconnects are ioredis's job; BullMQ reports the failures it cares about through the workers' 'error'.
  });
  const outcomes = new BullQueue<OutcomeData>(OUTCOME_QUEUE, { connection: conn, prefix: o.prefix });
  const queues = new Map<Platform, BullQueue>();
  const workers: Worker[] = [];
  let lastError = 0;
  const onError = (err: Error) => {
    // A Redis outage produces an error per command; one line every 10 s is enough to see it.
    if (Date.now() - lastError > 10_000) {
      lastError = Date.now();
      o.log.warn({ err: err.message }, 'delivery worker: redis error');
    }
  };
  outcomes.on('error', onError);

  const report = async (job: SendJob, outcome: SendOutcome, attempt: number) => {
    await outcomes.add(
      'outcome',
      { job, outcome },
      {
        // No ':' allowed in custom ids; the same attempt reported twice (after a crash) is one job.
        jobId: `${job.key.replaceAll(':', '.')}.${attempt}.${outcome.status}`,
        removeOnComplete: true,
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    );
  };

  for (const platform of o.platforms) {
    const limit = o.limits[platform] ?? { perSecond: 1, concurrency: 1 };
    const name = deliveryQueueName(platform);
    const queue = new BullQueue(name, { connection: conn, prefix: o.prefix });
    queue.on('error', onError);
    queues.set(platform, queue);
    const worker = new Worker<SendJob, string>(
      name,
      async (job: Job<SendJob, string>) => {
        const attempt = job.attemptsMade + 1;
        // The owner set the attempts on the job; the worker follows the job, not its own config.
        const maxAttempts = job.opts.attempts ?? o.retry.maxAttempts;
        const step = await sendStep(job.data, o.send, { now: o.now, attempt, maxAttempts });
        if (step.next === 'rate-limited') {
          // The platform said 429: every worker of this queue, here and on other machines, waits it out.
          await queue.rateLimit(step.waitMs);
          throw new RateLimitError();
        }
        await report(job.data, step.outcome, attempt);
        if (step.next === 'retry') throw new Error(step.outcome.reason);
        const out = step.outcome;
        // Retrying cannot help: the person closed their DMs, the user is gone, or the attempts are used up.
        if (out.status === 'failed') throw new UnrecoverableError(out.reason);
        return out.status;
      },
      {
        connection: conn,
        prefix: o.prefix,
        concurrency: limit.concurrency,
        limiter: { max: limit.perSecond, duration: 1_000 },
        lockDuration: o.lockMs,
        stalledInterval: o.lockMs,
        maxStalledCount: 5,
      },
    );
    worker.on('error', onError);
    workers.push(worker);
  }

  return {
    async rateLimit(platform, ms) {
      await queues.get(platform)?.rateLimit(ms);
    },
    async close() {
      // Worker.close waits for the jobs in flight; only then are the connections closed.
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([...queues.values()].map((q) => q.close()));
      await outcomes.close();
      conn.disconnect();
    },
  };
}
