/**
 * The benchmark's world: a real SQLite file in a temp dir (real migrations, WAL, pragmas) opened with a real
 * AES-256-GCM key, app settings from the real config parser, and a bench-built population of participants.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppDeps } from '../src/app/deps.js';
import { deriveLinkKey } from '../src/app/links.js';
import { updateSchedule } from '../src/app/reschedule.js';
import { appSettingsFrom } from '../src/compose.js';
import { type Config, parseConfig } from '../src/config.js';
import { localTimeOf, timeInQuietHours } from '../src/domain/local-time.js';
import { MINUTE, type QuietHours } from '../src/domain/types.js';
import { loadOrCreateConsoleKey } from '../src/encryption-key.js';
import { featureParts } from '../src/features/index.js';
import { createLogger } from '../src/logger.js';
import { openStore, type SqliteStore } from '../src/store/open-store.js';
import { CONSENT_VERSION } from '../src/views/texts.js';
import { CountingQueue } from './counting-queue.js';
import { prng } from './stats.js';
import { BENCH_ZONES } from './zones.js';

export interface BenchWorld {
  dir: string;
  file: string;
  config: Config;
  store: SqliteStore;
  queue: CountingQueue;
  deps: AppDeps;
  cleanup(): void;
}

/** Opens the store the way compose.ts does (same file name, same key source), with a counting queue. */
export function openWorld(): BenchWorld {
  const dir = mkdtempSync(join(tmpdir(), 'interlude-bench-'));
  const config = parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  // The console's real key path: 32 random bytes written to DATA_DIR/encryption.key on first run.
  const key = loadOrCreateConsoleKey(config.dataDir, () => {});
  const file = join(config.dataDir, 'interlude.db');
  const store = openStore({ file, key });
  const queue = new CountingQueue();
  const deps: AppDeps = {
    store,
    outbox: queue,
    log: createLogger(config.logLevel),
    settings: appSettingsFrom(config),
    secrets: { linkKey: deriveLinkKey(key) },
    ...featureParts(),
  };
  return {
    dir,
    file,
    config,
    store,
    queue,
    deps,
    cleanup() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Population {
  /** The instant of the busiest minute: every tenth person's check-in time is this minute on their own clock. */
  busyAt: number;
  /** When the schedules are computed: a little before the busiest minute. */
  seedAt: number;
  /** Minutes either side of `busyAt` that nobody else picks, so the quiet tick and the busy cohort are exact. */
  clearMinutes: number;
  /** One person in `busyEvery` is in the busy cohort. */
  busyEvery: number;
}

const QUIET: QuietHours = { start: '22:00', end: '07:00' };
const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Enrols participants `from` (inclusive) to `to` (exclusive) in one transaction: `participants.create` through
 * the store repo, then the real `updateSchedule` (the domain's `nextDue` plus the UPDATE of next_due_*), exactly
 * as /start does. Person i lives in zone i mod 40; every `busyEvery`-th person checks in at the busiest minute's
 * local time, everyone else at a random minute of the day outside a window around it. A third have quiet hours
 * 22:00–07:00 (only where the check-in time is outside them, as /settings enforces); one in five has follow-ups
 * off. Returns the number enrolled.
 */
export function seedParticipants(world: BenchWorld, pop: Population, from: number, to: number): number {
  const { store } = world;
  const rand = prng(0x1e7 + from);
  const busyTime = new Map<string, string>();
  const blocked = new Map<string, Set<string>>();
  for (const zone of BENCH_ZONES) {
    busyTime.set(zone, localTimeOf(pop.busyAt, zone));
    const set = new Set<string>();
    for (let m = -pop.clearMinutes; m < pop.clearMinutes; m++)
      set.add(localTimeOf(pop.busyAt + m * MINUTE, zone));
    blocked.set(zone, set);
  }
  store.transaction(() => {
    const space = store.spaces.ensure('discord', 'bench-guild', 'Bench Clinic', pop.seedAt);
    for (let i = from; i < to; i++) {
      const zone = BENCH_ZONES[i % BENCH_ZONES.length] ?? 'UTC';
      let time = busyTime.get(zone) ?? '20:00';
      if (i % pop.busyEvery !== 0) {
        const avoid = blocked.get(zone);
        do {
          const m = Math.floor(rand() * 1440);
          time = `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
        } while (avoid?.has(time));
      }
      const quiet = i % 3 === 0 && !timeInQuietHours(time, QUIET) ? QUIET : null;
      const created = store.participants.create(
        {
          spaceId: space.id,
          platform: 'discord',
          userId: `bench-${i}`,
          displayName: null,
          zone,
          checkinTime: time,
          quietHours: quiet,
          followUp: i % 5 !== 4,
          consentVersion: CONSENT_VERSION,
          consentAt: pop.seedAt,
        },
        pop.seedAt,
      );
      updateSchedule(world.deps, created, {}, pop.seedAt);
    }
  });
  // Start each measurement from a folded WAL, not from the tail of a large seeding transaction.
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  return to - from;
}
