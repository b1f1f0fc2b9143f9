import type { Database } from 'better-sqlite3';
import type { Intention } from '../../domain/entities.js';
import type { LocalDate } from '../../domain/types.js';
import type { IntentionRepo } from '../../ports/store.js';
import type { FieldCipher } from '../field-cipher.js';
import { aadFor } from './sealed-column.js';

interface IntentionRow {
  id: number;
  participant_id: number;
  local_date: LocalDate;
  text: Buffer;
  created_at: number;
}

export function createIntentionRepo(db: Database, cipher: FieldCipher): IntentionRepo {
  const insert = db.prepare<[number, LocalDate, Buffer, number], IntentionRow>(
    'INSERT INTO intentions (participant_id, local_date, text, created_at) VALUES (?, ?, ?, ?) RETURNING *',
  );
  const recentStmt = db.prepare<[number, number], IntentionRow>(
    'SELECT * FROM intentions WHERE participant_id = ? ORDER BY local_date DESC, id DESC LIMIT ?',
  );
  const allStmt = db.prepare<[number], IntentionRow>(
    'SELECT * FROM intentions WHERE participant_id = ? ORDER BY local_date, id',
  );

  const toIntention = (r: IntentionRow): Intention => ({
    id: r.id,
    participantId: r.participant_id,
    localDate: r.local_date,
    text: cipher.open(r.text, aadFor('intentions.text', r.participant_id)),
    createdAt: r.created_at,
  });

  return {
    add(participantId, localDate, text, now) {
      const sealed = cipher.seal(text, aadFor('intentions.text', participantId));
      const row = insert.get(participantId, localDate, sealed, now);
      if (!row) throw new Error('intentions.add: the insert returned no row');
      return toIntention(row);
    },
    recent(participantId, limit) {
      return recentStmt.all(participantId, limit).map(toIntention);
    },
    all(participantId) {
      return allStmt.all(participantId).map(toIntention);
    },
  };
}
