/**
 * Brings a database up to the code's schema. Each pending migration runs in its own IMMEDIATE transaction
 * together with its row in `schema_migrations`, so a crash leaves the database at a clean version, and a second
 * process opening the same file at the same moment waits, then sees the work done and skips it.
 */
import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations.js';

export interface MigrationResult {
  /** Versions applied by this call, in order (empty when the database was already current). */
  applied: number[];
  /** The schema version after this call. */
  version: number;
}

export function migrate(
  db: Database,
  list: readonly Migration[],
  now: () => number = Date.now,
): MigrationResult {
  checkOrder(list);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);

  const current = db.prepare<[], { v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
  const record = db.prepare<[number, string, number]>(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  const latest = list.at(-1)?.version ?? 0;
  const found = current.get()?.v ?? 0;
  if (found > latest) {
    throw new Error(
      `The database ${db.name} is at schema version ${found}, newer than this build of Interlude knows ` +
        `(up to ${latest}). It was written by a newer version: run that version, or restore a backup; ` +
        'opening it here could damage it.',
    );
  }

  const applied: number[] = [];
  for (const m of list) {
    const step = db.transaction(() => {
      // Read again inside the write lock: another process may have applied it since we looked.
      if ((current.get()?.v ?? 0) >= m.version) return;
      db.exec(m.sql);
      record.run(m.version, m.name, now());
      // Mirrors the version where the sqlite3 shell and backup tools can see it.
      db.pragma(`user_version = ${m.version}`);
      applied.push(m.version);
    });
    if (m.version > found) step.immediate();
  }
  return { applied, version: current.get()?.v ?? 0 };
}

/** A list out of order or with a repeated version is a programming mistake: refuse before touching the file. */
function checkOrder(list: readonly Migration[]): void {
  let previous = 0;
  for (const m of list) {
    if (!Number.isSafeInteger(m.version) || m.version <= previous) {
      throw new Error(
        `Migrations must have strictly increasing positive integer versions: ${m.version} ("${m.name}") ` +
          `follows ${previous}.`,
      );
    }
    previous = m.version;
  }
}
