import { join } from 'node:path';
import { ALL_COMMANDS } from '../commands/registry.js';
import { deliver, recoverPending } from './app/deliver.js';
import type { AppDeps, AppSettings } from './app/deps.js';
import { housekeeping } from './app/housekeeping.js';
import { deriveLinkKey } from './app/links.js';
import { planTick } from './app/plan-nudges.js';
import { type Registry, registryOf } from './app/run-command.js';
import type { Config } from './config.js';
import { HOUR, MINUTE } from './domain/types.js';
import type { Clock, Logger, Messenger } from './ports.js';
import { InProcessQueue } from './queue/in-process-queue.js';
import { openStore, type SqliteStore } from './store/open-store.js';

export interface Runtime {
  deps: AppDeps;
  store: SqliteStore;
  queue: InProcessQueue;
  registry: Registry;
  /** Plan what is due at `now` and wait until the queue has delivered it. */
  tick(now: number): Promise<void>;
  /** Re-enqueue rows planned before a restart (delivery applies the grace window). */
  recover(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Build the app by hand from config: store, queue, use cases. The messenger is passed in as a getter because the
 * platform that owns it (the console chat) is itself built from the runtime.
 */
/** The clinic-set values the use cases read, from config. */
export const appSettingsFrom = (config: Config): AppSettings => ({
  followUpAfterHours: config.followUpAfterHours,
  graceMinutes: config.graceMinutes,
  boosterIntervalDays: config.boosterIntervalDays,
  crisisLines: config.crisisLines,
  defaultCheckinTime: config.defaultCheckinTime,
  defaultZone: config.defaultZone,
  publicUrl: config.publicUrl,
  linkTtlHours: config.linkTtlHours,
  answerInChat: config.answerInChat,
});

export function compose(
  config: Config,
  key: Buffer,
  log: Logger,
  clock: Clock,
  messenger: () => Messenger,
): Runtime {
  const store = openStore({ file: join(config.dataDir, 'interlude.db'), key });
  const queue = new InProcessQueue({
    concurrency: 8,
    maxAttempts: 5,
    backoffMs: 2_000,
    onFailed: (job, err) => {
      store.deliveries.markStatus(job.deliveryId, 'failed', err instanceof Error ? err.message : String(err));
      log.warn({ delivery: job.key, err }, 'delivery gave up after retries');
    },
  });
  const deps: AppDeps = {
    store,
    queue,
    log,
    settings: appSettingsFrom(config),
    secrets: { linkKey: deriveLinkKey(key) },
  };
  queue.start(async (job) => {
    const outcome = await deliver(deps, messenger(), job, clock.now());
    log.debug({ delivery: job.key, outcome }, 'delivery handled');
  });
  return {
    deps,
    store,
    queue,
    registry: registryOf(ALL_COMMANDS()),
    async tick(now) {
      await planTick(deps, now);
      await queue.drain();
      if (now % HOUR < MINUTE) housekeeping(deps, now);
    },
    recover: () => recoverPending(deps),
    async close() {
      await queue.close();
      store.close();
    },
  };
}
