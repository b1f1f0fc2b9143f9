import type { Database } from 'better-sqlite3';
import type { AuditEntry } from '../../domain/entities.js';
import type { AuditRepo } from '../../ports/store.js';

interface AuditRow {
  id: number;
  space_id: number;
  actor_user_id: string;
  subject_participant_id: number;
  action: string;
  at: number;
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  spaceId: r.space_id,
  actorUserId: r.actor_user_id,
  subjectParticipantId: r.subject_participant_id,
  action: r.action,
  at: r.at,
});

/** Exported for the plan test: newest first, straight off the (space_id, at) index, no sort step. */
export const FOR_SPACE_SQL = 'SELECT * FROM audit_log WHERE space_id = ? ORDER BY at DESC, id DESC LIMIT ?';

export function createAuditRepo(db: Database): AuditRepo {
  const insert = db.prepare<Omit<AuditRow, 'id'>, AuditRow>(
    `INSERT INTO audit_log (space_id, actor_user_id, subject_participant_id, action, at)
     VALUES (@space_id, @actor_user_id, @subject_participant_id, @action, @at) RETURNING *`,
  );
  const forSubjectStmt = db.prepare<[number], AuditRow>(
    'SELECT * FROM audit_log WHERE subject_participant_id = ? ORDER BY at, id',
  );
  const forSpaceStmt = db.prepare<[number, number], AuditRow>(FOR_SPACE_SQL);

  // A person's own history reads oldest first, like every `all`; a space's is the latest `limit`, newest first.
  return {
    record(entry) {
      const row = insert.get({
        space_id: entry.spaceId,
        actor_user_id: entry.actorUserId,
        subject_participant_id: entry.subjectParticipantId,
        action: entry.action,
        at: entry.at,
      });
      if (!row) throw new Error('audit.record: the insert returned no row');
      return toEntry(row);
    },
    forSubject(participantId) {
      return forSubjectStmt.all(participantId).map(toEntry);
    },
    forSpace(spaceId, limit) {
      return forSpaceStmt.all(spaceId, limit).map(toEntry);
    },
  };
}
