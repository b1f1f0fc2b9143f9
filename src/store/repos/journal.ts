import type { Database } from 'better-sqlite3';
import type { JournalEntry } from '../../domain/entities.js';
import type { LocalDate } from '../../domain/types.js';
import type { JournalRepo } from '../../ports/store.js';
import type { FieldCipher } from '../field-cipher.js';
import { aadFor } from './sealed-column.js';

interface JournalRow {
  id: number;
  participant_id: number;
  local_date: LocalDate;
  text: Buffer;
  created_at: number;
}

export function createJournalRepo(db: Database, cipher: FieldCipher): JournalRepo {
  const insert = db.prepare<[number, LocalDate, Buffer, number], JournalRow>(
    'INSERT INTO journal_entries (participant_id, local_date, text, created_at) VALUES (?, ?, ?, ?) RETURNING *',
  );
  // Newest by local date, then by insertion; both come straight from the (participant_id, local_date) index.
  const recentStmt = db.prepare<[number, number], JournalRow>(
    'SELECT * FROM journal_entries WHERE participant_id = ? ORDER BY local_date DESC, id DESC LIMIT ?',
  );
  const betweenStmt = db.prepare<[number, LocalDate, LocalDate], JournalRow>(
    `SELECT * FROM journal_entries WHERE participant_id = ? AND local_date BETWEEN ? AND ?
     ORDER BY local_date, id`,
  );
  const allStmt = db.prepare<[number], JournalRow>(
    'SELECT * FROM journal_entries WHERE participant_id = ? ORDER BY local_date, id',
  );

  const toEntry = (r: JournalRow): JournalEntry => ({
    id: r.id,
    participantId: r.participant_id,
    localDate: r.local_date,
    text: cipher.open(r.text, aadFor('journal_entries.text', r.participant_id)),
    createdAt: r.created_at,
  });

  return {
    add(participantId, localDate, text, now) {
      const sealed = cipher.seal(text, aadFor('journal_entries.text', participantId));
      const row = insert.get(participantId, localDate, sealed, now);
      if (!row) throw new Error('journal.add: the insert returned no row');
      return toEntry(row);
    },
    recent(participantId, limit) {
      return recentStmt.all(participantId, limit).map(toEntry);
    },
    between(participantId, from, to) {
      return betweenStmt.all(participantId, from, to).map(toEntry);
    },
    all(participantId) {
      return allStmt.all(participantId).map(toEntry);
    },
  };
}
