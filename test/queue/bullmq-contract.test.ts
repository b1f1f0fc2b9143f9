import { afterAll, beforeAll } from 'vitest';
import { BullMqQueue } from '../../src/queue/bullmq-queue.js';
import { RecordingLogger } from '../helpers/recording-logger.js';
import { startTestRedis, type TestRedis, uniquePrefix } from '../helpers/redis.js';
import { queueContract } from './queue-contract.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await redis.close();
});

queueContract('BullMQ on a real Redis', async (s) => {
  const q = new BullMqQueue({
    redisUrl: redis.url,
    prefix: uniquePrefix('contract'),
    platforms: ['discord', 'slack'],
    limits: {
      discord: { perSecond: 1000, concurrency: s.concurrency },
      slack: { perSecond: 10, concurrency: 2 },
    },
    retry: s.retry,
    now: s.now,
    log: new RecordingLogger(),
    onOutcome: s.onOutcome,
    lockMs: 5_000,
  });
  await q.ready();
  return q;
});
