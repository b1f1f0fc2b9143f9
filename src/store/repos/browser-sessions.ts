import type { Database } from 'better-sqlite3';
import type { BrowserSession, LinkPurpose } from '../../domain/entities.js';
import type { BrowserSessionRepo } from '../../ports/store.js';

interface BrowserSessionRow {
  id: number;
  token_hash: Buffer;
  space_id: number;
  user_id: string;
  participant_id: number | null;
  purpose: LinkPurpose;
  link_id: number | null;
  csrf_token: string;
  expires_at: number;
  created_at: number;
}

const toBrowserSession = (r: BrowserSessionRow): BrowserSession => ({
  id: r.id,
  spaceId: r.space_id,
  userId: r.user_id,
  participantId: r.participant_id,
  purpose: r.purpose,
  linkId: r.link_id,
  csrfToken: r.csrf_token,
  expiresAt: r.expires_at,
  createdAt: r.created_at,
});

type NewRow = Omit<BrowserSessionRow, 'id'>;

export function createBrowserSessionRepo(db: Database): BrowserSessionRepo {
  const insert = db.prepare<NewRow, BrowserSessionRow>(
    `INSERT INTO web_sessions (
       token_hash, space_id, user_id, participant_id, purpose, link_id, csrf_token, expires_at, created_at
     ) VALUES (
       @token_hash, @space_id, @user_id, @participant_id, @purpose, @link_id, @csrf_token, @expires_at, @created_at
     ) RETURNING *`,
  );
  const byHash = db.prepare<[Buffer], BrowserSessionRow>('SELECT * FROM web_sessions WHERE token_hash = ?');
  const remove = db.prepare<[number]>('DELETE FROM web_sessions WHERE id = ?');
  // Same rule as links: expired means `expires_at <= now`.
  const expired = db.prepare<[number]>('DELETE FROM web_sessions WHERE expires_at <= ?');

  return {
    create(session, now) {
      const row = insert.get({
        token_hash: session.tokenHash,
        space_id: session.spaceId,
        user_id: session.userId,
        participant_id: session.participantId,
        purpose: session.purpose,
        link_id: session.linkId,
        csrf_token: session.csrfToken,
        expires_at: session.expiresAt,
        created_at: now,
      });
      if (!row) throw new Error('browserSessions.create: the insert returned no row');
      return toBrowserSession(row);
    },
    byTokenHash(tokenHash) {
      const r = byHash.get(tokenHash);
      return r ? toBrowserSession(r) : null;
    },
    delete(id) {
      remove.run(id);
    },
    deleteExpired(now) {
      return expired.run(now).changes;
    },
  };
}
