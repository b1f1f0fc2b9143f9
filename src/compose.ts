import { join } from 'node:path';
import { ALL_COMMANDS } from '../commands/registry.js';
import type { AppDeps, AppSettings, CoreDeps, ExportCopies } from './app/deps.js';
import { type Feature, partsOf, type Routes, routesOf } from './app/feature.js';
import { housekeeping } from './app/housekeeping.js';
import { deriveLinkKey } from './app/links.js';
import { DeliveryOutbox } from './app/outbox.js';
import { planTick } from './app/plan-nudges.js';
import { type Registry, registryOf } from './app/run-command.js';
import type { Config, QueueConfig } from './config.js';
import { HOUR, MINUTE } from './domain/types.js';
import { FEATURES } from './features/index.js';
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

/** What the app is built from, whoever builds it: compose() from config, the test harness from a temp store. */
export interface AppParts {
  store: SqliteStore;
  settings: AppSettings;
  /** ENCRYPTION_KEY: the link-signing key is derived from it. */
  key: Buffer;
  log: Logger;
  /** The queue, given the handler its outcomes go to (the outbox, which needs the queue in turn). */
  queue: (onOutcome: DeliveryOutbox['record']) => Queue;
  /** Delivery counters, given the queue they read the depth of. */
  metrics?: (queue: Queue) => PromMetrics;
  /** The product's features unless told (tests add a feature of their own). */
  features?: readonly Feature[];
  /** Copies of exports this surface keeps on disk (the console's files), erased by /forget. */
  exportCopies?: ExportCopies;
}

export interface App {
  deps: AppDeps;
  queue: Queue;
  outbox: DeliveryOutbox;
  metrics: PromMetrics | null;
  registry: Registry;
  routes: Routes;
  /** Plan what is due at `now`, offer rows the queue lost, and once an hour tidy up. */
  plan(now: number): Promise<void>;
}

/**
 * The one way the app is put together: the outbox between planner and queue, the deps every use case takes, the
 * commands and the features' routes and parts. No late bindings: outcomes reach the outbox only after a job ran.
 */
export function assemble(o: AppParts): App {
  const onOutcome: DeliveryOutbox['record'] = (job, outcome) => outbox.record(job, outcome);
  const queue = o.queue(onOutcome);
  const metrics = o.metrics ? o.metrics(queue) : null;
  const features = o.features ?? FEATURES;
  const core: CoreDeps = {
    store: o.store,
    log: o.log,
    settings: o.settings,
    secrets: { linkKey: deriveLinkKey(o.key) },
    ...partsOf(features),
    ...(metrics ? { metrics } : {}),
    ...(o.exportCopies ? { exportCopies: o.exportCopies } : {}),
  };
  const outbox = new DeliveryOutbox(queue, core);
  const deps: AppDeps = { ...core, outbox };
  return {
    deps,
    queue,
    outbox,
    metrics,
    registry: registryOf(ALL_COMMANDS()),
    routes: routesOf(features),
    async plan(now) {
      await planTick(deps, now);
      await outbox.resync(now);
      if (now % HOUR < MINUTE) housekeeping(deps, now);
    },
  };
}

/**
 * Build the app from config: store, queue (in-process, or BullMQ when REDIS_URL is set), and assemble() the rest.
 * Delivery starts with startDelivery(messenger), once the surface that owns the messenger exists.
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
  const platforms = platformsOf(config);
  const limits = platformLimits(config.queue, config.discord.requestsPerSecond);
  const useBull = config.queue.redisUrl !== null && platforms.length > 0;
  if (config.queue.redisUrl && !useBull) {
    log.warn({}, 'REDIS_URL is ignored in the console: its chat lives in this process, so delivery does too');
  }
  let bull: BullMqQueue | null = null;
  const app = assemble({
    store,
    settings: appSettingsFrom(config),
    key,
    log,
    queue: (onOutcome) => {
      if (useBull) {
        bull = new BullMqQueue({
          redisUrl: config.queue.redisUrl ?? '',
          prefix: config.queue.prefix,
          platforms,
          limits,
          retry,
          now: () => clock.now(),
          log,
          onOutcome,
          lockMs: config.queue.lockMs,
        });
        return bull;
      }
      return new InProcessQueue({
        // Enough sends in flight to reach the fastest configured platform's ceiling; the console needs few.
        concurrency: config.queue.concurrency ?? Math.max(8, ...platforms.map((p) => limits[p].concurrency)),
        retry,
        now: () => clock.now(),
        onOutcome,
        log,
      });
    },
    metrics: (queue) => new PromMetrics(() => queue.depth()),
    ...(exportCopies ? { exportCopies } : {}),
  });
  const { deps, queue, outbox } = app;
  const bullQueue = bull as BullMqQueue | null;
  bullQueue?.onReconnect(() => outbox.markDirty());
  return {
    deps,
    store,
    queue,
    bull: bullQueue,
    outbox,
    metrics: app.metrics ?? new PromMetrics(() => queue.depth()),
    registry: app.registry,
    routes: app.routes,
    plan: (now) => app.plan(now),
    startDelivery(messenger) {
      if (!bullQueue || config.queue.workersInProcess) queue.startWorkers(senderOf(messenger));
    },
    async tick(now) {
      await app.plan(now);
      await queue.drain();
    },
    recover: (now) => outbox.resync(now),
    async close() {
      await queue.close();
      store.close();
    },
  };
}
