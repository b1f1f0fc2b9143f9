import { z } from 'zod';
import { blankIsUnset, boolFlag, int } from './fields.js';

/** Queue mode's settings (BullMQ on Redis, delivery workers, the queue dashboard), part of the one env schema. */
export const queueEnv = {
  REDIS_URL: z.preprocess(
    blankIsUnset,
    z
      .url({
        protocol: /^rediss?$/,
        error: 'expects a Redis address like redis://127.0.0.1:6379 (rediss:// for TLS)',
      })
      .optional(),
  ),
  QUEUE_PREFIX: z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, {
        error: 'expects letters, digits, - or _ (at most 40), no colon: the BullMQ key prefix in Redis',
      })
      .default('interlude'),
  ),
  WORKERS_IN_PROCESS: boolFlag('true'),
  DELIVERY_ATTEMPTS: int(5, 1, 20, 'how many times a nudge is tried before it is given up'),
  DELIVERY_BACKOFF_MS: int(2_000, 10, 600_000, 'milliseconds before the first retry (it doubles each time)'),
  DELIVERY_CONCURRENCY: z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ error: 'expects sends in flight per worker process, a whole number from 1 to 500' })
      .int({ error: 'expects sends in flight per worker process, a whole number from 1 to 500' })
      .min(1, { error: 'expects sends in flight per worker process, a whole number from 1 to 500' })
      .max(500, { error: 'expects sends in flight per worker process, a whole number from 1 to 500' })
      .optional(),
  ),
  QUEUE_LOCK_MS: int(
    30_000,
    1_000,
    600_000,
    "milliseconds a worker's hold on a job lasts; a crashed worker's jobs return to the queue after about this long",
  ),
  SHUTDOWN_TIMEOUT_MS: int(
    25_000,
    1_000,
    600_000,
    'milliseconds a shutdown may take to finish the deliveries in flight before the process leaves anyway',
  ),
  SLACK_MESSAGES_PER_SECOND: int(10, 1, 1_000, 'direct messages per second sent to one Slack workspace'),
  ADMIN_USER: z.preprocess(blankIsUnset, z.string().trim().min(1).max(64).default('admin')),
  ADMIN_PASSWORD: z.preprocess(
    blankIsUnset,
    z
      .string()
      .min(16, { error: 'expects at least 16 characters (make one with: openssl rand -base64 24)' })
      .optional(),
  ),
};

type QueueEnv = z.infer<z.ZodObject<typeof queueEnv>>;

export interface QueueConfig {
  redisUrl: string | null;
  prefix: string;
  /** Run delivery workers inside the bot process (with BullMQ; the in-process queue always does). */
  workersInProcess: boolean;
  attempts: number;
  backoffMs: number;
  /** Per worker process; null: derived from each platform's ceiling. */
  concurrency: number | null;
  lockMs: number;
  slackMessagesPerSecond: number;
  /** How long SIGTERM/SIGINT may take before the process leaves anyway (Redis unreachable, say). */
  shutdownTimeoutMs: number;
}

export const queueConfigOf = (e: QueueEnv): QueueConfig => ({
  redisUrl: e.REDIS_URL ?? null,
  prefix: e.QUEUE_PREFIX,
  workersInProcess: e.WORKERS_IN_PROCESS,
  attempts: e.DELIVERY_ATTEMPTS,
  backoffMs: e.DELIVERY_BACKOFF_MS,
  concurrency: e.DELIVERY_CONCURRENCY ?? null,
  lockMs: e.QUEUE_LOCK_MS,
  slackMessagesPerSecond: e.SLACK_MESSAGES_PER_SECOND,
  shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
});
