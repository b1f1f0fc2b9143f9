/**
 * Redis stopped for 20 s in the middle of a run, then started again empty (it keeps nothing on disk). SQLite is
 * the record: commands never touch Redis, the planner keeps writing delivery rows, and once Redis is back the
 * pending rows it lost are queued again. Every nudge arrives, none twice.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { startTestRedis, type TestRedis, uniquePrefix } from '../helpers/redis.js';
import {
  deliveries,
  enrolDue,
  GUILD,
  type QueueBot,
  sleep,
  startQueueBot,
  until,
  userIds,
} from './queue-harness.js';

const DUE = Date.parse('2026-11-23T08:00:00Z');
const FIRST = 200;
const LATER = 20;
const OUTAGE_MS = 20_000;
let redis: TestRedis;
let fake: FakeDiscord;
let q: QueueBot | null = null;

beforeAll(async () => {
  redis = await startTestRedis();
  // 40 requests/s: 200 cold nudges (two requests each) take about 10 s, so the outage lands mid-run.
  fake = await FakeDiscord.start({ guilds: [GUILD], globalRatePerSecond: 40 });
});

afterAll(async () => {
  await q?.close();
  await fake?.close();
  await redis?.close();
});

it('Redis away for 20 s mid-run: the bot answers commands throughout, and every nudge arrives once', async () => {
  if (!redis.owned) {
    // Playing an outage needs a Redis this test owns (redis-server on PATH); .ci/run installs it.
    throw new Error('redis-server is not on PATH: cannot stop and start Redis for this test');
  }
  q = await startQueueBot({
    fake,
    redisUrl: redis.url,
    prefix: uniquePrefix('outage'),
    start: DUE - 3_600_000,
    env: { QUEUE_LOCK_MS: '2000', DISCORD_REQUESTS_PER_SECOND: '40' },
  });
  const bot = q.bot;
  const first = userIds(FIRST);
  const later = userIds(LATER, 710_000_000_000_000_000n);
  enrolDue(bot, first, '08:00', q.clock.t);
  enrolDue(bot, later, '08:01', q.clock.t);

  q.clock.t = DUE;
  await bot.runtime.plan(DUE);
  const posted = () =>
    fake.requests.filter((r) => r.route === 'POST /channels/:id/messages' && r.status === 200).length;
  await until('40 nudges to arrive', () => posted() >= 40);

  await redis.stop();
  const outageStarted = Date.now();
  expect(await bot.runtime.bull?.ping()).toBe(false);
  const base = `http://127.0.0.1:${bot.webPort}`;
  const health = await fetch(`${base}/healthz`);
  expect(health.status).toBe(503);
  expect(await health.json()).toEqual({ status: 'unavailable', db: 'ok', redis: 'down' });

  // The planner keeps writing rows while Redis is away: the 08:01 nudges are planned and wait in SQLite.
  q.clock.t = DUE + 60_000;
  await bot.runtime.plan(q.clock.t);
  expect(deliveries(bot, later).map((d) => d.status)).toEqual(Array(LATER).fill('pending'));

  // Commands answer within Discord's 3 s all through the outage, and what people write is kept.
  const dana = { id: '720000000000000001', username: 'dana' };
  let answered = 0;
  while (Date.now() - outageStarted < OUTAGE_MS) {
    const crisis = fake.slashCommand({ user: dana, name: 'crisis' });
    const reply = await crisis.response();
    expect(crisis.responseDelayMs ?? Infinity).toBeLessThan(3_000);
    expect(JSON.stringify(reply.data)).toContain('988');
    answered++;
    await sleep(1_000);
  }
  expect(answered).toBeGreaterThanOrEqual(10);
  const stuck = posted();
  expect(stuck).toBeLessThan(FIRST + LATER);

  await redis.start();
  const all = [...first, ...later];
  // The minute ticker goes on; once Redis is back, its next tick offers the rows Redis lost.
  const drained = bot.runtime.queue.drain().then(() => true);
  let done = false;
  void drained.then(() => {
    done = true;
  });
  for (let minute = 2; !done && minute < 60; minute++) {
    q.clock.t = DUE + minute * 60_000;
    await bot.runtime.plan(q.clock.t);
    await Promise.race([drained, sleep(1_500)]);
  }
  await until(
    'every nudge recorded as sent',
    () => deliveries(bot, all).every((d) => d.status === 'sent'),
    60_000,
  );

  for (const id of all) expect(fake.messagesTo(id), `messages to ${id}`).toHaveLength(1);
  expect(deliveries(bot, all)).toHaveLength(FIRST + LATER);
  expect(q.log.entries.some((e) => e.msg === 'redis is back: offering pending deliveries again')).toBe(true);

  expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok', db: 'ok', redis: 'ok' });
  await until('the queue to empty', async () => (await bot.runtime.queue.depth()) === 0);
  const metrics = await (await fetch(`${base}/metrics`)).text();
  expect(metrics).toContain(`interlude_nudges_planned_total ${FIRST + LATER}`);
  expect(metrics).toContain(`interlude_nudges_sent_total ${FIRST + LATER}`);
  expect(metrics).toContain('interlude_queue_depth 0');
  expect(metrics).toContain(`interlude_nudge_lateness_seconds_count ${FIRST + LATER}`);
}, 120_000);
