import type { Database, Statement } from 'better-sqlite3';
import type { Participant } from '../../domain/entities.js';
import type { ParticipantRepo } from '../../ports/store.js';
import { type ParticipantRow, patchToColumns, type SqlValue, toParticipant } from './participant-row.js';

type NewRow = Pick<
  ParticipantRow,
  | 'space_id'
  | 'platform'
  | 'user_id'
  | 'display_name'
  | 'zone'
  | 'checkin_time'
  | 'quiet_start'
  | 'quiet_end'
  | 'follow_up'
  | 'consent_version'
  | 'consent_at'
  | 'share_with_facilitator'
  | 'created_at'
>;

/**
 * The planner's query, exported so a test can check its plan. `IS NOT NULL` repeats the partial index's condition
 * so SQLite can prove the index applies; `id` breaks ties in index order (it is the rowid), so there is no sort.
 */
export const DUE_SQL = `SELECT * FROM participants
  WHERE next_due_at IS NOT NULL AND next_due_at <= ?
  ORDER BY next_due_at, id LIMIT ?`;

export function createParticipantRepo(db: Database): ParticipantRepo {
  const insert = db.prepare<NewRow, ParticipantRow>(
    `INSERT INTO participants (
       space_id, platform, user_id, display_name, zone, checkin_time, quiet_start, quiet_end,
       follow_up, consent_version, consent_at, share_with_facilitator, created_at
     ) VALUES (
       @space_id, @platform, @user_id, @display_name, @zone, @checkin_time, @quiet_start, @quiet_end,
       @follow_up, @consent_version, @consent_at, @share_with_facilitator, @created_at
     ) RETURNING *`,
  );
  const byId = db.prepare<[number], ParticipantRow>('SELECT * FROM participants WHERE id = ?');
  const byUser = db.prepare<[number, string], ParticipantRow>(
    'SELECT * FROM participants WHERE space_id = ? AND user_id = ?',
  );
  const byPlatformUserStmt = db.prepare<[string, string], ParticipantRow>(
    'SELECT * FROM participants WHERE platform = ? AND user_id = ? ORDER BY id DESC',
  );
  // A facilitator's roster: sorted as people read names (case aside), the unnamed last, id for a stable order.
  const sharingStmt = db.prepare<[number], ParticipantRow>(
    `SELECT * FROM participants WHERE space_id = ? AND share_with_facilitator = 1
     ORDER BY display_name COLLATE NOCASE NULLS LAST, id`,
  );
  const dueStmt = db.prepare<[number, number], ParticipantRow>(DUE_SQL);
  const countStmt = db.prepare<[], number>('SELECT COUNT(*) FROM participants').pluck();

  // One prepared UPDATE per distinct set of columns. Column names come only from the PATCH_COLUMNS whitelist,
  // and use cases touch a handful of shapes, so the cache stays small.
  const updates = new Map<string, Statement<SqlValue[], ParticipantRow>>();
  const updateFor = (columns: readonly string[]): Statement<SqlValue[], ParticipantRow> => {
    const cacheKey = columns.join(',');
    let stmt = updates.get(cacheKey);
    if (!stmt) {
      const set = columns.map((c) => `${c} = ?`).join(', ');
      stmt = db.prepare<SqlValue[], ParticipantRow>(
        `UPDATE participants SET ${set} WHERE id = ? RETURNING *`,
      );
      updates.set(cacheKey, stmt);
    }
    return stmt;
  };

  const mustGet = (id: number): Participant => {
    const r = byId.get(id);
    if (!r) throw new Error(`participants: no participant with id ${id}`);
    return toParticipant(r);
  };

  return {
    create(p, now) {
      const row = insert.get({
        space_id: p.spaceId,
        platform: p.platform,
        user_id: p.userId,
        display_name: p.displayName,
        zone: p.zone,
        checkin_time: p.checkinTime,
        quiet_start: p.quietHours?.start ?? null,
        quiet_end: p.quietHours?.end ?? null,
        // Follow-ups are on unless the person says otherwise; sharing is opt-in, always.
        follow_up: p.followUp === false ? 0 : 1,
        consent_version: p.consentVersion,
        consent_at: p.consentAt,
        share_with_facilitator: p.shareWithFacilitator === true ? 1 : 0,
        created_at: now,
      });
      if (!row) throw new Error('participants.create: the insert returned no row');
      return toParticipant(row);
    },

    get(id) {
      const r = byId.get(id);
      return r ? toParticipant(r) : null;
    },

    find(spaceId, userId) {
      const r = byUser.get(spaceId, userId);
      return r ? toParticipant(r) : null;
    },

    byPlatformUser(platform, userId) {
      return byPlatformUserStmt.all(platform, userId).map(toParticipant);
    },

    update(id, patch) {
      const pairs = patchToColumns(patch);
      if (pairs.length === 0) return mustGet(id);
      // Sorted so the same fields in a different order share one statement.
      pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const row = updateFor(pairs.map(([c]) => c)).get(...pairs.map(([, v]) => v), id);
      if (!row) throw new Error(`participants.update: no participant with id ${id}`);
      return toParticipant(row);
    },

    sharingInSpace(spaceId) {
      return sharingStmt.all(spaceId).map(toParticipant);
    },

    due(now, limit) {
      return dueStmt.all(now, limit).map(toParticipant);
    },

    count() {
      return countStmt.get() ?? 0;
    },
  };
}
