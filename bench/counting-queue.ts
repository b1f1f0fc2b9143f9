import type { DeliveryJob, Outbox } from '../src/ports/outbox.js';

/**
 * An outbox that only counts: nothing is prepared or delivered, so a timed planner tick measures the planner's
 * own work (query, schedule, delivery rows) and not a queue's or a messenger's.
 */
export class CountingQueue implements Outbox {
  enqueued = 0;

  async enqueue(_job: DeliveryJob): Promise<void> {
    this.enqueued++;
  }

  withdraw(): void {}
}
