import { type ExportCore, exportFilesOf, personDataOf } from '../app/export-data.js';
import type { Participant } from '../domain/entities.js';
import type { Store } from '../ports/store.js';
import type { Attachment } from '../views/message.js';
import type { ActionsExportData } from './action-plans/export.js';
import type { CheckinsExportData } from './check-in/export.js';
import { featureParts } from './index.js';
import type { NotesExportData } from './notes/export.js';
import type { SessionsExportData } from './sessions/export.js';

/**
 * interlude-export-v1 as today's features make it, typed section by section. The app assembles the same from the
 * parts it is given (AppDeps.dataParts); this names the shape for readers and for tests that read an export back.
 */
export type PersonData = ExportCore &
  SessionsExportData &
  CheckinsExportData &
  NotesExportData &
  ActionsExportData;

/** Everything Interlude holds about one person, decrypted, from every feature's part of /export. */
export const collectPersonData = (store: Store, p: Participant): PersonData =>
  personDataOf(featureParts().dataParts.exports, store, p) as PersonData;

/** The same data as the JSON file and every feature's CSV files. */
export const exportFiles = (data: PersonData): Attachment[] =>
  exportFilesOf(featureParts().dataParts.exports, data);
