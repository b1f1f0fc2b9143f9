import type { Database } from 'better-sqlite3';
import type { ActionPlan, ActionStatus } from '../../domain/entities.js';
import type { ActionPlanRepo } from '../../ports/store.js';
import type { FieldCipher } from '../field-cipher.js';
import { aadFor } from './sealed-column.js';

interface ActionPlanRow {
  id: number;
  participant_id: number;
  seq: number;
  text: Buffer;
  status: ActionStatus;
  created_at: number;
  done_at: number | null;
}

export function createActionPlanRepo(db: Database, cipher: FieldCipher): ActionPlanRepo {
  // The next number is computed inside the INSERT itself, so two adds can never pick the same one.
  const insert = db.prepare<{ pid: number; text: Buffer; now: number }, ActionPlanRow>(
    `INSERT INTO action_plans (participant_id, seq, text, status, created_at)
     VALUES (@pid, (SELECT COALESCE(MAX(seq), 0) + 1 FROM action_plans WHERE participant_id = @pid), @text, 'open', @now)
     RETURNING *`,
  );
  const allStmt = db.prepare<[number], ActionPlanRow>(
    'SELECT * FROM action_plans WHERE participant_id = ? ORDER BY seq',
  );
  const byStatus = db.prepare<[number, ActionStatus], ActionPlanRow>(
    'SELECT * FROM action_plans WHERE participant_id = ? AND status = ? ORDER BY seq',
  );
  const bySeqStmt = db.prepare<[number, number], ActionPlanRow>(
    'SELECT * FROM action_plans WHERE participant_id = ? AND seq = ?',
  );
  // `done_at` records when a plan was done; reopening or dropping it clears that.
  const setStatusStmt = db.prepare<[ActionStatus, number | null, number], ActionPlanRow>(
    'UPDATE action_plans SET status = ?, done_at = ? WHERE id = ? RETURNING *',
  );

  const toPlan = (r: ActionPlanRow): ActionPlan => ({
    id: r.id,
    participantId: r.participant_id,
    seq: r.seq,
    text: cipher.open(r.text, aadFor('action_plans.text', r.participant_id)),
    status: r.status,
    createdAt: r.created_at,
    doneAt: r.done_at,
  });

  return {
    add(participantId, text, now) {
      const sealed = cipher.seal(text, aadFor('action_plans.text', participantId));
      const row = insert.get({ pid: participantId, text: sealed, now });
      if (!row) throw new Error('actions.add: the insert returned no row');
      return toPlan(row);
    },
    list(participantId, status) {
      const rows = status === undefined ? allStmt.all(participantId) : byStatus.all(participantId, status);
      return rows.map(toPlan);
    },
    bySeq(participantId, seq) {
      const r = bySeqStmt.get(participantId, seq);
      return r ? toPlan(r) : null;
    },
    setStatus(id, status, now) {
      const r = setStatusStmt.get(status, status === 'done' ? now : null, id);
      if (!r) throw new Error(`actions.setStatus: no action plan with id ${id}`);
      return toPlan(r);
    },
    all(participantId) {
      return allStmt.all(participantId).map(toPlan);
    },
  };
}
