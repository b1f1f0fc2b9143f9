/** The Clock port: time is an input, never read from the machine inside the app. */
import type { Instant } from '../domain/types.js';

export interface Clock {
  now(): Instant;
}
