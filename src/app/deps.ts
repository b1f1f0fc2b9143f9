import type { LocalTime } from '../domain/types.js';
import type { Logger, Queue, Store } from '../ports.js';

/** Clinic-set values the use cases need; they come from config, never from constants in the code. */
export interface AppSettings {
  followUpAfterHours: number;
  graceMinutes: number;
  boosterIntervalDays: number;
  crisisLines: string[];
  defaultCheckinTime: LocalTime;
  /** The zone to assume when a surface knows it (the console knows the machine's); null elsewhere. */
  defaultZone: string | null;
}

export interface AppDeps {
  store: Store;
  queue: Queue;
  log: Logger;
  settings: AppSettings;
}
