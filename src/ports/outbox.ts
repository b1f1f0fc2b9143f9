/** The Outbox port: where the planner hands planned nudges; SQLite stays the record. */
import type { Instant, Platform } from '../domain/types.js';

/** A planned delivery row, as the planner hands it on. */
export interface DeliveryJob {
  deliveryId: number;
  key: string;
}

/**
 * Where the app layer hands planned nudges. It prepares each from the store (the record) and passes it to the
 * queue; it never throws because a queue backend is away: the row stays pending and is handed over later.
 */
export interface Outbox {
  enqueue(job: DeliveryJob, now: Instant): Promise<void>;
  /**
   * Take back queued nudges (the person erased their data): best effort and without waiting, so the use case
   * never waits on Redis. A nudge already being sent still goes; one waiting or retrying does not.
   */
  withdraw(platform: Platform, keys: string[]): void;
}
