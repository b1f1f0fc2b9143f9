/**
 * A 429 seen by one worker pauses every worker: the one that got it calls BullMQ's rateLimit, and the other
 * process, which saw no 429 itself, stops taking jobs too. Nothing is dropped.
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

const N = 200;
// The workers read the real clock, so the due hour is relative to it (never a fixed date): see nextWholeHour.
const { at: DUE, hhmm: DUE_TIME } = nextWholeHour();
// Long enough that the pause is measured well clear of the requests already in flight when the 429 came, even on a
// busy machine where those take a second to land.
const RETRY_AFTER_MS = 3_000;
const IN_FLIGHT_MS = 1_000;
let redis: TestRedis;
let fake: FakeDiscord;
let q: QueueBot;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  fake = await FakeDiscord.start({ guilds: [GUILD], globalRatePerSecond: 200 });
});

afterAll(async () => {
  for (const w of workers) await stopWorker(w, 'SIGKILL');
  await q?.close();
  await fake?.close();
  await redis?.close();
});

it('a 429 to one worker pauses both worker processes for the Retry-After, and every nudge still arrives once', async () => {
  const prefix = uniquePrefix('storm');
  // 40 nudges/s keeps first-day DM opens under the fake's 50/s bucket for that route: the one 429 is the test's.
  const env = { DISCORD_REQUESTS_PER_SECOND: '40', DELIVERY_CONCURRENCY: '4' };
  q = await startQueueBot({
    fake,
    redisUrl: redis.url,
    prefix,
    start: DUE - 3_600_000,
    env: { ...env, WORKERS_IN_PROCESS: 'false' },
  });
  const ids = userIds(N);
  enrolDue(q.bot, ids, DUE_TIME, q.clock.t);
  const [a, b] = await Promise.all([
    spawnWorker({ fake, redisUrl: redis.url, prefix, env }),
    spawnWorker({ fake, redisUrl: redis.url, prefix, env }),
  ]);
  if (!a || !b) throw new Error('workers did not start');
  workers.push(a, b);

  q.clock.t = DUE;
  await q.bot.runtime.plan(DUE);
  const posted = () =>
    fake.requests.filter((r) => r.route === 'POST /channels/:id/messages' && r.status === 200).length;
  await until('40 nudges to arrive', () => posted() >= 40);
  // One global 429: only the worker whose request draws it is told to wait.
  fake.storm429({ count: 1, retryAfterMs: RETRY_AFTER_MS, global: true });
  await until('the 429', () => fake.count429() >= 1);
  const t429 = fake.requests.find((r) => r.status === 429)?.at ?? 0;

  await q.bot.runtime.queue.drain();

  // Jobs already running finish within moments; after that neither process sends until the wait is over.
  const inPause = fake.requests.filter(
    (r) => r.at > t429 + IN_FLIGHT_MS && r.at < t429 + RETRY_AFTER_MS - 200,
  );
  expect(inPause).toEqual([]);
  expect(fake.requests.some((r) => r.at >= t429 + RETRY_AFTER_MS - 200)).toBe(true);
  // The pause reached the worker that saw no 429 through Redis, not through a 429 of its own.
  const told = [a, b].filter((w) => w.stderr().includes('pausing every worker'));
  expect(told).toHaveLength(1);

  expect(fake.count429()).toBe(1);
  for (const id of ids) expect(fake.messagesTo(id), `messages to ${id}`).toHaveLength(1);
  expect(deliveries(q.bot, ids).filter((d) => d.status !== 'sent')).toEqual([]);
}, 90_000);
