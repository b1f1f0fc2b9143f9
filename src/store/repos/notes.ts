import type { Database } from 'better-sqlite3';
import type { Note, NoteKind } from '../../domain/entities.js';
import type { LocalDate } from '../../domain/types.js';
import type { NoteRepo } from '../../ports/store.js';
import type { FieldCipher } from '../field-cipher.js';
import { aadFor, type SealedColumn } from './sealed-column.js';

/**
 * Where each kind of note lives. The kinds keep their own tables (and so their own sealed column in the AAD):
 * a journal blob moved into the intentions table fails to open instead of turning up as an intention.
 */
const TABLES = {
  journal: { table: 'journal_entries', column: 'journal_entries.text' },
  intention: { table: 'intentions', column: 'intentions.text' },
} as const satisfies Record<NoteKind, { table: string; column: SealedColumn }>;

interface NoteRow {
  id: number;
  participant_id: number;
  local_date: LocalDate;
  text: Buffer;
  created_at: number;
}

/** Dated private text of one kind: one implementation for every kind, its table picked from the fixed map above. */
export function createNoteRepo(db: Database, cipher: FieldCipher, kind: NoteKind): NoteRepo {
  const { table, column } = TABLES[kind];
  const insert = db.prepare<[number, LocalDate, Buffer, number], NoteRow>(
    `INSERT INTO ${table} (participant_id, local_date, text, created_at) VALUES (?, ?, ?, ?) RETURNING *`,
  );
  // Newest by local date, then by insertion; both come straight from the (participant_id, local_date) index.
  const recentStmt = db.prepare<[number, number], NoteRow>(
    `SELECT * FROM ${table} WHERE participant_id = ? ORDER BY local_date DESC, id DESC LIMIT ?`,
  );
  const betweenStmt = db.prepare<[number, LocalDate, LocalDate], NoteRow>(
    `SELECT * FROM ${table} WHERE participant_id = ? AND local_date BETWEEN ? AND ? ORDER BY local_date, id`,
  );
  const allStmt = db.prepare<[number], NoteRow>(
    `SELECT * FROM ${table} WHERE participant_id = ? ORDER BY local_date, id`,
  );

  const toNote = (r: NoteRow): Note => ({
    id: r.id,
    participantId: r.participant_id,
    kind,
    localDate: r.local_date,
    text: cipher.open(r.text, aadFor(column, r.participant_id)),
    createdAt: r.created_at,
  });

  return {
    kind,
    add(participantId, localDate, text, now) {
      const sealed = cipher.seal(text, aadFor(column, participantId));
      const row = insert.get(participantId, localDate, sealed, now);
      if (!row) throw new Error(`notes.add (${kind}): the insert returned no row`);
      return toNote(row);
    },
    recent(participantId, limit) {
      return recentStmt.all(participantId, limit).map(toNote);
    },
    between(participantId, from, to) {
      return betweenStmt.all(participantId, from, to).map(toNote);
    },
    all(participantId) {
      return allStmt.all(participantId).map(toNote);
    },
  };
}
