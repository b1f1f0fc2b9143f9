import { afterEach, describe, expect, it } from 'vitest';
import type { SendResult } from '../../src/ports/messenger.js';
import type { Queue, Sender, SendJob, SendOutcome } from '../../src/ports/queue.js';
import type { RetryPolicy } from '../../src/queue/send-step.js';

/** What a driver factory gets: everything the owner process gives a queue. */
export interface ContractSetup {
  retry: RetryPolicy;
  concurrency: number;
  now: () => number;
  onOutcome: (job: SendJob, outcome: SendOutcome) => void;
}

export type MakeQueue = (s: ContractSetup) => Promise<Queue>;

const T0 = Date.parse('2026-11-21T08:00:00Z');

export const sendJob = (n: number, over: Partial<SendJob> = {}): SendJob => ({
  deliveryId: n,
  key: `${n}:checkin:2026-11-21`,
  to: {
    platform: 'discord',
    spaceExternalId: '300000000000000001',
    userId: `5000000000000000${n}`,
    dmChannelId: null,
  },
  message: {
    blocks: [
      { type: 'text', text: `Good morning 🌅 — <b>${n}</b> *not bold* @everyone ${'ü'.repeat(3)}` },
      { type: 'link', label: 'Open your private check-in page', url: `http://127.0.0.1:3000/l/${n}` },
    ],
    buttons: [{ id: `checkin.open?date=2026-11-21`, label: 'Check in', style: 'primary' }],
  },
  answerInChat: false,
  dueAt: T0,
  sendBy: T0 + 2 * 3_600_000,
  ...over,
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One behaviour for every Queue driver: the in-process one and BullMQ on a real Redis run these same cases
 * (test/queue/in-process-contract.test.ts, test/queue/bullmq-contract.test.ts).
 */
export function queueContract(driverName: string, make: MakeQueue): void {
  describe(`Queue contract: ${driverName}`, () => {
    let queue: Queue | null = null;
    let outcomes: { key: string; outcome: SendOutcome }[] = [];
    let clock = T0 + 60_000;

    const open = async (over: Partial<ContractSetup> = {}) => {
      outcomes = [];
      clock = T0 + 60_000;
      queue = await make({
        retry: { maxAttempts: 3, backoffMs: 40 },
        concurrency: 4,
        now: () => clock,
        onOutcome: (job, outcome) => {
          outcomes.push({ key: job.key, outcome });
        },
        ...over,
      });
      return queue;
    };
    const statuses = (key: string) => outcomes.filter((o) => o.key === key).map((o) => o.outcome.status);

    afterEach(async () => {
      await queue?.close();
      queue = null;
    });

    it('sends every job once, reports it sent with the DM channel, and drains to depth 0', async () => {
      const q = await open();
      const sent: SendJob[] = [];
      q.startWorkers(async (job) => {
        sent.push(job);
        return { ok: true, dmChannelId: `dm-${job.deliveryId}` };
      });
      for (let n = 1; n <= 30; n++) expect(await q.submit(sendJob(n))).toBe('queued');
      await q.drain();
      expect(sent.map((j) => j.deliveryId).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 30 }, (_, i) => i + 1),
      );
      expect(outcomes).toHaveLength(30);
      expect(outcomes.find((o) => o.key === sendJob(7).key)?.outcome).toEqual({
        status: 'sent',
        at: clock,
        dmChannelId: 'dm-7',
      });
      // Outcomes are reported before a worker marks its job done (so a crash in between resends, never loses),
      // so the depth gauge may trail the last outcome by a moment.
      const until = Date.now() + 2_000;
      while ((await q.depth()) > 0 && Date.now() < until) await sleep(20);
      expect(await q.depth()).toBe(0);
    });

    it('carries the job exactly: unicode, emoji, markup and every field arrive unchanged', async () => {
      const q = await open();
      const got: SendJob[] = [];
      q.startWorkers(async (job) => {
        got.push(job);
        return { ok: true };
      });
      const long = sendJob(1, {
        message: {
          blocks: [{ type: 'quote', text: `${'é🙂<script>alert(1)</script>'.repeat(150)}`.slice(0, 4000) }],
        },
        answerInChat: true,
      });
      await q.submit(long);
      await q.drain();
      expect(got).toEqual([long]);
    });

    it('queues a key once: a second submit while waiting, and one after it finished, send nothing more', async () => {
      const q = await open();
      expect(await q.submit(sendJob(1))).toBe('queued');
      expect(await q.submit(sendJob(1))).toBe('queued');
      expect(await q.depth()).toBe(1);
      expect(await q.has('discord', sendJob(1).key)).toBe(true);
      expect(await q.has('discord', sendJob(2).key)).toBe(false);
      let calls = 0;
      q.startWorkers(async () => {
        calls++;
        return { ok: true };
      });
      await q.drain();
      await q.submit(sendJob(1));
      await q.drain();
      await sleep(100);
      expect(calls).toBe(1);
      expect(await q.has('discord', sendJob(1).key)).toBe(true);
    });

    it('retries a transient failure with exponential backoff, reporting each failed attempt', async () => {
      const q = await open({ retry: { maxAttempts: 4, backoffMs: 60 } });
      const times: number[] = [];
      q.startWorkers(async () => {
        times.push(performance.now());
        return times.length < 3
          ? { ok: false, permanent: false, reason: 'discord 500 (HTTP 500)' }
          : { ok: true };
      });
      await q.submit(sendJob(1));
      await q.drain();
      expect(statuses(sendJob(1).key)).toEqual(['retry', 'retry', 'sent']);
      const [a = 0, b = 0, c = 0] = times;
      expect(b - a).toBeGreaterThanOrEqual(55);
      expect(c - b).toBeGreaterThanOrEqual(115);
    });

    it('gives up after the last attempt and reports a failure that is not permanent', async () => {
      const q = await open({ retry: { maxAttempts: 3, backoffMs: 10 } });
      let calls = 0;
      q.startWorkers(async () => {
        calls++;
        throw new Error('socket hang up');
      });
      await q.submit(sendJob(1));
      await q.drain();
      expect(calls).toBe(3);
      expect(statuses(sendJob(1).key)).toEqual(['retry', 'retry', 'failed']);
      expect(outcomes.at(-1)?.outcome).toMatchObject({ permanent: false, reason: 'socket hang up' });
    });

    it('does not retry a permanent failure (DMs closed, unknown user)', async () => {
      const q = await open();
      let calls = 0;
      q.startWorkers(async (): Promise<SendResult> => {
        calls++;
        return { ok: false, permanent: true, reason: 'discord 50007: closed' };
      });
      await q.submit(sendJob(1));
      await q.drain();
      await sleep(150);
      expect(calls).toBe(1);
      expect(outcomes.map((o) => o.outcome)).toEqual([
        { status: 'failed', at: clock, reason: 'discord 50007: closed', permanent: true },
      ]);
    });

    it('reports a job picked up after its send-by time as missed, without sending it', async () => {
      const q = await open();
      let calls = 0;
      q.startWorkers(async () => {
        calls++;
        return { ok: true };
      });
      clock = sendJob(1).sendBy + 1;
      await q.submit(sendJob(1));
      await q.drain();
      expect(calls).toBe(0);
      expect(statuses(sendJob(1).key)).toEqual(['missed']);
    });

    it('on a 429 pauses every worker for the wait, then sends, without using up an attempt', async () => {
      const q = await open({ retry: { maxAttempts: 1, backoffMs: 10 }, concurrency: 4 });
      const starts: { n: number; t: number }[] = [];
      let limited = false;
      q.startWorkers(async (job) => {
        starts.push({ n: job.deliveryId, t: performance.now() });
        if (job.deliveryId === 1 && !limited) {
          limited = true;
          return { ok: false, permanent: false, reason: 'rate limited', retryAfterMs: 400 };
        }
        return { ok: true };
      });
      await q.submit(sendJob(1));
      await sleep(100);
      for (let n = 2; n <= 6; n++) await q.submit(sendJob(n));
      await q.drain();
      const first = starts[0]?.t ?? 0;
      // Nothing else started while the 429's wait was running.
      expect(starts.slice(1).every((s) => s.t - first >= 380)).toBe(true);
      expect(new Set(outcomes.map((o) => o.outcome.status))).toEqual(new Set(['sent']));
      expect(outcomes).toHaveLength(6);
    });

    it('rateLimit() pauses the workers from outside (a 429 seen by the platform client)', async () => {
      const q = await open();
      await q.rateLimit('discord', 400);
      const startedAt = performance.now();
      const starts: number[] = [];
      q.startWorkers(async () => {
        starts.push(performance.now());
        return { ok: true };
      });
      await q.submit(sendJob(1));
      await q.drain();
      expect((starts[0] ?? 0) - startedAt).toBeGreaterThanOrEqual(300);
    });

    it('remove() takes back a waiting or retrying job: it is not sent, and drain does not wait for it', async () => {
      const q = await open({ retry: { maxAttempts: 3, backoffMs: 300 } });
      await q.submit(sendJob(1));
      await q.submit(sendJob(2));
      await q.remove('discord', sendJob(1).key);
      expect(await q.has('discord', sendJob(1).key)).toBe(false);
      const sent: number[] = [];
      let failedOnce = false;
      q.startWorkers(async (job) => {
        if (job.deliveryId === 3 && !failedOnce) {
          failedOnce = true;
          return { ok: false, permanent: false, reason: 'discord 502 (HTTP 502)' };
        }
        sent.push(job.deliveryId);
        return { ok: true };
      });
      await q.submit(sendJob(3));
      while (!failedOnce) await sleep(10);
      await sleep(50);
      await q.remove('discord', sendJob(3).key);
      await q.drain();
      await sleep(400);
      expect(sent).toEqual([2]);
      expect(statuses(sendJob(1).key)).toEqual([]);
      expect(statuses(sendJob(3).key)).toEqual(['retry']);
    });

    it('close() stops taking jobs but finishes the one in flight and records it', async () => {
      const q = await open({ concurrency: 1 });
      let release: () => void = () => {};
      const inFlight = new Promise<void>((r) => {
        release = r;
      });
      let started = 0;
      const sender: Sender = async () => {
        started++;
        await inFlight;
        return { ok: true };
      };
      q.startWorkers(sender);
      await q.submit(sendJob(1));
      while (started === 0) await sleep(10);
      await q.submit(sendJob(2));
      const closed = q.close();
      await sleep(100);
      release();
      await closed;
      queue = null;
      expect(started).toBe(1);
      expect(statuses(sendJob(1).key)).toEqual(['sent']);
      expect(statuses(sendJob(2).key)).toEqual([]);
    });
  });
}
