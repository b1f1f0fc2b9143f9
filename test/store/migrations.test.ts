import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../src/store/field-cipher.js';
import { migrate } from '../../src/store/migrate.js';
import { type Migration, migrations } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { aadFor } from '../../src/store/repos/sealed-column.js';
import { TEST_KEY } from '../helpers/temp-store.js';

const LATEST = migrations.at(-1)?.version ?? 0;
const dirs: string[] = [];
const freshFile = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'interlude-migrate-'));
  dirs.push(dir);
  return join(dir, 'nested', 'deeper', 'interlude.db');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface MigrationRecord {
  version: number;
  name: string;
  applied_at: number;
}

describe('migrations', () => {
  it('creates a fresh database, its directory and every table, and records each migration', () => {
    const file = freshFile();
    const store = openStore({ file, key: TEST_KEY });
    try {
      expect(existsSync(file)).toBe(true);
      expect(store.tableNames()).toEqual([
        'action_plans',
        'audit_log',
        'checkins',
        'deliveries',
        'intentions',
        'journal_entries',
        'link_endings',
        'links',
        'participants',
        'prompt_history',
        'schema_migrations',
        'sessions',
        'spaces',
        'web_sessions',
      ]);
      const rows = store.db
        .prepare<[], MigrationRecord>('SELECT * FROM schema_migrations ORDER BY version')
        .all();
      expect(rows.map((r) => [r.version, r.name])).toEqual(migrations.map((m) => [m.version, m.name]));
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST);
    } finally {
      store.close();
    }
  });

  it('applies nothing twice when the database is reopened', () => {
    const file = freshFile();
    openStore({ file, key: TEST_KEY }).close();
    const store = openStore({ file, key: TEST_KEY });
    try {
      const count = store.db.prepare<[], number>('SELECT COUNT(*) FROM schema_migrations').pluck().get();
      expect(count).toBe(migrations.length);
      expect(migrate(store.db, migrations, () => 1)).toEqual({ applied: [], version: LATEST });
      const stamps = store.db.prepare<[], number>('SELECT applied_at FROM schema_migrations').pluck().all();
      expect(stamps).not.toContain(1);
    } finally {
      store.close();
    }
  });

  it('refuses to open a database written by a newer version, and leaves it untouched', () => {
    const file = freshFile();
    const store = openStore({ file, key: TEST_KEY });
    store.db
      .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
      .run(LATEST + 1, 'from the future', 1);
    store.close();

    expect(() => openStore({ file, key: TEST_KEY })).toThrow(
      new RegExp(
        `schema version ${LATEST + 1}, newer than this build of Interlude knows \\(up to ${LATEST}\\)`,
      ),
    );
    const raw = new Sqlite(file, { readonly: true });
    try {
      const max = raw.prepare<[], number>('SELECT MAX(version) FROM schema_migrations').pluck().get();
      expect(max).toBe(LATEST + 1);
    } finally {
      raw.close();
    }
  });

  it('brings a database made by v1 alone up to the latest, keeping its data', () => {
    const file = freshFile().replace('nested/deeper/', '');
    const v1 = migrations.filter((m) => m.version === 1);
    const cipher = createFieldCipher(TEST_KEY);
    const old = new Sqlite(file);
    let pid = 0;
    try {
      old.pragma('journal_mode = WAL');
      expect(migrate(old, v1, () => 100)).toEqual({ applied: [1], version: 1 });
      const space = old
        .prepare(
          "INSERT INTO spaces (platform, external_id, name, created_at) VALUES ('discord', 'G1', 'Clinic', 1)",
        )
        .run().lastInsertRowid;
      pid = Number(
        old
          .prepare(
            `INSERT INTO participants (space_id, platform, user_id, display_name, zone, checkin_time,
               consent_version, consent_at, share_with_facilitator, created_at)
             VALUES (?, 'discord', 'u-old', 'Old Timer', 'Europe/Berlin', '20:00', 'v1', 1, 1, 1)`,
          )
          .run(space).lastInsertRowid,
      );
      old
        .prepare(
          'INSERT INTO journal_entries (participant_id, local_date, text, created_at) VALUES (?, ?, ?, ?)',
        )
        .run(pid, '2025-03-03', cipher.seal('written under v1', aadFor('journal_entries.text', pid)), 1);
      expect(old.pragma('user_version', { simple: true })).toBe(1);
    } finally {
      old.close();
    }

    const store = openStore({ file, key: TEST_KEY });
    try {
      const rows = store.db
        .prepare<[], MigrationRecord>('SELECT * FROM schema_migrations ORDER BY version')
        .all();
      expect(rows.map((r) => [r.version, r.applied_at === 100])).toEqual(
        migrations.map((m) => [m.version, m.version === 1]),
      );
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST);
      expect(store.spaces.get(1)?.facilitatorRole ?? null).toBeNull();
      expect(store.participants.byPlatformUser('discord', 'u-old').map((x) => x.id)).toEqual([pid]);
      expect(store.tableNames()).toEqual(expect.arrayContaining(['links', 'web_sessions', 'audit_log']));

      const p = store.participants.get(pid);
      expect(p).toMatchObject({ userId: 'u-old', displayName: 'Old Timer', shareWithFacilitator: true });
      expect(store.journal.all(pid).map((e) => e.text)).toEqual(['written under v1']);
      expect(store.participants.sharingInSpace(p?.spaceId ?? -1).map((x) => x.id)).toEqual([pid]);
      // The new tables work against the old rows.
      const link = store.links.create(
        {
          tokenHash: Buffer.alloc(32, 7),
          spaceId: p?.spaceId ?? -1,
          userId: 'u-old',
          participantId: pid,
          purpose: 'checkin',
          localDate: '2025-03-04',
          expiresAt: 10,
        },
        1,
      );
      expect(store.links.markUsed(link.id, 2)).toBe(true);
      expect(store.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('applies only the new migrations, in order, when the code gains one', () => {
    const db = new Sqlite(freshFile().replace('nested/deeper/', ''));
    try {
      const first: Migration[] = [{ version: 1, name: 'a', sql: 'CREATE TABLE a (x INTEGER) STRICT;' }];
      expect(migrate(db, first, () => 100)).toEqual({ applied: [1], version: 1 });
      const second = [...first, { version: 2, name: 'b', sql: 'CREATE TABLE b (y INTEGER) STRICT;' }];
      expect(migrate(db, second, () => 200)).toEqual({ applied: [2], version: 2 });
      const rows = db.prepare<[], MigrationRecord>('SELECT * FROM schema_migrations ORDER BY version').all();
      expect(rows).toEqual([
        { version: 1, name: 'a', applied_at: 100 },
        { version: 2, name: 'b', applied_at: 200 },
      ]);
    } finally {
      db.close();
    }
  });

  it('rolls back a failing migration completely and records nothing for it', () => {
    const db = new Sqlite(freshFile().replace('nested/deeper/', ''));
    try {
      const list: Migration[] = [
        { version: 1, name: 'good', sql: 'CREATE TABLE good (x INTEGER) STRICT;' },
        { version: 2, name: 'half', sql: 'CREATE TABLE half (x INTEGER) STRICT; CREATE TABLE broken (;' },
      ];
      expect(() => migrate(db, list)).toThrow();
      const tables = db
        .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .pluck()
        .all();
      expect(tables).toEqual(['good', 'schema_migrations']);
      const versions = db.prepare<[], number>('SELECT version FROM schema_migrations').pluck().all();
      expect(versions).toEqual([1]);
    } finally {
      db.close();
    }
  });

  it('refuses a migration list that is out of order or repeats a version', () => {
    const db = new Sqlite(':memory:');
    try {
      const sql = 'SELECT 1;';
      expect(() =>
        migrate(db, [
          { version: 2, name: 'b', sql },
          { version: 1, name: 'a', sql },
        ]),
      ).toThrow(/strictly increasing/);
      expect(() =>
        migrate(db, [
          { version: 1, name: 'a', sql },
          { version: 1, name: 'again', sql },
        ]),
      ).toThrow(/strictly increasing/);
      expect(
        db.prepare("SELECT name FROM sqlite_master WHERE name = 'schema_migrations'").get(),
      ).toBeUndefined();
    } finally {
      db.close();
    }
  });

  it('ships migrations with strictly increasing versions starting at 1', () => {
    expect(migrations[0]?.version).toBe(1);
    migrations.forEach((m, i) => {
      expect(m.version).toBe(i + 1);
      expect(m.name.length).toBeGreaterThan(0);
    });
  });
});
