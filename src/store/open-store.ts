/**
 * Opens (creating if needed) the SQLite file, brings its schema up to date and returns the Store the app uses.
 * One process owns the file as its writer; every repository prepares its statements once, here.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite, { type Database } from 'better-sqlite3';
import type { Store } from '../ports/store.js';
import { assertFieldKey, createFieldCipher, type FieldCipher } from './field-cipher.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations.js';
import { createActionPlanRepo } from './repos/action-plans.js';
import { createAuditRepo } from './repos/audit.js';
import { createBrowserSessionRepo } from './repos/browser-sessions.js';
import { createCheckinRepo } from './repos/checkins.js';
import { createDeliveryRepo } from './repos/deliveries.js';
import { createLinkRepo } from './repos/links.js';
import { createNoteRepo } from './repos/notes.js';
import { createParticipantRepo } from './repos/participants.js';
import { createPromptHistoryRepo } from './repos/prompt-history.js';
import { createSessionRepo } from './repos/sessions.js';
import { createSpaceRepo } from './repos/spaces.js';

export interface SqliteStore extends Store {
  /** The connection itself, for tests, benchmarks and backups. The app goes through the repositories. */
  readonly db: Database;
  /** Names of the tables in the database (SQLite's own `sqlite_*` tables left out), sorted. */
  tableNames(): string[];
}

export interface OpenStoreOptions {
  /** Path of the database file; its directory is created when missing. */
  file: string;
  /** 32 bytes: the AES-256-GCM key that seals free text (see field-cipher.ts). */
  key: Buffer;
}

/** What an erased facilitator's audit rows say instead of their user id. */
export const ERASED_ACTOR = '(erased)';

/** How long a write waits for another connection's lock (a backup, the sqlite3 shell) before failing. */
const BUSY_TIMEOUT_MS = 5_000;

export function openStore(opts: OpenStoreOptions): SqliteStore {
  // Check the key before touching the disk, so a bad setting leaves no empty database behind.
  assertFieldKey(opts.key);
  const cipher = createFieldCipher(opts.key);
  if (opts.file !== ':memory:') mkdirSync(dirname(opts.file), { recursive: true });

  // Owner-only: the file holds scores and ids in clear beside the sealed text. WAL and SHM files inherit this mode.
  if (opts.file !== ':memory:') closeSync(openSync(opts.file, 'a', 0o600));
  const db = new Sqlite(opts.file);
  try {
    configure(db);
    migrate(db, migrations);
  } catch (e) {
    db.close();
    throw e;
  }
  return assemble(db, cipher);
}

function configure(db: Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // Erased rows are overwritten with zeros in the file, not just unlinked from the b-tree.
  db.pragma('secure_delete = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // With WAL, NORMAL is still crash-safe for the database; only the last commits before a power cut can be lost.
  db.pragma('synchronous = NORMAL');
}

function assemble(db: Database, cipher: FieldCipher): SqliteStore {
  const tables = db
    .prepare<[], string>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck();
  const deleteParticipant = db.prepare<[number]>('DELETE FROM participants WHERE id = ?');
  const whoIs = db.prepare<[number], { space_id: number; user_id: string }>(
    'SELECT space_id, user_id FROM participants WHERE id = ?',
  );
  // Links and sessions name a person by (space, user) even when they carry no participant id (a facilitator's
  // login), and audit rows name the facilitator who looked by user id alone: these reach what the cascade cannot.
  const deleteLinks = db.prepare<[number, string]>('DELETE FROM links WHERE space_id = ? AND user_id = ?');
  const deleteBrowserSessions = db.prepare<[number, string]>(
    'DELETE FROM web_sessions WHERE space_id = ? AND user_id = ?',
  );
  // The record that someone looked at another person's data stays (it is theirs too); who looked does not.
  const eraseActor = db.prepare<[string, number, string]>(
    'UPDATE audit_log SET actor_user_id = ? WHERE space_id = ? AND actor_user_id = ?',
  );

  // better-sqlite3 turns a transaction begun inside another into a SAVEPOINT, so nesting works as expected:
  // an inner failure that the outer function catches rolls back only the inner writes. An async `fn` is refused
  // by better-sqlite3 (a TypeError): a transaction cannot stay open across an await.
  const transaction = <T>(fn: () => T): T => db.transaction(fn)();

  return {
    db,
    spaces: createSpaceRepo(db),
    participants: createParticipantRepo(db),
    sessions: createSessionRepo(db),
    checkins: createCheckinRepo(db, cipher),
    journal: createNoteRepo(db, cipher, 'journal'),
    intentions: createNoteRepo(db, cipher, 'intention'),
    actions: createActionPlanRepo(db, cipher),
    deliveries: createDeliveryRepo(db),
    prompts: createPromptHistoryRepo(db),
    links: createLinkRepo(db),
    browserSessions: createBrowserSessionRepo(db),
    audit: createAuditRepo(db),
    transaction,

    forget(participantId) {
      transaction(() => {
        const who = whoIs.get(participantId);
        if (!who) return;
        deleteBrowserSessions.run(who.space_id, who.user_id);
        deleteLinks.run(who.space_id, who.user_id);
        eraseActor.run(ERASED_ACTOR, who.space_id, who.user_id);
        // Every per-person table cascades from participants (see migrations.ts), so one DELETE reaches the rest.
        deleteParticipant.run(participantId);
      });
      // Old copies of the erased pages can linger in the WAL until a checkpoint; fold them into the zeroed
      // file now. Inside a caller's transaction this waits for the next automatic checkpoint instead.
      if (!db.inTransaction) db.pragma('wal_checkpoint(TRUNCATE)');
    },

    tableNames() {
      return tables.all();
    },

    close() {
      if (!db.open) return;
      // Lets SQLite refresh its planner statistics for the queries this connection ran.
      db.pragma('optimize');
      db.close();
    },
  };
}
