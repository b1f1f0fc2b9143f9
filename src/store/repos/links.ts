import type { Database } from 'better-sqlite3';
import type { LocalDate } from '../../domain/types.js';
import type { Link, LinkPurpose, LinkRepo } from '../../ports.js';

interface LinkRow {
  id: number;
  token_hash: Buffer;
  space_id: number;
  user_id: string;
  participant_id: number | null;
  purpose: LinkPurpose;
  local_date: LocalDate | null;
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
  expiresAt: r.expires_at,
  usedAt: r.used_at,
  createdAt: r.created_at,
});

type NewRow = Omit<LinkRow, 'id' | 'used_at'>;

export function createLinkRepo(db: Database): LinkRepo {
  const insert = db.prepare<NewRow, LinkRow>(
    `INSERT INTO links (token_hash, space_id, user_id, participant_id, purpose, local_date, expires_at, created_at)
     VALUES (@token_hash, @space_id, @user_id, @participant_id, @purpose, @local_date, @expires_at, @created_at)
     RETURNING *`,
  );
  const byHash = db.prepare<[Buffer], LinkRow>('SELECT * FROM links WHERE token_hash = ?');
  const byId = db.prepare<[number], LinkRow>('SELECT * FROM links WHERE id = ?');
  // One statement decides: of two submits racing on the same link, exactly one changes the row.
  const use = db.prepare<[number, number]>('UPDATE links SET used_at = ? WHERE id = ? AND used_at IS NULL');
  // A link still backing a live session stays until that session ends: the cascade would end it early (a
  // dashboard login link is short-lived, the session it opened is not). Expired means `expires_at <= now`.
  const expired = db.prepare<{ now: number }>(
    `DELETE FROM links WHERE expires_at <= @now
       AND NOT EXISTS (SELECT 1 FROM web_sessions s WHERE s.link_id = links.id AND s.expires_at > @now)`,
  );

  return {
    create(link, now) {
      const row = insert.get({
        token_hash: link.tokenHash,
        space_id: link.spaceId,
        user_id: link.userId,
        participant_id: link.participantId,
        purpose: link.purpose,
        local_date: link.localDate,
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
      return expired.run({ now }).changes;
    },
  };
}
