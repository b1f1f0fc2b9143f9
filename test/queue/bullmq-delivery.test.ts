/**
 * Queue mode end to end in one process (the default: workers inside the bot): a person whose DMs are closed
 * (Discord 50007) and a user Discord does not know (10013) fail at once, with no retry, and are marked unreachable;
 * everyone else gets their nudge, with the DM channel cached for next time.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { startTestRedis, type TestRedis, uniquePrefix } from '../helpers/redis.js';
import { deliveries, enrolDue, GUILD, type QueueBot, startQueueBot, userIds } from './queue-harness.js';

const DUE = Date.parse('2026-03-08T07:00:00Z');
let redis: TestRedis;
let fake: FakeDiscord;
let q: QueueBot;

beforeAll(async () => {
  redis = await startTestRedis();
  fake = await FakeDiscord.start({ guilds: [GUILD] });
  q = await startQueueBot({
    fake,
    redisUrl: redis.url,
    prefix: uniquePrefix('delivery'),
    start: DUE - 3_600_000,
  });
});

afterAll(async () => {
  await q?.close();
  await fake?.close();
  await redis?.close();
});

it('permanent failures are not retried and mark the person unreachable; the rest are sent once', async () => {
  const [closed = '', gone = '', ...others] = userIds(6, 740_000_000_000_000_000n);
  fake.rejectDmsFrom(closed);
  fake.unknownUser(gone);
  enrolDue(q.bot, [closed, gone, ...others], '07:00', q.clock.t);
  q.clock.t = DUE;
  await q.bot.runtime.tick(DUE);

  const byUser = (id: string) => q.bot.runtime.store.participants.byPlatformUser('discord', id)[0];
  for (const id of [closed, gone]) {
    expect(byUser(id)?.unreachable, id).toBe(true);
    const [row] = deliveries(q.bot, [id]);
    expect(row?.status).toBe('failed');
    expect(row?.attempts).toBe(1);
  }
  expect(deliveries(q.bot, [closed])[0]?.lastError).toMatch(/50007/);
  expect(deliveries(q.bot, [gone])[0]?.lastError).toMatch(/10013/);
  // In Redis the job failed on its first attempt: UnrecoverableError, no backoff.
  const [queue] = q.bot.runtime.bull?.bullQueues() ?? [];
  const failed = await queue?.getJob(deliveries(q.bot, [closed])[0]?.key ?? '');
  expect(failed?.attemptsMade).toBe(1);
  expect(await failed?.getState()).toBe('failed');

  for (const id of others) {
    expect(fake.messagesTo(id)).toHaveLength(1);
    expect(byUser(id)?.dmChannelId).toMatch(/^\d+$/);
  }
  const metrics = await q.bot.runtime.metrics.text();
  expect(metrics).toContain('interlude_nudges_failed_total{permanent="true"} 2');
  expect(metrics).toContain(`interlude_nudges_sent_total ${others.length}`);
});
