/**
 * Migration 8 (issue 12): deliveries lose the CHECK that held their kind to the check-in's three, so a feature's
 * new nudge kind needs no schema change. Rows, ids, the id counter and the indexes come through the rebuild.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { TEST_KEY } from '../helpers/temp-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const COLUMNS =
  'id, participant_id, kind, local_date, key, due_at, status, attempts, last_error, sent_at, created_at';

interface IndexRow {
  name: string;
  sql: string;
}

const indexesOf = (db: Sqlite.Database): IndexRow[] =>
  db
    .prepare<[], IndexRow>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'deliveries' AND sql IS NOT NULL ORDER BY name",
    )
    .all();

it('keeps every delivery, its id and the id counter, and takes a kind of any name from then on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'interlude-v8-'));
  dirs.push(dir);
  const file = join(dir, 'interlude.db');
  const old = new Sqlite(file);
  old.pragma('foreign_keys = ON');
  migrate(
    old,
    migrations.filter((m) => m.version <= 7),
    () => 1,
  );
  old
    .prepare("INSERT INTO spaces (id, platform, external_id, created_at) VALUES (1, 'console', 'local', 1)")
    .run();
  const person = old.prepare(
    `INSERT INTO participants (space_id, platform, user_id, zone, checkin_time, consent_version, consent_at, created_at)
     VALUES (1, 'console', ?, 'Europe/London', '08:00', 'v1', 1, 1)`,
  );
  const ana = Number(person.run('ana').lastInsertRowid);
  const ben = Number(person.run('ben').lastInsertRowid);
  const add = old.prepare(`INSERT INTO deliveries (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  add.run(3, ana, 'checkin', '2026-03-02', `${ana}:checkin:2026-03-02`, 100, 'sent', 1, null, 110, 90);
  add.run(
    7,
    ana,
    'followup',
    '2026-03-02',
    `${ana}:followup:2026-03-02`,
    200,
    'failed',
    3,
    'closed DMs',
    null,
    95,
  );
  add.run(9, ben, 'snooze', '2026-03-03', `${ben}:snooze:2026-03-03`, 300, 'pending', 0, null, null, 96);
  // The highest id handed out was 12 (rows since erased): ids must never come back.
  old.prepare("UPDATE sqlite_sequence SET seq = 12 WHERE name = 'deliveries'").run();
  expect(() =>
    add.run(20, ana, 'weekly', '2026-03-08', `${ana}:weekly:2026-03-08`, 1, 'pending', 0, null, null, 1),
  ).toThrow(/CHECK constraint/);
  const before = old.prepare(`SELECT ${COLUMNS} FROM deliveries ORDER BY id`).all();
  const indexesBefore = indexesOf(old);
  old.close();

  const store = openStore({ file, key: TEST_KEY });
  try {
    expect(store.db.prepare(`SELECT ${COLUMNS} FROM deliveries ORDER BY id`).all()).toEqual(before);
    expect(indexesOf(store.db)).toEqual(indexesBefore);
    expect(store.db.pragma('foreign_key_check')).toEqual([]);
    // The pending-row query still reads the partial index (the planner's cost depends on it).
    const plan = store.db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT * FROM deliveries WHERE status = 'pending' ORDER BY due_at, id LIMIT 5",
      )
      .all() as { detail: string }[];
    expect(plan.map((r) => r.detail).join(' ')).toMatch(/USING INDEX deliveries_pending/);

    const weekly = store.deliveries.insert(
      { participantId: ana, kind: 'weekly', localDate: '2026-03-08', dueAt: 400, status: 'pending' },
      350,
    );
    expect(weekly).toMatchObject({ id: 13, kind: 'weekly', key: `${ana}:weekly:2026-03-08` });
    expect(store.deliveries.pending(10).map((d) => d.key)).toEqual([
      `${ben}:snooze:2026-03-03`,
      `${ana}:weekly:2026-03-08`,
    ]);
    // Still one row per person, kind and date, and still erased with the person.
    expect(
      store.deliveries.insert(
        { participantId: ana, kind: 'weekly', localDate: '2026-03-08', dueAt: 400, status: 'pending' },
        360,
      ),
    ).toBeNull();
    store.forget(ana);
    expect(store.deliveries.forParticipant(ana)).toEqual([]);
    expect(store.deliveries.forParticipant(ben)).toHaveLength(1);
  } finally {
    store.close();
  }
});
