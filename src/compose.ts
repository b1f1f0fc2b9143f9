import { join } from 'node:path';
import { ALL_COMMANDS } from '../commands/registry.js';
import type { AppDeps, AppSettings, CoreDeps, ExportCopies } from './app/deps.js';
import type { Routes } from './app/feature.js';
import { housekeeping } from './app/housekeeping.js';
import { deriveLinkKey } from './app/links.js';
import { DeliveryOutbox } from './app/outbox.js';
import { planTick } from './app/plan-nudges.js';
import { type Registry, registryOf } from './app/run-command.js';
import type { Config, QueueConfig } from './config.js';
import { HOUR, MINUTE } from './domain/types.js';
import { featureParts, featureRoutes } from './features/index.js';
import { PromMetrics } from './ops/metrics.js';
import type { Clock } from './ports/clock.js';
import type { Logger } from './ports/logger.js';
import type { Messenger } from './ports/messenger.js';
import type { Queue, Sender } from './ports/queue.js';
import { BullMqQueue } from './queue/bullmq-queue.js';
import { concurrencyFor, type PlatformLimit } from './queue/bullmq-workers.js';
import { InProcessQueue } from './queue/in-process-queue.js';
import type { RetryPolicy } from './queue/send-step.js';
import { openStore, type SqliteStore } from './store/open-store.js';

export interface Runtime {
  deps: AppDeps;
  store: SqliteStore;
  queue: Queue;
  /** Set when the queue is BullMQ (for the dashboard and the health check). */
  bull: BullMqQueue | null;
  outbox: DeliveryOutbox;
  metrics: PromMetrics;
  registry: Registry;
  /** Every feature's buttons and chat forms, by verb. */
  routes: Routes;
  /**
   * Start sending through `messenger` in this process (unless queue mode leaves delivery to `npm run worker`).
   * Separate from building, because the surface that owns the messenger (the console chat) is built from the app.
   */
  startDelivery(messenger: Messenger): void;
  /** Plan what is due at `now` and hand it to the queue, without waiting for delivery (the minute ticker). */
  plan(now: number): Promise<void>;
  /** Plan, then wait until everything handed over has an outcome (the console and tests). */
  tick(now: number): Promise<void>;
  /** Offer pending rows the queue does not hold: at start, and after Redis was away. */
  recover(now: number): Promise<number>;
  close(): Promise<void>;
}

/** The clinic-set values the use cases read, from config. */
export const appSettingsFrom = (config: Config): AppSettings => ({
  followUpAfterHours: config.followUpAfterHours,
  graceMinutes: config.graceMinutes,
  boosterIntervalDays: config.boosterIntervalDays,
  crisisLines: config.crisisLines,
  defaultCheckinTime: config.defaultCheckinTime,
  defaultZone: config.defaultZone,
  defaultQuietHours: config.defaultQuietHours,
  publicUrl: config.publicUrl,
  linkTtlHours: config.linkTtlHours,
  answerInChat: config.answerInChat,
});

/** Each platform's ceiling as the queue applies it (Discord's global request limit, Slack's message pace). */
export function platformLimits(
  q: QueueConfig,
  discordRequestsPerSecond: number,
): Record<'discord' | 'slack', PlatformLimit> {
  const limit = (perSecond: number): PlatformLimit => ({
    perSecond,
    concurrency: q.concurrency ?? concurrencyFor(perSecond),
  });
  return { discord: limit(discordRequestsPerSecond), slack: limit(q.slackMessagesPerSecond) };
}

export const retryPolicyOf = (q: QueueConfig): RetryPolicy => ({
  maxAttempts: q.attempts,
  backoffMs: q.backoffMs,
});

/** The platforms a configured bot delivers to. */
export const platformsOf = (config: Config): ('discord' | 'slack')[] => [
  ...(config.discordToken ? (['discord'] as const) : []),
  ...(config.slackBotToken ? (['slack'] as const) : []),
];

/** A messenger as a queue worker sees it: one job, sent with its key and its chat mode. */
export const senderOf =
  (messenger: Messenger): Sender =>
  (job) =>
    messenger.sendDirect(job.to, job.message, { idempotencyKey: job.key, answerInChat: job.answerInChat });

/**
 * Build the app by hand from config: store, queue (in-process, or BullMQ when REDIS_URL is set), outbox, use
 * cases. Delivery starts with startDelivery(messenger), once the surface that owns the messenger exists.
 */
export function compose(
  config: Config,
  key: Buffer,
  log: Logger,
  clock: Clock,
  /** Copies of exports this surface keeps on disk (the console's files), erased by /forget. */
  exportCopies?: ExportCopies,
): Runtime {
  const store = openStore({ file: join(config.dataDir, 'interlude.db'), key });
  const retry = retryPolicyOf(config.queue);
  // Outcomes arrive only after a job ran, by which time the outbox below exists.
  const onOutcome: DeliveryOutbox['record'] = (job, o) => outbox.record(job, o);
  const platforms = platformsOf(config);
  const limits = platformLimits(config.queue, config.discord.requestsPerSecond);
  const useBull = config.queue.redisUrl !== null && platforms.length > 0;
  if (config.queue.redisUrl && !useBull) {
    log.warn({}, 'REDIS_URL is ignored in the console: its chat lives in this process, so delivery does too');
  }
  const bull = useBull
    ? new BullMqQueue({
        redisUrl: config.queue.redisUrl ?? '',
        prefix: config.queue.prefix,
        platforms,
        limits,
        retry,
        now: () => clock.now(),
        log,
        onOutcome,
        lockMs: config.queue.lockMs,
      })
    : null;
  const queue: Queue =
    bull ??
    new InProcessQueue({
      // Enough sends in flight to reach the fastest configured platform's ceiling; the console needs few.
      concurrency: config.queue.concurrency ?? Math.max(8, ...platforms.map((p) => limits[p].concurrency)),
      retry,
      now: () => clock.now(),
      onOutcome,
      log,
    });
  const metrics = new PromMetrics(() => queue.depth());
  const core: CoreDeps = {
    store,
    log,
    settings: appSettingsFrom(config),
    secrets: { linkKey: deriveLinkKey(key) },
    ...featureParts(),
    metrics,
    ...(exportCopies ? { exportCopies } : {}),
  };
  const outbox = new DeliveryOutbox(queue, core);
  bull?.onReconnect(() => outbox.markDirty());
  const deps: AppDeps = { ...core, outbox };
  const plan = async (now: number) => {
    await planTick(deps, now);
    await outbox.resync(now);
    if (now % HOUR < MINUTE) housekeeping(deps, now);
  };
  return {
    deps,
    store,
    queue,
    bull,
    outbox,
    metrics,
    registry: registryOf(ALL_COMMANDS()),
    routes: featureRoutes(),
    plan,
    startDelivery(messenger) {
      if (!bull || config.queue.workersInProcess) queue.startWorkers(senderOf(messenger));
    },
    async tick(now) {
      await plan(now);
      await queue.drain();
    },
    recover: (now) => outbox.resync(now),
    async close() {
      await queue.close();
      store.close();
    },
  };
}
