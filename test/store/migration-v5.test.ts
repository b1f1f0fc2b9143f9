/**
 * Migration 5 (issue 11): the one skip date becomes a list of skipped dates, and everyone enrolled before quiet
 * hours had a default gets 22:00-07:00, while quiet hours a person set themselves are kept as they were.
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

it('moves skip_date into skip_dates and gives unset quiet hours the default, keeping chosen ones', () => {
  const dir = mkdtempSync(join(tmpdir(), 'interlude-v5-'));
  dirs.push(dir);
  const file = join(dir, 'interlude.db');
  const old = new Sqlite(file);
  old.pragma('foreign_keys = ON');
  migrate(
    old,
    migrations.filter((m) => m.version <= 4),
    () => 1,
  );
  old
    .prepare("INSERT INTO spaces (id, platform, external_id, created_at) VALUES (1, 'console', 'local', 1)")
    .run();
  const add = old.prepare(
    `INSERT INTO participants (space_id, platform, user_id, zone, checkin_time, quiet_start, quiet_end, skip_date,
       consent_version, consent_at, created_at)
     VALUES (1, 'console', ?, 'Europe/London', '08:00', ?, ?, ?, 'v1', 1, 1)`,
  );
  add.run('skipped', null, null, '2026-11-30');
  add.run('chose', '23:00', '06:00', null);
  old.close();

  const store = openStore({ file, key: TEST_KEY });
  try {
    const skipped = store.participants.find(1, 'skipped');
    const chose = store.participants.find(1, 'chose');
    expect(skipped?.skipDates).toEqual(['2026-11-30']);
    expect(skipped?.quietHours).toEqual({ start: '22:00', end: '07:00' });
    expect(chose?.skipDates).toEqual([]);
    expect(chose?.quietHours).toEqual({ start: '23:00', end: '06:00' });
    // From here on, off is stored as off and no later migration or read turns it back on.
    if (!chose) throw new Error('missing participant');
    store.participants.update(chose.id, { quietHours: null, skipDates: ['2026-12-02', '2026-12-01'] });
    expect(store.participants.get(chose.id)?.quietHours).toBeNull();
    expect(store.participants.get(chose.id)?.skipDates).toEqual(['2026-12-01', '2026-12-02']);
  } finally {
    store.close();
  }
});
