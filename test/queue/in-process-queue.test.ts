import { describe, expect, it } from 'vitest';
import type { DeliveryJob } from '../../src/ports.js';
import { InProcessQueue } from '../../src/queue/in-process-queue.js';

const job = (n: number): DeliveryJob => ({
  deliveryId: n,
  key: `1:checkin:2026-11-${String(n).padStart(2, '0')}`,
});

describe('in-process queue', () => {
  it('hands every job to the handler and drains', async () => {
    const q = new InProcessQueue({ concurrency: 3, maxAttempts: 3, backoffMs: 1 });
    const seen: number[] = [];
    q.start(async (j) => {
      seen.push(j.deliveryId);
    });
    for (let i = 1; i <= 20; i++) await q.enqueue(job(i));
    await q.drain();
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('queues a key only once while it is waiting', async () => {
    const q = new InProcessQueue({ concurrency: 1, maxAttempts: 1, backoffMs: 1 });
    let calls = 0;
    await q.enqueue(job(1));
    await q.enqueue(job(1));
    q.start(async () => {
      calls++;
    });
    await q.drain();
    expect(calls).toBe(1);
  });

  it('retries with backoff and reports a job that used all its attempts', async () => {
    const failed: string[] = [];
    const q = new InProcessQueue({
      concurrency: 1,
      maxAttempts: 3,
      backoffMs: 1,
      onFailed: (j) => failed.push(j.key),
    });
    const attempts = new Map<number, number>();
    q.start(async (j) => {
      const n = (attempts.get(j.deliveryId) ?? 0) + 1;
      attempts.set(j.deliveryId, n);
      if (j.deliveryId === 1 && n < 2) throw new Error('transient');
      if (j.deliveryId === 2) throw new Error('always');
    });
    await q.enqueue(job(1));
    await q.enqueue(job(2));
    await q.drain();
    expect(attempts.get(1)).toBe(2);
    expect(attempts.get(2)).toBe(3);
    expect(failed).toEqual([job(2).key]);
  });

  it('honours a retry-after hint from the failure', async () => {
    const q = new InProcessQueue({ concurrency: 1, maxAttempts: 2, backoffMs: 1 });
    const times: number[] = [];
    q.start(async () => {
      times.push(performance.now());
      if (times.length === 1) throw Object.assign(new Error('429'), { retryAfterMs: 50 });
    });
    await q.enqueue(job(1));
    await q.drain();
    expect(times).toHaveLength(2);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(45);
  });
});
