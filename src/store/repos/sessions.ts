import type { Database } from 'better-sqlite3';
import type { SessionStatus, TherapySession } from '../../domain/entities.js';
import type { LocalDate } from '../../domain/types.js';
import type { SessionRepo } from '../../ports/store.js';

interface SessionRow {
  id: number;
  participant_id: number;
  date: LocalDate;
  status: SessionStatus;
  created_at: number;
}

const toSession = (r: SessionRow): TherapySession => ({
  id: r.id,
  participantId: r.participant_id,
  date: r.date,
  status: r.status,
  createdAt: r.created_at,
});

export function createSessionRepo(db: Database): SessionRepo {
  const insert = db.prepare<[number, LocalDate, SessionStatus, number], SessionRow>(
    'INSERT INTO sessions (participant_id, date, status, created_at) VALUES (?, ?, ?, ?) RETURNING *',
  );
  const listStmt = db.prepare<[number], SessionRow>(
    'SELECT * FROM sessions WHERE participant_id = ? ORDER BY date, id',
  );
  const clear = db.prepare<[number, LocalDate]>(
    "DELETE FROM sessions WHERE participant_id = ? AND status = 'planned' AND date >= ?",
  );
  // Every statement names the participant too: an id from a button is untrusted and must reach only their own rows.
  const setStatusStmt = db.prepare<[SessionStatus, number, number]>(
    'UPDATE sessions SET status = ? WHERE participant_id = ? AND id = ?',
  );
  const removeByIdStmt = db.prepare<[number, number]>(
    'DELETE FROM sessions WHERE participant_id = ? AND id = ?',
  );
  const removeOnStmt = db.prepare<[number, LocalDate]>(
    'DELETE FROM sessions WHERE participant_id = ? AND date = ?',
  );

  return {
    add(participantId, date, status, now) {
      const row = insert.get(participantId, date, status, now);
      if (!row) throw new Error('sessions.add: the insert returned no row');
      return toSession(row);
    },
    list(participantId) {
      return listStmt.all(participantId).map(toSession);
    },
    clearPlanned(participantId, fromDate) {
      clear.run(participantId, fromDate);
    },
    setStatus(participantId, id, status) {
      return setStatusStmt.run(status, participantId, id).changes > 0;
    },
    removeById(participantId, id) {
      return removeByIdStmt.run(participantId, id).changes > 0;
    },
    removeOn(participantId, date) {
      return removeOnStmt.run(participantId, date).changes;
    },
  };
}
