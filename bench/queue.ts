/**
 * Delivery throughput by queue driver: `nudges` people due in the same minute, each nudge one
 * POST /channels/:id/messages (DM channel ids already cached in SQLite: the warm day), to the loopback fake Discord
 * limited at `requestsPerSecond` globally. Four runs, each on a fresh fake and a fresh bot:
 *
 *  - BullMQ with one `npm run worker` process, then with two: the bench process is the bot (startPlatforms with
 *    REDIS_URL, WORKERS_IN_PROCESS=false) and only plans and records outcomes; the children send.
 *  - the in-process driver (no REDIS_URL): the bot sends itself.
 *  - a bare @discordjs/rest loop posting the very bodies the bot sent, to the same users' DM channels, with as many
 *    requests in flight as a BullMQ worker runs: what the limit allows a client that does nothing else.
 *
 * The fake runs in a child process (this file, started with FAKE_CHILD_FLAG), so the bench process's CPU is the
 * bot's own and not the fake's HTTP serving. Its global bucket is the binding ceiling: every message goes to a
 * different channel, so no per-route bucket (5 per channel per second) is ever touched twice in a window.
 *
 * Workers use the real clock (they are separate processes), so the due minute is the current one, not a fixed
 * date: a nudge is missed, not sent, once its grace window has passed.
 */
import { type ChildProcess, execFileSync, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { REST, Routes } from 'discord.js';
import { Redis } from 'ioredis';
import { parseConfig } from '../src/config.js';
import { HOUR, MINUTE } from '../src/domain/types.js';
import { rejectAfter } from '../src/lib/deadline.js';
import { concurrencyFor } from '../src/queue/bullmq-workers.js';
import { type Platforms, startPlatforms } from '../src/run-platforms.js';
import { FakeDiscord } from '../test/fakes/discord/fake-discord.js';
import type { FakeGuild, Json } from '../test/fakes/discord/types.js';
import { hasRedisServer, startTestRedis } from '../test/helpers/redis.js';
import { busiestSecond, CountingLogger, dueCount, POST_MESSAGE } from './chat-figures.js';
import { int, type Row, ratio } from './report.js';
import { seedDueParticipants } from './seed-chat.js';
import { nowMs } from './stats.js';

export interface QueueOptions {
  nudges: number;
  /** DISCORD_REQUESTS_PER_SECOND, the workers' BullMQ limiter and the fake's global bucket alike. */
  requestsPerSecond: number;
  /** Goal for each driver's nudges/s ÷ the bare loop's. */
  goalRatio: number;
}

export type RunKind = 'in-process' | 'bullmq' | 'bare-rest';

export interface CpuFigures {
  /** The bench process over the timed span: the bot (plan, submit, record outcomes) or the bare REST loop. */
  ownerMs: number;
  /** Each worker child, from just after 'delivery worker ready' to just before SIGTERM. */
  workersMs: number[];
  /** The fake Discord child over the timed span (context only; not in the per-nudge figures). */
  fakeMs: number;
  ownerPerNudgeMs: number;
  workersPerNudgeMs: number;
  totalPerNudgeMs: number;
}

export interface RunFigures {
  name: string;
  kind: RunKind;
  workerProcesses: number;
  /** Sends in flight per sending process. */
  concurrency: number;
  nudges: number;
  /** Enrol + cache DM channel ids (drivers only). */
  seedMs: number;
  /** Bot start, or the workers' start to 'delivery worker ready'. */
  startMs: number;
  /** runtime.tick (plan + drain) for a driver; the whole loop for the bare client. */
  elapsedMs: number;
  /** First to last message request, as the fake saw them arrive. */
  sendSpanMs: number;
  /**
   * From the start of the timed span to the first message request at the fake: the in-process driver plans the
   * whole minute before its first send gets the event loop; BullMQ submits (and workers send) as it plans.
   */
  firstPostAfterMs: number;
  nudgesPerSecond: number;
  /** nudges/s ÷ the limit (one request a nudge). */
  limitRatio: number;
  /** nudges/s ÷ the bare loop's nudges/s in this bench run; null for the bare loop itself or when it failed. */
  bareRatio: number | null;
  /** POST /channels/:id/messages during the timed span, 429s included. */
  messagePosts: number;
  /** Any other request during the timed span (expected none: no DM opens on a warm day). */
  otherRequests: number;
  busiestSecond: number;
  count429: number;
  /** People whose DM channel holds exactly one bot message, and bot messages in all. */
  usersExactlyOnce: number;
  botMessages: number;
  /** Deliveries with status 'sent' in SQLite; null for the bare loop. */
  sentInStore: number | null;
  /** Requests the bare loop saw fail; 0 for drivers. */
  sendErrors: number;
  cpu: CpuFigures;
  /** Warnings and errors logged, by message: the bot's and the workers'. */
  warnings: Record<string, number>;
  ok: boolean;
  problems: string[];
}

export interface QueueFigures {
  nudges: number;
  requestsPerSecond: number;
  goalRatio: number;
  redis: string;
  clockTicksPerSecond: number;
  runs: RunFigures[];
  totalMs: number;
}

/** The in-process driver's floor in src/compose.ts; not readable from the queue, so keep in step by hand. */
const IN_PROCESS_MIN_CONCURRENCY = 8;
const FAKE_CHILD_FLAG = '--queue-bench-fake-discord';
const THIS_FILE = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const GUILD: FakeGuild = { id: '300000000000000002', name: 'Queue bench clinic' };
/** 18-digit snowflakes, clear of the fake's application, guild and channel ids. */
const userIdOf = (i: number): string => String(410_000_000_000_000_000n + BigInt(i));

// ------------------------------------------------------------------------------------------------------------
// The fake Discord, in a child process

type ToFake = { type: 'open'; userIds: string[] } | { type: 'mark' } | { type: 'stats' } | { type: 'stop' };

interface FakeStats {
  messagePosts: number;
  otherRequests: number;
  count429: number;
  firstAt: number;
  lastAt: number;
  busiestSecond: number;
  usersExactlyOnce: number;
  botMessages: number;
  cpuMs: number;
  /** userId → the body of the first message posted to them (what the bare loop replays). */
  bodies: [string, Json][];
}

type FromFake =
  | { type: 'ready'; apiUrl: string; token: string; applicationId: string }
  | { type: 'opened'; channels: [string, string][] }
  | { type: 'marked' }
  | { type: 'stats'; stats: FakeStats };

const cpuMsOf = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

async function fakeChildMain(): Promise<void> {
  const rate = Number(process.argv.find((a) => a.startsWith('--rate='))?.slice('--rate='.length) ?? '50');
  const fake = await FakeDiscord.start({
    guilds: [GUILD],
    globalRatePerSecond: rate,
    // Only for opening the channels before the timed run; the timed run opens none.
    routeLimits: { 'POST /users/@me/channels': { limit: 1_000_000, windowMs: 1000 } },
  });
  const send = (m: FromFake): void => {
    process.send?.(m);
  };
  let from = fake.requests.length;
  let from429 = 0;
  let cpu0 = process.cpuUsage();
  const opened = new Set<string>();
  const open = async (userIds: string[]): Promise<[string, string][]> => {
    fake.setGlobalRate(1_000_000);
    let next = 0;
    const one = async (): Promise<void> => {
      for (;;) {
        const userId = userIds[next++];
        if (userId === undefined) return;
        const res = await fetch(`${fake.apiUrl}/v10/users/@me/channels`, {
          method: 'POST',
          headers: { Authorization: `Bot ${fake.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ recipient_id: userId }),
        });
        if (!res.ok) throw new Error(`fake: opening a DM answered ${res.status}`);
        await res.arrayBuffer();
        opened.add(userId);
      }
    };
    await Promise.all(Array.from({ length: 32 }, one));
    // Back to the limit, with the bucket full (its burst), as a quiet minute would leave it.
    fake.setGlobalRate(rate);
    return userIds.map((u) => [u, fake.dmChannels.get(u) ?? '']);
  };
  const stats = (): FakeStats => {
    const cpuMs = cpuMsOf(process.cpuUsage(cpu0));
    const timed = fake.requests.slice(from);
    const posts = timed.filter(POST_MESSAGE);
    const perChannel = new Map<string, number>();
    let botMessages = 0;
    for (const m of fake.messages) {
      if (m.authorId !== fake.botUserId) continue;
      botMessages++;
      perChannel.set(m.channelId, (perChannel.get(m.channelId) ?? 0) + 1);
    }
    let usersExactlyOnce = 0;
    for (const u of opened) {
      const ch = fake.dmChannels.get(u);
      if (ch && perChannel.get(ch) === 1) usersExactlyOnce++;
    }
    const userOf = new Map([...fake.dmChannels].map(([u, ch]) => [ch, u]));
    const bodies = new Map<string, Json>();
    for (const r of posts) {
      if (r.status !== 200) continue;
      const u = userOf.get(r.path.split('/')[2] ?? '');
      if (u !== undefined && !bodies.has(u)) bodies.set(u, r.body);
    }
    return {
      messagePosts: posts.length,
      otherRequests: timed.length - posts.length,
      count429: fake.count429() - from429,
      firstAt: posts[0]?.at ?? 0,
      lastAt: posts[posts.length - 1]?.at ?? 0,
      busiestSecond: busiestSecond(posts),
      usersExactlyOnce,
      botMessages,
      cpuMs,
      bodies: [...bodies],
    };
  };
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await fake.close();
    process.exit(0);
  };
  process.on('disconnect', () => void stop());
  process.on('message', (m: ToFake) => {
    switch (m.type) {
      case 'open':
        open(m.userIds).then(
          (channels) => send({ type: 'opened', channels }),
          (e: unknown) => {
            process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
            process.exit(1);
          },
        );
        return;
      case 'mark':
        from = fake.requests.length;
        from429 = fake.count429();
        cpu0 = process.cpuUsage();
        send({ type: 'marked' });
        return;
      case 'stats':
        send({ type: 'stats', stats: stats() });
        return;
      case 'stop':
        void stop();
        return;
    }
  });
  send({ type: 'ready', apiUrl: fake.apiUrl, token: fake.token, applicationId: fake.applicationId });
}

interface FakeHandle {
  apiUrl: string;
  token: string;
  applicationId: string;
  open(userIds: string[]): Promise<Map<string, string>>;
  mark(): Promise<void>;
  stats(): Promise<FakeStats>;
  close(): Promise<void>;
}

async function startFake(rate: number): Promise<FakeHandle> {
  // The child inherits this process's exec flags, so under `tsx` it runs TypeScript the same way.
  const proc = fork(THIS_FILE, [FAKE_CHILD_FLAG, `--rate=${rate}`], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const inbox: FromFake[] = [];
  const waiting: { type: FromFake['type']; resolve: (m: FromFake) => void; reject: (e: Error) => void }[] =
    [];
  proc.on('message', (m: FromFake) => {
    const i = waiting.findIndex((w) => w.type === m.type);
    const w = i >= 0 ? waiting.splice(i, 1)[0] : undefined;
    if (w) w.resolve(m);
    else inbox.push(m);
  });
  proc.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`bench: the fake Discord exited (code ${code})`));
  });
  const next = <T extends FromFake['type']>(type: T): Promise<Extract<FromFake, { type: T }>> =>
    new Promise((resolve, reject) => {
      const done = (m: FromFake) => resolve(m as Extract<FromFake, { type: T }>);
      const i = inbox.findIndex((m) => m.type === type);
      const m = i >= 0 ? inbox.splice(i, 1)[0] : undefined;
      if (m) done(m);
      else if (proc.exitCode !== null) reject(new Error('bench: the fake Discord is not running'));
      else waiting.push({ type, resolve: done, reject });
    });
  const ask = <T extends FromFake['type']>(m: ToFake, type: T) => {
    const answer = next(type);
    proc.send(m);
    return answer;
  };
  const close = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.send({ type: 'stop' } satisfies ToFake);
    await exited;
  };
  try {
    const ready = await next('ready');
    return {
      apiUrl: ready.apiUrl,
      token: ready.token,
      applicationId: ready.applicationId,
      open: async (userIds) => new Map((await ask({ type: 'open', userIds }, 'opened')).channels),
      mark: async () => {
        await ask({ type: 'mark' }, 'marked');
      },
      stats: async () => (await ask({ type: 'stats' }, 'stats')).stats,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

// ------------------------------------------------------------------------------------------------------------
// Worker children (`npm run worker`, started as node --import tsx src/worker.ts)

let clockTicks: number | null = null;
/** USER_HZ, the unit of utime/stime in /proc/<pid>/stat (100 on Linux). */
const clockTicksPerSecond = (): number => {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
};

/** A process's user + system CPU so far, from /proc (NaN where there is no /proc). */
function procCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "pid (comm) ": state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / clockTicksPerSecond();
  } catch {
    return Number.NaN;
  }
}

interface WorkerChild {
  proc: ChildProcess;
  ready: Promise<void>;
  /** Warnings and errors the worker logged, by message. */
  warnings: Map<string, number>;
  cpuAtReady: number;
}

function startWorker(env: Record<string, string>): WorkerChild {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      ...(process.env.HOME ? { HOME: process.env.HOME } : {}),
      // Set (blank is unset) so a .env beside package.json cannot add a platform to the worker.
      SLACK_BOT_TOKEN: '',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const child: WorkerChild = { proc, ready: Promise.resolve(), warnings: new Map(), cpuAtReady: 0 };
  const tail: string[] = [];
  child.ready = new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: proc.stderr! });
    lines.on('line', (line) => {
      tail.push(line);
      if (tail.length > 20) tail.shift();
      let entry: { level?: number; msg?: string };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        return;
      }
      if (entry.msg === 'delivery worker ready') {
        child.cpuAtReady = procCpuMs(proc.pid ?? 0);
        resolve();
      } else if ((entry.level ?? 0) >= 40) {
        const key = `worker ${(entry.level ?? 0) >= 50 ? 'error' : 'warn'}: ${entry.msg ?? ''}`;
        child.warnings.set(key, (child.warnings.get(key) ?? 0) + 1);
      }
    });
    proc.once('exit', (code) =>
      reject(new Error(`bench: a worker exited (code ${code}) before it was ready:\n${tail.join('\n')}`)),
    );
  });
  // Rejections after 'ready' (a normal exit) are nobody's concern.
  child.ready.catch(() => {});
  return child;
}

/** SIGTERM (the worker finishes what it holds and closes), then wait for it; SIGKILL after 20 s. */
async function stopWorker(w: WorkerChild): Promise<void> {
  const { proc } = w;
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.kill('SIGTERM');
  const t = setTimeout(() => proc.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(t);
}

// ------------------------------------------------------------------------------------------------------------
// Redis

interface BenchRedis {
  url: string;
  source: string;
  close(): Promise<void>;
}

/** REDIS_URL when set; else our own redis-server on a free port, keeping nothing on disk; else none. */
async function openRedis(): Promise<BenchRedis | null> {
  const url = process.env.REDIS_URL;
  if (url) return { url, source: 'REDIS_URL', close: async () => {} };
  if (!hasRedisServer()) return null;
  const r = await startTestRedis();
  return { url: r.url, source: "own redis-server (--save '' --appendonly no)", close: () => r.close() };
}

/** Delete a run's keys, so a shared Redis is left as it was found. */
async function dropPrefix(url: string, prefix: string): Promise<void> {
  const r = new Redis(url, { maxRetriesPerRequest: 1 });
  r.on('error', () => {});
  try {
    let cursor = '0';
    do {
      const [nextCursor, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = nextCursor;
      if (keys.length) await r.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}

// ------------------------------------------------------------------------------------------------------------
// The runs

/**
 * The current minute (the workers read the real clock), moved on one when it is on the hour so runtime.tick
 * runs no housekeeping inside the timing.
 */
const dueMinute = (): number => {
  const at = Math.floor(Date.now() / MINUTE) * MINUTE;
  return at % HOUR < MINUTE ? at + MINUTE : at;
};
const hhmm = (at: number): string => new Date(at).toISOString().slice(11, 16);

const sentCount = (bot: Platforms): number =>
  bot.runtime.store.db
    .prepare<[], number>("SELECT COUNT(*) FROM deliveries WHERE status = 'sent'")
    .pluck()
    .get() ?? 0;

interface Measured {
  elapsedMs: number;
  /** Date.now() when the timed span began (the fake's request times are Date.now() too). */
  startedAt: number;
  ownerCpuMs: number;
  workersCpuMs: number[];
  sentInStore: number | null;
  sendErrors: number;
  seedMs: number;
  startMs: number;
  warnings: Record<string, number>;
}

function figuresOf(
  name: string,
  kind: RunKind,
  workerProcesses: number,
  concurrency: number,
  opts: QueueOptions,
  s: FakeStats,
  m: Measured,
): RunFigures {
  const n = opts.nudges;
  const nudgesPerSecond = (n / m.elapsedMs) * 1000;
  const workersTotal = m.workersCpuMs.reduce((a, b) => a + b, 0);
  const problems = [
    ...(s.usersExactlyOnce === n ? [] : [`${int(s.usersExactlyOnce)} of ${int(n)} people got exactly one`]),
    ...(s.botMessages === n ? [] : [`${int(s.botMessages)} messages at the fake for ${int(n)} nudges`]),
    ...(m.sentInStore === null || m.sentInStore === n
      ? []
      : [`${int(m.sentInStore)} of ${int(n)} deliveries 'sent' in SQLite`]),
    ...(m.sendErrors === 0 ? [] : [`${int(m.sendErrors)} requests failed`]),
    ...(s.otherRequests === 0 ? [] : [`${int(s.otherRequests)} requests other than message posts`]),
  ];
  return {
    name,
    kind,
    workerProcesses,
    concurrency,
    nudges: n,
    seedMs: m.seedMs,
    startMs: m.startMs,
    elapsedMs: m.elapsedMs,
    sendSpanMs: s.lastAt - s.firstAt,
    firstPostAfterMs: s.firstAt - m.startedAt,
    nudgesPerSecond,
    limitRatio: nudgesPerSecond / opts.requestsPerSecond,
    bareRatio: null,
    messagePosts: s.messagePosts,
    otherRequests: s.otherRequests,
    busiestSecond: s.busiestSecond,
    count429: s.count429,
    usersExactlyOnce: s.usersExactlyOnce,
    botMessages: s.botMessages,
    sentInStore: m.sentInStore,
    sendErrors: m.sendErrors,
    cpu: {
      ownerMs: m.ownerCpuMs,
      workersMs: m.workersCpuMs,
      fakeMs: s.cpuMs,
      ownerPerNudgeMs: m.ownerCpuMs / n,
      workersPerNudgeMs: workersTotal / n,
      totalPerNudgeMs: (m.ownerCpuMs + workersTotal) / n,
    },
    warnings: m.warnings,
    ok: problems.length === 0,
    problems,
  };
}

/** A run that could not finish: every figure NaN, the reason as its problem. */
function failedRun(
  name: string,
  kind: RunKind,
  workerProcesses: number,
  concurrency: number,
  nudges: number,
  e: unknown,
): RunFigures {
  const nan = Number.NaN;
  return {
    name,
    kind,
    workerProcesses,
    concurrency,
    nudges,
    seedMs: nan,
    startMs: nan,
    elapsedMs: nan,
    sendSpanMs: nan,
    firstPostAfterMs: nan,
    nudgesPerSecond: nan,
    limitRatio: nan,
    bareRatio: null,
    messagePosts: 0,
    otherRequests: 0,
    busiestSecond: 0,
    count429: 0,
    usersExactlyOnce: 0,
    botMessages: 0,
    sentInStore: null,
    sendErrors: 0,
    cpu: {
      ownerMs: nan,
      workersMs: [],
      fakeMs: nan,
      ownerPerNudgeMs: nan,
      workersPerNudgeMs: nan,
      totalPerNudgeMs: nan,
    },
    warnings: {},
    ok: false,
    problems: [e instanceof Error ? e.message : String(e)],
  };
}

interface DriverRun {
  name: string;
  /** null: the in-process driver. */
  bull: { redis: BenchRedis; workers: number } | null;
}

async function runDriver(
  run: DriverRun,
  opts: QueueOptions,
  userIds: readonly string[],
  progress: (msg: string) => void,
): Promise<{ figures: RunFigures; bodies: [string, Json][] }> {
  const n = opts.nudges;
  const rate = opts.requestsPerSecond;
  // The in-process driver sizes itself from the same ceiling (src/compose.ts), at least 8.
  const concurrency = Math.max(run.bull ? 0 : IN_PROCESS_MIN_CONCURRENCY, concurrencyFor(rate));
  const kind: RunKind = run.bull ? 'bullmq' : 'in-process';
  const workerCount = run.bull?.workers ?? 0;
  const prefix = `bench-q-${process.pid}-${randomBytes(3).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'interlude-bench-queue-'));
  const log = new CountingLogger();
  const at = dueMinute();
  const seedAt = at - 30 * MINUTE;
  const clock = { t: seedAt };
  let fake: FakeHandle | null = null;
  let bot: Platforms | null = null;
  const workers: WorkerChild[] = [];
  try {
    fake = await startFake(rate);
    const key = Buffer.alloc(32, 7);
    const config = parseConfig({
      DATA_DIR: dir,
      ENCRYPTION_KEY: key.toString('hex'),
      LOG_LEVEL: 'silent',
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_REQUESTS_PER_SECOND: String(rate),
      HOST: '127.0.0.1',
      PORT: '0',
      ...(run.bull
        ? { REDIS_URL: run.bull.redis.url, QUEUE_PREFIX: prefix, WORKERS_IN_PROCESS: 'false' }
        : {}),
    });
    progress(`queue: ${run.name}: starting the bot, enrolling ${int(n)} people due at ${hhmm(at)} UTC…`);
    const s0 = nowMs();
    bot = await startPlatforms(config, key, log, { now: () => clock.t });
    if (run.bull && !(await bot.runtime.bull?.ready())) throw new Error('bench: the bot cannot reach Redis');
    let startMs = nowMs() - s0;

    const t0 = nowMs();
    const channels = await fake.open([...userIds]);
    seedDueParticipants(
      bot,
      'discord',
      { externalId: GUILD.id, name: GUILD.name },
      userIds,
      hhmm(at),
      seedAt,
    );
    const { store } = bot.runtime;
    store.transaction(() => {
      for (const u of userIds) {
        const p = store.participants.byPlatformUser('discord', u)[0];
        const ch = channels.get(u);
        if (!p || !ch) throw new Error(`bench: no participant or DM channel for ${u}`);
        store.participants.update(p.id, { dmChannelId: ch });
      }
    });
    const seedMs = nowMs() - t0;
    if (dueCount(bot, at - MINUTE) !== 0) throw new Error('bench: people are due before the timed minute');
    const due = dueCount(bot, at);
    if (due !== n) throw new Error(`bench: ${due} due at the timed minute, expected ${n}`);
    // As main.ts does at start: offer pending rows the queue lacks (none), so the timed tick is a normal one.
    await bot.runtime.recover(seedAt);

    if (run.bull) {
      progress(`queue: ${run.name}: starting ${workerCount} worker process(es)…`);
      const w0 = nowMs();
      for (let i = 0; i < workerCount; i++) {
        workers.push(
          startWorker({
            REDIS_URL: run.bull.redis.url,
            QUEUE_PREFIX: prefix,
            DISCORD_TOKEN: fake.token,
            DISCORD_API_URL: fake.apiUrl,
            DISCORD_REQUESTS_PER_SECOND: String(rate),
          }),
        );
      }
      await rejectAfter(
        Promise.all(workers.map((w) => w.ready)),
        60_000,
        'bench: the workers were not ready in 60 s',
      );
      startMs = nowMs() - w0;
    }

    progress(`queue: ${run.name}: ${int(n)} nudges…`);
    await fake.mark();
    clock.t = at;
    const startedAt = Date.now();
    const cpu0 = process.cpuUsage();
    const tick0 = nowMs();
    const limitMs = Math.max(60_000, (n / rate) * 1000 * 3 + 30_000);
    await rejectAfter(
      bot.runtime.tick(at),
      limitMs,
      `tick (plan + drain) did not finish within ${Math.round(limitMs / 1000)} s`,
    );
    const elapsedMs = nowMs() - tick0;
    const ownerCpuMs = cpuMsOf(process.cpuUsage(cpu0));
    const workersCpuMs = workers.map((w) => procCpuMs(w.proc.pid ?? 0) - w.cpuAtReady);
    await Promise.all(workers.map(stopWorker));
    const stats = await fake.stats();
    const warnings = new Map(log.counts);
    for (const w of workers) for (const [k, v] of w.warnings) warnings.set(k, (warnings.get(k) ?? 0) + v);
    const figures = figuresOf(run.name, kind, workerCount, concurrency, opts, stats, {
      elapsedMs,
      startedAt,
      ownerCpuMs,
      workersCpuMs,
      sentInStore: sentCount(bot),
      sendErrors: 0,
      seedMs,
      startMs,
      warnings: Object.fromEntries(warnings),
    });
    return { figures, bodies: stats.bodies };
  } catch (e) {
    return { figures: failedRun(run.name, kind, workerCount, concurrency, n, e), bodies: [] };
  } finally {
    await Promise.all(workers.map(stopWorker));
    await bot?.close();
    await fake?.close();
    if (run.bull) await dropPrefix(run.bull.redis.url, prefix).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same messages (the bodies the bot sent, nonce included) to the same people, from a bare REST client. */
async function runBare(
  opts: QueueOptions,
  userIds: readonly string[],
  bodies: ReadonlyMap<string, Json>,
  progress: (msg: string) => void,
): Promise<RunFigures> {
  const name = 'bare @discordjs/rest loop';
  const n = opts.nudges;
  const rate = opts.requestsPerSecond;
  const concurrency = concurrencyFor(rate);
  let fake: FakeHandle | null = null;
  let rest: REST | null = null;
  try {
    if (bodies.size !== n) throw new Error(`bench: ${bodies.size} of ${n} message bodies to replay`);
    fake = await startFake(rate);
    const t0 = nowMs();
    const channels = await fake.open([...userIds]);
    const items = userIds.map((u): [string, Json] => [channels.get(u) ?? '', bodies.get(u)]);
    const seedMs = nowMs() - t0;
    rest = new REST({ api: fake.apiUrl, globalRequestsPerSecond: rate }).setToken(fake.token);
    const client = rest;
    progress(`queue: ${name}: ${int(n)} messages, ${concurrency} in flight…`);
    await fake.mark();
    let next = 0;
    let sendErrors = 0;
    const loop = async (): Promise<void> => {
      for (;;) {
        const item = items[next++];
        if (!item) return;
        try {
          await client.post(Routes.channelMessages(item[0]), { body: item[1] });
        } catch {
          sendErrors++;
        }
      }
    };
    const startedAt = Date.now();
    const cpu0 = process.cpuUsage();
    const l0 = nowMs();
    await Promise.all(Array.from({ length: concurrency }, loop));
    const elapsedMs = nowMs() - l0;
    const ownerCpuMs = cpuMsOf(process.cpuUsage(cpu0));
    const stats = await fake.stats();
    return figuresOf(name, 'bare-rest', 0, concurrency, opts, stats, {
      elapsedMs,
      startedAt,
      ownerCpuMs,
      workersCpuMs: [],
      sentInStore: null,
      sendErrors,
      seedMs,
      startMs: 0,
      warnings: {},
    });
  } catch (e) {
    return failedRun(name, 'bare-rest', 0, concurrency, n, e);
  } finally {
    rest?.clearHashSweeper();
    rest?.clearHandlerSweeper();
    await fake?.close();
  }
}

export async function benchQueue(opts: QueueOptions, progress: (msg: string) => void): Promise<QueueFigures> {
  const started = nowMs();
  const userIds = Array.from({ length: opts.nudges }, (_, i) => userIdOf(i));
  const redis = await openRedis();
  try {
    const runs: RunFigures[] = [];
    const inProcess = await runDriver({ name: 'in-process driver', bull: null }, opts, userIds, progress);
    runs.push(inProcess.figures);
    for (const workers of [1, 2]) {
      const name = `BullMQ, ${workers} worker process${workers === 1 ? '' : 'es'}`;
      if (!redis) {
        runs.push(
          failedRun(
            name,
            'bullmq',
            workers,
            concurrencyFor(opts.requestsPerSecond),
            opts.nudges,
            'skipped: no REDIS_URL and no redis-server on PATH',
          ),
        );
        continue;
      }
      runs.push((await runDriver({ name, bull: { redis, workers } }, opts, userIds, progress)).figures);
    }
    const bare = await runBare(opts, userIds, new Map(inProcess.bodies), progress);
    for (const r of runs) r.bareRatio = bare.ok && r.ok ? r.nudgesPerSecond / bare.nudgesPerSecond : null;
    runs.push(bare);
    return {
      nudges: opts.nudges,
      requestsPerSecond: opts.requestsPerSecond,
      goalRatio: opts.goalRatio,
      redis: redis?.source ?? 'none',
      clockTicksPerSecond: clockTicksPerSecond(),
      runs,
      totalMs: nowMs() - started,
    };
  } finally {
    await redis?.close();
  }
}

// ------------------------------------------------------------------------------------------------------------
// Report

const seconds = (msValue: number): string => `${(msValue / 1000).toFixed(2)} s`;
const cpuMs = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(3)} ms` : 'n/a');

const runRows = (f: QueueFigures, r: RunFigures): Row[] => {
  const inFlight =
    r.kind === 'bullmq'
      ? `${r.concurrency} in flight per worker, BullMQ limiter ${f.requestsPerSecond}/s shared`
      : `${r.concurrency} in flight`;
  const head: Row = [r.name, inFlight];
  if (r.problems.some((p) => p.startsWith('skipped')))
    return [head, ['  skipped', r.problems.join('; ').replace(/^skipped: /, '')]];
  if (!r.ok) {
    return [
      head,
      ['  FAIL', r.problems.join('; ')],
      ...(Number.isFinite(r.elapsedMs)
        ? [['  elapsed', `${seconds(r.elapsedMs)}; ${int(r.count429)} 429s`] as Row]
        : []),
    ];
  }
  const vsBare =
    r.kind === 'bare-rest'
      ? 'the baseline'
      : r.bareRatio === null
        ? '÷ bare loop: n/a'
        : `÷ bare loop ${ratio(r.bareRatio)} (goal ≥ ${f.goalRatio})${r.bareRatio >= f.goalRatio ? '' : '  ← below goal'}`;
  const workers = r.cpu.workersMs.length
    ? ` + workers ${cpuMs(r.cpu.workersPerNudgeMs)} (${r.cpu.workersMs.map((w) => `${Math.round(w)} ms`).join(' + ')})`
    : '';
  const ownerLabel = r.kind === 'bare-rest' ? 'client' : r.kind === 'bullmq' ? 'bot (plan + record)' : 'bot';
  return [
    head,
    [
      '  achieved ÷ limit',
      `${r.nudgesPerSecond.toFixed(1)} nudges/s ÷ ${f.requestsPerSecond} = ${ratio(r.limitRatio)}; ${vsBare}`,
    ],
    [
      r.kind === 'bare-rest' ? '  loop' : '  tick (plan + drain)',
      `${seconds(r.elapsedMs)} (first post after ${seconds(r.firstPostAfterMs)}, first to last ${seconds(r.sendSpanMs)}; busiest second ${int(r.busiestSecond)} posts)`,
    ],
    [
      '  CPU per nudge',
      `${ownerLabel} ${cpuMs(r.cpu.ownerPerNudgeMs)}${workers} = ${cpuMs(r.cpu.totalPerNudgeMs)}`,
    ],
    [
      '  checks',
      `${int(r.usersExactlyOnce)} of ${int(r.nudges)} people got exactly one message${r.sentInStore === null ? '' : `; ${int(r.sentInStore)} 'sent' in SQLite`}; ${int(r.messagePosts)} posts, ${int(r.count429)} 429s`,
    ],
  ];
};

export function queueRows(f: QueueFigures): Row[] {
  const warnings = new Map<string, number>();
  for (const r of f.runs)
    for (const [k, v] of Object.entries(r.warnings)) warnings.set(k, (warnings.get(k) ?? 0) + v);
  return [
    ['setup', `${int(f.nudges)} nudges due at one minute, DM channels cached: one POST each`],
    ['redis', f.redis],
    ...f.runs.flatMap((r) => runRows(f, r)),
    ['warnings logged', warnings.size ? [...warnings].map(([k, v]) => `${k} × ${v}`).join('; ') : 'none'],
    [
      'note',
      'CPU: bench process via process.cpuUsage; workers via /proc/<pid>/stat (after ready → before SIGTERM)',
    ],
    ['note', 'the fake Discord runs in its own process; its CPU is in the JSON figures, not in these'],
    [
      'note',
      '@discordjs/rest and the BullMQ limiter count fixed one-second windows: the first second can carry up to twice the limit, so short (--quick) runs can exceed 1.0',
    ],
    ['queue section', seconds(f.totalMs)],
  ];
}

if (process.argv.includes(FAKE_CHILD_FLAG)) {
  fakeChildMain().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
