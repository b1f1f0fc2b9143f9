import type { DeliveryHandler, DeliveryJob, Queue } from '../ports.js';

export interface InProcessQueueOptions {
  concurrency: number;
  maxAttempts: number;
  /** First retry delay; doubles each attempt. */
  backoffMs: number;
  /** Called once a job has used all its attempts. */
  onFailed?: (job: DeliveryJob, error: unknown) => void;
}

const retryAfterOf = (e: unknown): number =>
  typeof e === 'object' && e !== null && 'retryAfterMs' in e && typeof e.retryAfterMs === 'number'
    ? e.retryAfterMs
    : 0;

/**
 * The embedded default: jobs run in this process, a few at a time, retried with exponential backoff. Nothing is
 * lost on a crash because the delivery rows in SQLite are the record; the planner re-enqueues pending rows at
 * start (src/app/deliver.ts recoverPending). Jobs with the same key are only queued once at a time.
 */
export class InProcessQueue implements Queue {
  private handler: DeliveryHandler | null = null;
  private readonly waiting: { job: DeliveryJob; attempt: number }[] = [];
  private readonly queuedKeys = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private running = 0;
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly opts: InProcessQueueOptions) {}

  start(handler: DeliveryHandler): void {
    this.handler = handler;
    this.pump();
  }

  async enqueue(job: DeliveryJob): Promise<void> {
    if (this.closed || this.queuedKeys.has(job.key)) return;
    this.queuedKeys.add(job.key);
    this.waiting.push({ job, attempt: 1 });
    this.pump();
  }

  drain(): Promise<void> {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.waiting.length = 0;
    await this.drain();
  }

  private idle(): boolean {
    return this.running === 0 && this.waiting.length === 0 && this.timers.size === 0;
  }

  private pump(): void {
    const handler = this.handler;
    if (!handler) return;
    while (this.running < this.opts.concurrency && this.waiting.length > 0) {
      const item = this.waiting.shift();
      if (!item) break;
      this.running++;
      handler(item.job)
        .then(() => this.queuedKeys.delete(item.job.key))
        .catch((e: unknown) => this.retryOrFail(item, e))
        .finally(() => {
          this.running--;
          this.pump();
          this.settle();
        });
    }
    this.settle();
  }

  private retryOrFail(item: { job: DeliveryJob; attempt: number }, error: unknown): void {
    if (this.closed || item.attempt >= this.opts.maxAttempts) {
      this.queuedKeys.delete(item.job.key);
      this.opts.onFailed?.(item.job, error);
      return;
    }
    const delay = Math.max(retryAfterOf(error), this.opts.backoffMs * 2 ** (item.attempt - 1));
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.waiting.push({ job: item.job, attempt: item.attempt + 1 });
      this.pump();
    }, delay);
    this.timers.add(timer);
  }

  private settle(): void {
    if (!this.idle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
