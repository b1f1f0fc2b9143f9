import { csvAttachment } from '../../app/export-data.js';
import type { Note, NoteKind, Participant } from '../../domain/entities.js';
import type { LocalDate } from '../../domain/types.js';
import type { Store } from '../../ports/store.js';
import type { Attachment } from '../../views/message.js';
import { NOTE_KINDS, type NoteKindSpec, notesOf } from './note-kinds.js';

/** One note as /export writes it: the person's words exactly as stored, with its day and when it was written. */
export interface NoteExportRow {
  date: LocalDate;
  text: string;
  recordedAt: string;
}

/** The notes' sections of the export's JSON, by section name (`journal`, `intentions`). */
export type NotesExportData = Record<NoteKindSpec['exportKey'], NoteExportRow[]>;

const KINDS: readonly NoteKind[] = ['journal', 'intention'];

const rowsOf = (notes: Note[]): NoteExportRow[] =>
  notes.map((n) => ({ date: n.localDate, text: n.text, recordedAt: new Date(n.createdAt).toISOString() }));

/**
 * The notes' part of /export: the `journal` and `intentions` sections (decrypted, oldest first) and one CSV per
 * kind (`interlude-journal.csv`, `interlude-intentions.csv`), built from the sections so the files match the JSON.
 * The ranks keep their places in interlude-export-v1 as it shipped.
 */
export const notesExport = {
  rank: { json: 30, files: 20 },
  collect(store: Store, p: Participant): NotesExportData {
    return {
      journal: rowsOf(notesOf(store, 'journal').all(p.id)),
      intentions: rowsOf(notesOf(store, 'intention').all(p.id)),
    };
  },
  files(data: NotesExportData): Attachment[] {
    return KINDS.map((kind) => {
      const key = NOTE_KINDS[kind].exportKey;
      return csvAttachment(
        `interlude-${key}.csv`,
        ['date', 'text', 'recorded_at'],
        data[key].map((n) => [n.date, n.text, n.recordedAt]),
      );
    });
  },
};
