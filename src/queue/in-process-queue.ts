import type { Instant, Platform } from '../domain/types.js';
import type { Logger } from '../ports/logger.js';
import type { OutcomeHandler, Queue, Sender, SendJob, SendOutcome, SubmitResult } from '../ports/queue.js';
import { backoffDelay, type RetryPolicy, sendStep } from './send-step.js';

export interface InProcessQueueOptions {
  concurrency: number;
  retry: RetryPolicy;
  /** The clock a worker reads for `sendBy` and outcome times. */
  now: () => Instant;
  onOutcome: OutcomeHandler;
  log: Logger;
  /** How many finished keys are remembered, so a finished job is not queued again (oldest forgotten first). */
  rememberFinished?: number;
}

interface Item {
  job: SendJob;
  attempt: number;
}

/**
 * The embedded driver: jobs run in this process, a few at a time, retried with exponential backoff. Nothing is
 * lost on a crash because the delivery rows in SQLite are the record; the outbox re-offers pending rows at start.
 */
export class InProcessQueue implements Queue {
  readonly driver = 'in-process' as const;
  private send: Sender | null = null;
  private readonly waiting: Item[] = [];
  /** Keys waiting, running or waiting to retry. */
  private readonly live = new Set<string>();
  private readonly finished = new Set<string>();
  private readonly timers = new Map<NodeJS.Timeout, string>();
  private running = 0;
  private recording = 0;
  private pausedUntil = 0;
  private pauseTimer: NodeJS.Timeout | null = null;
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly opts: InProcessQueueOptions) {}

  startWorkers(send: Sender): void {
    this.send = send;
    this.pump();
  }

  async submit(job: SendJob): Promise<SubmitResult> {
    if (this.closed) return 'unavailable';
    if (this.live.has(job.key) || this.finished.has(job.key)) return 'queued';
    this.live.add(job.key);
    this.waiting.push({ job, attempt: 1 });
    this.pump();
    return 'queued';
  }

  async has(_platform: Platform, key: string): Promise<boolean> {
    return this.live.has(key) || this.finished.has(key);
  }

  async remove(_platform: Platform, key: string): Promise<void> {
    const i = this.waiting.findIndex((item) => item.job.key === key);
    const retrying = [...this.timers].find(([, k]) => k === key)?.[0];
    if (i < 0 && !retrying) return;
    if (i >= 0) this.waiting.splice(i, 1);
    if (retrying) {
      clearTimeout(retrying);
      this.timers.delete(retrying);
    }
    this.live.delete(key);
    this.settle();
  }

  async rateLimit(_platform: Platform, ms: number): Promise<void> {
    // One in-process pool carries every platform; a 429 from one pauses it all, which errs on the safe side.
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
    this.schedulePump();
  }

  async depth(): Promise<number> {
    return this.live.size;
  }

  drain(): Promise<void> {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers.keys()) clearTimeout(t);
    this.timers.clear();
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    // Waiting jobs are dropped here, not lost: their rows are still pending and are offered again at start.
    for (const item of this.waiting) this.live.delete(item.job.key);
    this.waiting.length = 0;
    this.live.clear();
    await this.drain();
  }

  private idle(): boolean {
    return this.live.size === 0 && this.running === 0 && this.recording === 0;
  }

  private schedulePump(): void {
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    const wait = this.pausedUntil - Date.now();
    this.pauseTimer = setTimeout(
      () => {
        this.pauseTimer = null;
        this.pump();
      },
      Math.max(0, wait),
    );
  }

  private pump(): void {
    const send = this.send;
    if (!send || this.closed) {
      this.settle();
      return;
    }
    if (Date.now() < this.pausedUntil) {
      this.schedulePump();
      return;
    }
    while (this.running < this.opts.concurrency && this.waiting.length > 0) {
      const item = this.waiting.shift();
      if (!item) break;
      this.running++;
      void this.run(item, send).finally(() => {
        this.running--;
        this.pump();
      });
    }
    this.settle();
  }

  private async run(item: Item, send: Sender): Promise<void> {
    const { retry } = this.opts;
    const step = await sendStep(item.job, send, {
      now: this.opts.now,
      attempt: item.attempt,
      maxAttempts: retry.maxAttempts,
    });
    if (step.next === 'rate-limited') {
      await this.rateLimit(item.job.to.platform, step.waitMs);
      if (!this.closed) this.waiting.unshift(item);
      return;
    }
    await this.report(item.job, step.outcome);
    if (step.next === 'done') {
      this.live.delete(item.job.key);
      this.remember(item.job.key);
      return;
    }
    if (this.closed) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.waiting.push({ job: item.job, attempt: item.attempt + 1 });
        this.pump();
      },
      backoffDelay(retry.backoffMs, item.attempt),
    );
    this.timers.set(timer, item.job.key);
  }

  private async report(job: SendJob, outcome: SendOutcome): Promise<void> {
    this.recording++;
    try {
      await this.opts.onOutcome(job, outcome);
    } catch (err) {
      this.opts.log.error({ err, delivery: job.key }, 'recording a delivery outcome failed');
    } finally {
      this.recording--;
    }
  }

  private remember(key: string): void {
    this.finished.add(key);
    const cap = this.opts.rememberFinished ?? 200_000;
    if (this.finished.size > cap) {
      const oldest = this.finished.values().next().value;
      if (oldest !== undefined) this.finished.delete(oldest);
    }
  }

  private settle(): void {
    if (!this.idle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
