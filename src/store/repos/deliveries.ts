import type { Database } from 'better-sqlite3';
import type { Delivery, DeliveryStatus } from '../../domain/entities.js';
import type { LocalDate, NudgeKind } from '../../domain/types.js';
import type { DeliveryRepo } from '../../ports/store.js';

interface DeliveryRow {
  id: number;
  participant_id: number;
  kind: NudgeKind;
  local_date: LocalDate;
  key: string;
  due_at: number;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  sent_at: number | null;
  created_at: number;
}

/** The unique key of a delivery: one row per person, kind and local date, however often planning runs. */
export const deliveryKey = (participantId: number, kind: NudgeKind, localDate: LocalDate): string =>
  `${participantId}:${kind}:${localDate}`;

const toDelivery = (r: DeliveryRow): Delivery => ({
  id: r.id,
  participantId: r.participant_id,
  kind: r.kind,
  localDate: r.local_date,
  key: r.key,
  dueAt: r.due_at,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  sentAt: r.sent_at,
  createdAt: r.created_at,
});

/** Exported for the plan test. The literal 'pending' (not a parameter) lets SQLite use the partial index. */
export const PENDING_SQL = "SELECT * FROM deliveries WHERE status = 'pending' ORDER BY due_at, id LIMIT ?";

type NewRow = Pick<
  DeliveryRow,
  'participant_id' | 'kind' | 'local_date' | 'key' | 'due_at' | 'status' | 'created_at'
>;

export function createDeliveryRepo(db: Database): DeliveryRepo {
  // DO NOTHING + RETURNING yields no row on a duplicate key: that is how a second planning pass is detected.
  const insertStmt = db.prepare<NewRow, DeliveryRow>(
    `INSERT INTO deliveries (participant_id, kind, local_date, key, due_at, status, created_at)
     VALUES (@participant_id, @kind, @local_date, @key, @due_at, @status, @created_at)
     ON CONFLICT (key) DO NOTHING RETURNING *`,
  );
  const byId = db.prepare<[number], DeliveryRow>('SELECT * FROM deliveries WHERE id = ?');
  const byKeyStmt = db.prepare<[string], DeliveryRow>('SELECT * FROM deliveries WHERE key = ?');
  const pendingStmt = db.prepare<[number], DeliveryRow>(PENDING_SQL);
  const sent = db.prepare<[number, number]>(
    "UPDATE deliveries SET status = 'sent', sent_at = ? WHERE id = ?",
  );
  const setStatus = db.prepare<[DeliveryStatus, string | null, number]>(
    'UPDATE deliveries SET status = ?, last_error = ? WHERE id = ?',
  );
  const attempt = db.prepare<[string | null, number]>(
    'UPDATE deliveries SET attempts = attempts + 1, last_error = ? WHERE id = ?',
  );
  const forParticipantStmt = db.prepare<[number], DeliveryRow>(
    'SELECT * FROM deliveries WHERE participant_id = ? ORDER BY local_date, id',
  );

  // The mark* methods change nothing when the row is gone: the person may have been erased while a job was queued.
  return {
    insert(d, now) {
      const row = insertStmt.get({
        participant_id: d.participantId,
        kind: d.kind,
        local_date: d.localDate,
        key: deliveryKey(d.participantId, d.kind, d.localDate),
        due_at: d.dueAt,
        status: d.status,
        created_at: now,
      });
      return row ? toDelivery(row) : null;
    },
    get(id) {
      const r = byId.get(id);
      return r ? toDelivery(r) : null;
    },
    byKey(key) {
      const r = byKeyStmt.get(key);
      return r ? toDelivery(r) : null;
    },
    pending(limit) {
      return pendingStmt.all(limit).map(toDelivery);
    },
    markSent(id, now) {
      sent.run(now, id);
    },
    markStatus(id, status, error) {
      setStatus.run(status, error, id);
    },
    recordAttempt(id, error) {
      attempt.run(error, id);
    },
    forParticipant(participantId) {
      return forParticipantStmt.all(participantId).map(toDelivery);
    },
  };
}
