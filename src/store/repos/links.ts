import type { Database } from 'better-sqlite3';
import type { Link, LinkEnding, LinkPurpose } from '../../domain/entities.js';
import type { LocalDate } from '../../domain/types.js';
import type { LinkRepo } from '../../ports/store.js';

/**
 * How long a removed link's ending is kept. Long enough for an old nudge reopened weeks later to say the truth;
 * short enough that the table stays small (a row is ~60 bytes: 100,000 people a month is a few hundred MB at most).
 */
export const LINK_ENDING_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

interface LinkRow {
  id: number;
  token_hash: Buffer;
  space_id: number;
  user_id: string;
  participant_id: number | null;
  purpose: LinkPurpose;
  local_date: LocalDate | null;
  form_id: string | null;
  expires_at: number;
  used_at: number | null;
  created_at: number;
}

// The token hash stays in the store: nothing outside needs it back, and a Link is safe to log.
const toLink = (r: LinkRow): Link => ({
  id: r.id,
  spaceId: r.space_id,
  userId: r.user_id,
  participantId: r.participant_id,
  purpose: r.purpose,
  localDate: r.local_date,
  formId: r.form_id,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
  createdAt: r.created_at,
});

type NewRow = Omit<LinkRow, 'id' | 'used_at'>;

export function createLinkRepo(db: Database): LinkRepo {
  const insert = db.prepare<NewRow, LinkRow>(
    `INSERT INTO links (token_hash, space_id, user_id, participant_id, purpose, local_date, form_id, expires_at, created_at)
     VALUES (@token_hash, @space_id, @user_id, @participant_id, @purpose, @local_date, @form_id, @expires_at, @created_at)
     RETURNING *`,
  );
  const byHash = db.prepare<[Buffer], LinkRow>('SELECT * FROM links WHERE token_hash = ?');
  const byId = db.prepare<[number], LinkRow>('SELECT * FROM links WHERE id = ?');
  // One statement decides: of two submits racing on the same link, exactly one changes the row.
  const use = db.prepare<[number, number]>('UPDATE links SET used_at = ? WHERE id = ? AND used_at IS NULL');
  // A link still backing a live session stays until that session ends: the cascade would end it early (a
  // dashboard login link is short-lived, the session it opened is not). Expired means `expires_at <= now`.
  const removable = `expires_at <= @now
       AND NOT EXISTS (SELECT 1 FROM web_sessions s WHERE s.link_id = links.id AND s.expires_at > @now)`;
  // A used link ended when it was used: reopened later it says so, as it did before it expired.
  const bury = db.prepare<{ now: number }>(
    `INSERT OR IGNORE INTO link_endings (token_hash, purpose, reason, ended_at)
     SELECT token_hash, purpose, CASE WHEN used_at IS NULL THEN 'expired' ELSE 'used' END,
            COALESCE(used_at, expires_at)
       FROM links WHERE ${removable}`,
  );
  const expired = db.prepare<{ now: number }>(`DELETE FROM links WHERE ${removable}`);
  const prune = db.prepare<[number]>('DELETE FROM link_endings WHERE ended_at <= ?');
  const ending = db.prepare<
    [Buffer],
    { purpose: LinkPurpose; reason: LinkEnding['reason']; ended_at: number }
  >('SELECT purpose, reason, ended_at FROM link_endings WHERE token_hash = ?');
  const removeExpired = db.transaction((now: number): number => {
    bury.run({ now });
    const removed = expired.run({ now }).changes;
    prune.run(now - LINK_ENDING_DAYS * DAY_MS);
    return removed;
  });

  return {
    create(link, now) {
      const row = insert.get({
        token_hash: link.tokenHash,
        space_id: link.spaceId,
        user_id: link.userId,
        participant_id: link.participantId,
        purpose: link.purpose,
        local_date: link.localDate,
        form_id: link.formId ?? null,
        expires_at: link.expiresAt,
        created_at: now,
      });
      if (!row) throw new Error('links.create: the insert returned no row');
      return toLink(row);
    },
    byTokenHash(tokenHash) {
      const r = byHash.get(tokenHash);
      return r ? toLink(r) : null;
    },
    get(id) {
      const r = byId.get(id);
      return r ? toLink(r) : null;
    },
    markUsed(id, now) {
      return use.run(now, id).changes === 1;
    },
    deleteExpired(now) {
      return removeExpired(now);
    },
    endingByTokenHash(tokenHash) {
      const r = ending.get(tokenHash);
      return r ? { purpose: r.purpose, reason: r.reason, endedAt: r.ended_at } : null;
    },
  };
}
