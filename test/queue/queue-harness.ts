/**
 * Queue mode as production runs it: the bot process (startPlatforms: SQLite, BullMQ on a real Redis, discord.js
 * logged into the loopback Discord, web server) with a clock the test drives, and `npm run worker` processes
 * (tsx over src/worker.ts) that have nothing but Redis and the bot token.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDueParticipants } from '../../bench/seed-chat.js';
import { parseConfig } from '../../src/config.js';
import type { Delivery } from '../../src/domain/entities.js';
import { type Platforms, startPlatforms } from '../../src/run-platforms.js';
import type { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { childEnv } from '../helpers/child-env.js';
import { RecordingLogger } from '../helpers/recording-logger.js';
import { TEST_KEY } from '../helpers/temp-store.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const GUILD = { id: '300000000000000001', name: 'Thursday integration group' };

export interface QueueBot {
  bot: Platforms;
  log: RecordingLogger;
  clock: { t: number };
  close(): Promise<void>;
}

export async function startQueueBot(o: {
  fake: FakeDiscord;
  redisUrl: string;
  prefix: string;
  start: number;
  env?: Record<string, string>;
}): Promise<QueueBot> {
  const dir = mkdtempSync(join(tmpdir(), 'interlude-queue-'));
  const clock = { t: o.start };
  const config = parseConfig({
    DATA_DIR: dir,
    ENCRYPTION_KEY: TEST_KEY.toString('hex'),
    DISCORD_TOKEN: o.fake.token,
    DISCORD_APPLICATION_ID: o.fake.applicationId,
    DISCORD_API_URL: o.fake.apiUrl,
    HOST: '127.0.0.1',
    PORT: '0',
    REDIS_URL: o.redisUrl,
    QUEUE_PREFIX: o.prefix,
    DELIVERY_BACKOFF_MS: '200',
    ...o.env,
  });
  const log = new RecordingLogger();
  const bot = await startPlatforms(config, TEST_KEY, log, { now: () => clock.t });
  await bot.runtime.bull?.ready();
  return {
    bot,
    log,
    clock,
    async close() {
      await bot.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A due instant for tests whose worker processes read the real clock: the next whole UTC hour after the real now,
 * at least `leadMs` ahead, with its wall time. A worker refuses a job past its `sendBy` (due + grace), so a fixed
 * calendar date would turn every nudge into a miss once that date is behind us.
 */
export function nextWholeHour(leadMs = 60_000, now = Date.now()): { at: number; hhmm: string } {
  const HOUR = 3_600_000;
  const at = Math.ceil((now + leadMs) / HOUR) * HOUR;
  return { at, hhmm: new Date(at).toISOString().slice(11, 16) };
}

/** Discord user ids for `n` people: 18-digit snowflakes. */
export const userIds = (n: number, base = 700_000_000_000_000_000n): string[] =>
  Array.from({ length: n }, (_, i) => String(base + BigInt(i + 1)));

/** Enrol people due at `checkinTime` UTC, through the real repositories and schedule rules (follow-ups off). */
export const enrolDue = (bot: Platforms, ids: readonly string[], checkinTime: string, at: number): void =>
  seedDueParticipants(bot, 'discord', { externalId: GUILD.id, name: GUILD.name }, ids, checkinTime, at);

/** The delivery rows of these people. */
export function deliveries(bot: Platforms, ids: readonly string[]): Delivery[] {
  const { store } = bot.runtime;
  return ids.flatMap((id) =>
    store.participants.byPlatformUser('discord', id).flatMap((p) => store.deliveries.forParticipant(p.id)),
  );
}

export interface WorkerProcess {
  child: ChildProcessWithoutNullStreams;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm run worker` with only Redis and the bot token (no DATA_DIR, no ENCRYPTION_KEY); resolves once ready. */
export async function spawnWorker(o: {
  fake: FakeDiscord;
  redisUrl: string;
  prefix: string;
  env?: Record<string, string>;
}): Promise<WorkerProcess> {
  const env = childEnv({
    REDIS_URL: o.redisUrl,
    QUEUE_PREFIX: o.prefix,
    DISCORD_TOKEN: o.fake.token,
    DISCORD_API_URL: o.fake.apiUrl,
    LOG_LEVEL: 'info',
    ...o.env,
  });
  // node with tsx's loader, not the tsx CLI: the CLI runs the program in a child process, so a SIGKILL to it would
  // leave the real worker running as an orphan.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], { cwd: ROOT, env });
  let err = '';
  child.stdout.resume();
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    err += s;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  // Generous: loading tsx and the worker takes seconds on a 2-core machine busy with other work.
  const deadline = Date.now() + 60_000;
  while (!err.includes('"delivery worker ready"')) {
    if (child.exitCode !== null) throw new Error(`worker exited before it was ready:\n${err}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`worker not ready within 60 s:\n${err}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, stderr: () => err, exited };
}

export async function stopWorker(w: WorkerProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill(signal);
  return w.exited;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await sleep(25);
  }
}
