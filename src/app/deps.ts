import type { Participant } from '../domain/entities.js';
import type { LocalTime, QuietHours } from '../domain/types.js';
import type { Logger } from '../ports/logger.js';
import type { DeliveryMetrics } from '../ports/metrics.js';
import type { Outbox } from '../ports/outbox.js';
import type { Store } from '../ports/store.js';
import type { DataParts } from './feature.js';
import type { NudgeKinds } from './nudge-kinds.js';
import type { PageForms } from './page-forms.js';

/** Clinic-set values the use cases need; they come from config, never from constants in the code. */
export interface AppSettings {
  followUpAfterHours: number;
  graceMinutes: number;
  boosterIntervalDays: number;
  crisisLines: string[];
  defaultCheckinTime: LocalTime;
  /** Quiet hours a new participant starts with (DEFAULT_QUIET_HOURS); null: none. */
  defaultQuietHours: QuietHours | null;
  /** The zone to assume when a surface knows it (the console knows the machine's); null elsewhere. */
  defaultZone: string | null;
  /** Where people's browsers reach the private pages, without a trailing slash. */
  publicUrl: string;
  linkTtlHours: number;
  /**
   * The operator's opt-in to answering check-ins inside Discord or Slack (buttons and a modal). Off: health
   * content never crosses a chat API and chat surfaces link to the private pages instead (design principle 1).
   */
  answerInChat: boolean;
}

export interface AppSecrets {
  /** HMAC key that signs private links (derived from ENCRYPTION_KEY, never stored). */
  linkKey: Buffer;
}

export interface AppDeps {
  store: Store;
  /** Where planned nudges go (src/app/outbox.ts), on to the queue. */
  outbox: Outbox;
  log: Logger;
  settings: AppSettings;
  secrets: AppSecrets;
  /** Delivery counters for /metrics; absent where nobody reads them (tests, benchmarks). */
  metrics?: DeliveryMetrics;
  /** Copies of exports Interlude itself keeps on disk (the console's files): erased with the person. */
  exportCopies?: ExportCopies;
  /** Every feature's nudge kinds by id (built from src/features/index.ts by compose): delivery reads these. */
  nudgeKinds: NudgeKinds;
  /** Every feature's part of /export and /forget, in order. */
  dataParts: DataParts;
  /** Every feature's page forms by id (src/app/page-forms.ts). */
  pageForms: PageForms;
}

/** Where a surface keeps the export files it wrote for a person, so /forget can erase every copy. */
export interface ExportCopies {
  /** Remove every export file kept for this person; how many export folders went. */
  eraseFor(p: Participant): number;
}

/** Everything the app has but the outbox: what preparing and recording a delivery (inside the outbox) may use. */
export type CoreDeps = Omit<AppDeps, 'outbox'>;
