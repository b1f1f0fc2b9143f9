import type { Database } from 'better-sqlite3';
import type { Space } from '../../domain/entities.js';
import type { Platform } from '../../domain/types.js';
import type { SpaceRepo } from '../../ports/store.js';

interface SpaceRow {
  id: number;
  platform: Platform;
  external_id: string;
  name: string | null;
  facilitator_role: string | null;
  created_at: number;
}

const toSpace = (r: SpaceRow): Space => ({
  id: r.id,
  platform: r.platform,
  externalId: r.external_id,
  name: r.name,
  facilitatorRole: r.facilitator_role,
  createdAt: r.created_at,
});

export function createSpaceRepo(db: Database): SpaceRepo {
  const byId = db.prepare<[number], SpaceRow>('SELECT * FROM spaces WHERE id = ?');
  const byExternal = db.prepare<[Platform, string], SpaceRow>(
    'SELECT * FROM spaces WHERE platform = ? AND external_id = ?',
  );
  const insert = db.prepare<[Platform, string, string | null, number], SpaceRow>(
    `INSERT INTO spaces (platform, external_id, name, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (platform, external_id) DO NOTHING RETURNING *`,
  );
  const rename = db.prepare<[string, number]>('UPDATE spaces SET name = ? WHERE id = ?');
  const setRole = db.prepare<[string | null, number], SpaceRow>(
    'UPDATE spaces SET facilitator_role = ? WHERE id = ? RETURNING *',
  );

  return {
    ensure(platform, externalId, name, now) {
      // Read first: ensure runs on every interaction, and most of the time the space exists and nothing is written.
      const found = byExternal.get(platform, externalId);
      if (found) {
        if (name !== null && name !== found.name) {
          rename.run(name, found.id);
          return toSpace({ ...found, name });
        }
        return toSpace(found);
      }
      const created = insert.get(platform, externalId, name, now) ?? byExternal.get(platform, externalId);
      if (!created) throw new Error(`spaces.ensure: could not create ${platform}:${externalId}`);
      return toSpace(created);
    },

    find(platform, externalId) {
      const r = byExternal.get(platform, externalId);
      return r ? toSpace(r) : null;
    },

    get(id) {
      const r = byId.get(id);
      return r ? toSpace(r) : null;
    },

    setFacilitatorRole(id, role) {
      const r = setRole.get(role, id);
      if (!r) throw new Error(`spaces.setFacilitatorRole: no space ${id}`);
      return toSpace(r);
    },
  };
}
