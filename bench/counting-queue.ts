import type { DeliveryHandler, DeliveryJob, Queue } from '../src/ports.js';

/**
 * A Queue whose `enqueue` only counts: nothing is delivered, so a timed planner tick measures the planner's own
 * work (query, schedule, delivery rows) and not a messenger's.
 */
export class CountingQueue implements Queue {
  enqueued = 0;

  start(_handler: DeliveryHandler): void {}

  async enqueue(_job: DeliveryJob): Promise<void> {
    this.enqueued++;
  }

  drain(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
