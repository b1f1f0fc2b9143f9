import type { Instant, Platform } from '../domain/types.js';
import type { DeliveryJob, Outbox } from '../ports/outbox.js';
import type { Queue, SendJob, SendOutcome } from '../ports/queue.js';
import { prepareDelivery, recordOutcome } from './deliver.js';
import type { CoreDeps } from './deps.js';

/**
 * Between the planner and the queue. SQLite is the record: a delivery row is written first, then prepared and
 * submitted; if the queue cannot take it (Redis away), the row simply stays pending and `resync` offers it again
 * later. Nothing here ever waits on Redis for long, so commands and the planner carry on while it is away.
 */
export class DeliveryOutbox implements Outbox {
  /** Pending rows may be missing from the queue: at start, after a failed submit, after Redis came back. */
  private dirty = true;

  constructor(
    private readonly queue: Queue,
    /** What preparing and recording a delivery needs: everything the app has but the outbox itself. */
    private readonly deps: CoreDeps,
  ) {}

  async enqueue(ref: DeliveryJob, now: Instant): Promise<void> {
    const deps = this.deps;
    const prepared = prepareDelivery(deps, ref.deliveryId, now);
    if (prepared.kind !== 'send') return;
    let result: 'queued' | 'unavailable';
    try {
      result = await this.queue.submit(prepared.job);
    } catch (err) {
      deps.log.warn({ err, delivery: ref.key }, 'could not queue a delivery; it stays pending');
      result = 'unavailable';
    }
    if (result === 'unavailable') this.dirty = true;
  }

  withdraw(platform: Platform, keys: string[]): void {
    for (const key of keys) {
      this.queue.remove(platform, key).catch((err: unknown) => {
        this.deps.log.debug({ err, delivery: key }, 'could not withdraw a queued nudge');
      });
    }
  }

  /** The queue lost its connection and has it back: look for pending rows it does not hold. */
  markDirty(): void {
    this.dirty = true;
  }

  /**
   * Offer every pending row the queue does not hold. Cheap when nothing went wrong (one flag), and bounded by
   * the number of pending rows when something did. Returns how many rows were offered.
   */
  async resync(now: Instant): Promise<number> {
    if (!this.dirty) return 0;
    const deps = this.deps;
    this.dirty = false;
    let offered = 0;
    for (const d of deps.store.deliveries.pending(100_000)) {
      const p = deps.store.participants.get(d.participantId);
      if (!p) continue;
      try {
        if (await this.queue.has(p.platform, d.key)) continue;
      } catch {
        // The queue is away again; try once more later.
        this.dirty = true;
        break;
      }
      await this.enqueue({ deliveryId: d.id, key: d.key }, now);
      offered++;
    }
    return offered;
  }

  /** The queue's outcome handler: write it to the store. */
  readonly record = (job: SendJob, outcome: SendOutcome): void => {
    recordOutcome(this.deps, job, outcome);
  };
}
