/**
 * A delivery worker killed with SIGKILL in the middle of 500 due nudges: its jobs' locks lapse, a new worker takes
 * them over, and every nudge arrives once. The delivery key goes out as Discord's nonce with enforce_nonce, so a
 * nudge the dead worker had already posted is not posted twice when it is retried.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { startTestRedis, type TestRedis, uniquePrefix } from '../helpers/redis.js';
import {
  deliveries,
  enrolDue,
  GUILD,
  nextWholeHour,
  type QueueBot,
  spawnWorker,
  startQueueBot,
  stopWorker,
  until,
  userIds,
  type WorkerProcess,
} from './queue-harness.js';

const N = 500;
// The workers read the real clock, so the due hour is relative to it (never a fixed date): see nextWholeHour.
const { at: DUE, hhmm: DUE_TIME } = nextWholeHour();
let redis: TestRedis;
let fake: FakeDiscord;
let q: QueueBot;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  // 150 requests/s: a cold nudge is two requests, so 500 take several seconds, long enough to kill a worker mid-run.
  fake = await FakeDiscord.start({ guilds: [GUILD], globalRatePerSecond: 150 });
});

afterAll(async () => {
  for (const w of workers) await stopWorker(w, 'SIGKILL');
  await q?.close();
  await fake?.close();
  await redis?.close();
}, 30_000);

it('after SIGKILL mid-run and a new worker, all 500 nudges arrive, none twice', async () => {
  const prefix = uniquePrefix('crash');
  q = await startQueueBot({
    fake,
    redisUrl: redis.url,
    prefix,
    start: DUE - 3_600_000,
    env: { WORKERS_IN_PROCESS: 'false', QUEUE_LOCK_MS: '1500', DISCORD_REQUESTS_PER_SECOND: '150' },
  });
  const ids = userIds(N);
  enrolDue(q.bot, ids, DUE_TIME, q.clock.t);
  const workerEnv = { QUEUE_LOCK_MS: '1500', DISCORD_REQUESTS_PER_SECOND: '150' };
  const first = await spawnWorker({ fake, redisUrl: redis.url, prefix, env: workerEnv });
  workers.push(first);

  q.clock.t = DUE;
  await q.bot.runtime.plan(DUE);
  expect(deliveries(q.bot, ids)).toHaveLength(N);

  const posted = () =>
    fake.requests.filter((r) => r.route === 'POST /channels/:id/messages' && r.status === 200).length;
  await until('the first worker to post 150 nudges', () => posted() >= 150);
  first.child.kill('SIGKILL');
  expect((await first.exited).signal).toBe('SIGKILL');
  // The process that held the jobs is really gone (no wrapper left a child behind).
  expect(() => process.kill(first.child.pid ?? -1, 0)).toThrow();
  const whenKilled = posted();
  expect(whenKilled).toBeLessThan(N);

  const second = await spawnWorker({ fake, redisUrl: redis.url, prefix, env: workerEnv });
  workers.push(second);
  await q.bot.runtime.queue.drain();

  for (const id of ids) expect(fake.messagesTo(id), `messages to ${id}`).toHaveLength(1);
  const rows = deliveries(q.bot, ids);
  expect(rows.map((d) => d.status).filter((s) => s !== 'sent')).toEqual([]);
  expect(rows).toHaveLength(N);
  // Channels opened by either worker came back through Redis and are cached for tomorrow.
  const p = q.bot.runtime.store.participants.byPlatformUser('discord', ids[0] ?? '')[0];
  expect(p?.dmChannelId).toMatch(/^\d+$/);
  expect(second.stderr()).not.toContain(fake.token);
  expect(first.stderr()).not.toContain(fake.token);
}, 150_000);

it('SIGTERM: the worker stops taking jobs, finishes those in flight, reports them, and exits 0', async () => {
  const slow = await FakeDiscord.start({ guilds: [GUILD], globalRatePerSecond: 10 });
  const prefix = uniquePrefix('sigterm');
  const bot = await startQueueBot({
    fake: slow,
    redisUrl: redis.url,
    prefix,
    start: DUE - 3_600_000,
    env: { WORKERS_IN_PROCESS: 'false', DISCORD_REQUESTS_PER_SECOND: '10' },
  });
  try {
    const ids = userIds(40, 730_000_000_000_000_000n);
    enrolDue(bot.bot, ids, DUE_TIME, bot.clock.t);
    const env = { DISCORD_REQUESTS_PER_SECOND: '10', DELIVERY_CONCURRENCY: '3' };
    const w = await spawnWorker({ fake: slow, redisUrl: redis.url, prefix, env });
    workers.push(w);
    bot.clock.t = DUE;
    await bot.bot.runtime.plan(DUE);
    const posted = () =>
      slow.requests.filter((r) => r.route === 'POST /channels/:id/messages' && r.status === 200);
    await until('a few nudges', () => posted().length >= 4);
    w.child.kill('SIGTERM');
    expect(await w.exited).toEqual({ code: 0, signal: null });
    expect(w.stderr()).toContain('"worker shutting down"');

    // Everything it posted was reported and recorded; nothing was left half-done in Redis.
    const sent = () => deliveries(bot.bot, ids).filter((d) => d.status === 'sent').length;
    await until('outcomes recorded', () => sent() === posted().length);
    const counts = await bot.bot.runtime.bull?.bullQueues()[0]?.getJobCounts('active', 'wait');
    expect(counts?.active).toBe(0);
    expect(counts?.wait).toBe(ids.length - posted().length);

    const next = await spawnWorker({
      fake: slow,
      redisUrl: redis.url,
      prefix,
      env: { ...env, DELIVERY_CONCURRENCY: '10' },
    });
    workers.push(next);
    await bot.bot.runtime.queue.drain();
    for (const id of ids) expect(slow.messagesTo(id), `messages to ${id}`).toHaveLength(1);
  } finally {
    await bot.close();
    await slow.close();
  }
}, 120_000);

it('SIGTERM while Redis is unreachable: the worker leaves after SHUTDOWN_TIMEOUT_MS instead of hanging', async () => {
  if (!redis.owned) throw new Error('redis-server is not on PATH: cannot stop Redis for this test');
  const w = await spawnWorker({
    fake,
    redisUrl: redis.url,
    prefix: uniquePrefix('stuck'),
    env: { SHUTDOWN_TIMEOUT_MS: '1500' },
  });
  workers.push(w);
  await redis.stop();
  try {
    const asked = Date.now();
    w.child.kill('SIGTERM');
    const exit = await w.exited;
    expect(Date.now() - asked).toBeLessThan(10_000);
    // Not 0: the shutdown was not clean, and a service manager should know.
    expect(exit.code === 0 && exit.signal === null).toBe(false);
  } finally {
    await redis.start();
  }
}, 30_000);
