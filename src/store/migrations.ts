/**
 * The schema, as an ordered list of migrations. Append only: a migration that has shipped is never edited, a
 * change is a new entry with the next version. Each runs in its own transaction (see migrate.ts).
 *
 * Conventions: STRICT tables (SQLite checks column types); instants are INTEGER milliseconds; local dates and
 * times are TEXT; booleans are INTEGER 0/1; free text is a BLOB sealed by field-cipher.ts, never plain TEXT.
 * Every per-person table references participants ON DELETE CASCADE, so erasing a person is one DELETE.
 * Tables that outside systems point at by id (participants in signed links, deliveries in queue jobs) use
 * AUTOINCREMENT so an erased person's id is never handed to someone else.
 */

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const initialSchema = /* sql */ `
CREATE TABLE spaces (
  id          INTEGER PRIMARY KEY,
  platform    TEXT    NOT NULL CHECK (platform IN ('console', 'discord', 'slack')),
  external_id TEXT    NOT NULL,
  name        TEXT,
  created_at  INTEGER NOT NULL,
  UNIQUE (platform, external_id)
) STRICT;

CREATE TABLE participants (
  id                     INTEGER PRIMARY KEY AUTOINCREMENT,
  space_id               INTEGER NOT NULL REFERENCES spaces(id),
  platform               TEXT    NOT NULL CHECK (platform IN ('console', 'discord', 'slack')),
  user_id                TEXT    NOT NULL,
  display_name           TEXT,
  zone                   TEXT    NOT NULL,
  checkin_time           TEXT    NOT NULL,
  quiet_start            TEXT,
  quiet_end              TEXT,
  paused                 INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  paused_until           TEXT,
  skip_date              TEXT,
  snooze_until           INTEGER,
  follow_up              INTEGER NOT NULL DEFAULT 1 CHECK (follow_up IN (0, 1)),
  consent_version        TEXT    NOT NULL,
  consent_at             INTEGER NOT NULL,
  share_with_facilitator INTEGER NOT NULL DEFAULT 0 CHECK (share_with_facilitator IN (0, 1)),
  unreachable            INTEGER NOT NULL DEFAULT 0 CHECK (unreachable IN (0, 1)),
  dm_channel_id          TEXT,
  last_nudge_date        TEXT,
  last_nudge_at          INTEGER,
  follow_up_handled_for  TEXT,
  next_due_at            INTEGER,
  next_due_kind          TEXT    CHECK (next_due_kind IN ('checkin', 'followup', 'snooze')),
  next_due_date          TEXT,
  created_at             INTEGER NOT NULL,
  UNIQUE (space_id, user_id),
  CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
) STRICT;

-- The planner's tick reads only the people who are due: the cost follows the number due, not the number enrolled.
CREATE INDEX participants_next_due ON participants (next_due_at) WHERE next_due_at IS NOT NULL;

CREATE TABLE sessions (
  id             INTEGER PRIMARY KEY,
  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  date           TEXT    NOT NULL,
  status         TEXT    NOT NULL CHECK (status IN ('done', 'planned')),
  created_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_participant_date ON sessions (participant_id, date);

CREATE TABLE checkins (
  id             INTEGER PRIMARY KEY,
  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  local_date     TEXT    NOT NULL,
  mood           INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 10),
  sleep          INTEGER NOT NULL CHECK (sleep BETWEEN 1 AND 5),
  energy         INTEGER NOT NULL CHECK (energy BETWEEN 1 AND 5),
  anxiety        INTEGER NOT NULL CHECK (anxiety BETWEEN 1 AND 5),
  reflection     BLOB,
  tags           BLOB    NOT NULL,
  prompt_id      TEXT,
  source         TEXT    NOT NULL CHECK (source IN ('console', 'web', 'chat')),
  created_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX checkins_participant_date ON checkins (participant_id, local_date);

CREATE TABLE journal_entries (
  id             INTEGER PRIMARY KEY,
  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  local_date     TEXT    NOT NULL,
  text           BLOB    NOT NULL,
  created_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX journal_entries_participant_date ON journal_entries (participant_id, local_date);

CREATE TABLE intentions (
  id             INTEGER PRIMARY KEY,
  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  local_date     TEXT    NOT NULL,
  text           BLOB    NOT NULL,
  created_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX intentions_participant_date ON intentions (participant_id, local_date);

CREATE TABLE action_plans (
  id             INTEGER PRIMARY KEY,
  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  seq            INTEGER NOT NULL CHECK (seq >= 1),
  text           BLOB    NOT NULL,
  status         TEXT    NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
  created_at     INTEGER NOT NULL,
  done_at        INTEGER,
  UNIQUE (participant_id, seq)
) STRICT;

CREATE TABLE deliveries (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  kind           TEXT    NOT NULL CHECK (kind IN ('checkin', 'followup', 'snooze')),
  local_date     TEXT    NOT NULL,
  key            TEXT    NOT NULL UNIQUE,
  due_at         INTEGER NOT NULL,
  status         TEXT    NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'missed', 'cancelled')),
  attempts       INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error     TEXT,
  sent_at        INTEGER,
  created_at     INTEGER NOT NULL
) STRICT;
-- Only pending rows are ever looked up by status; sent rows pile up daily and need not be in this index.
CREATE INDEX deliveries_pending ON deliveries (status, due_at) WHERE status = 'pending';
CREATE INDEX deliveries_participant ON deliveries (participant_id, local_date);

CREATE TABLE prompt_history (
  id             INTEGER PRIMARY KEY,
  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  local_date     TEXT    NOT NULL,
  prompt_id      TEXT    NOT NULL,
  UNIQUE (participant_id, local_date)
) STRICT;
`;

/*
 * Private web pages. Only hashes of link and cookie tokens are stored, so a copy of the file opens no page.
 * A facilitator's login link may belong to someone not enrolled, so links and sessions name the person by
 * (space_id, user_id), and by participant_id too when they are enrolled; erasure deletes by both (open-store.ts).
 * Links and sessions are AUTOINCREMENT: a session row points at its link by id, and an id must never come back.
 */
const webPages = /* sql */ `
CREATE TABLE links (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash     BLOB    NOT NULL UNIQUE,
  space_id       INTEGER NOT NULL REFERENCES spaces(id),
  user_id        TEXT    NOT NULL,
  participant_id INTEGER REFERENCES participants(id) ON DELETE CASCADE,
  purpose        TEXT    NOT NULL CHECK (purpose IN ('checkin', 'reflection', 'dashboard')),
  local_date     TEXT,
  expires_at     INTEGER NOT NULL,
  used_at        INTEGER,
  created_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX links_expires ON links (expires_at);
-- Erasure deletes by person; the cascade from participants looks rows up by participant_id.
CREATE INDEX links_user ON links (space_id, user_id);
CREATE INDEX links_participant ON links (participant_id);

CREATE TABLE web_sessions (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash     BLOB    NOT NULL UNIQUE,
  space_id       INTEGER NOT NULL REFERENCES spaces(id),
  user_id        TEXT    NOT NULL,
  participant_id INTEGER REFERENCES participants(id) ON DELETE CASCADE,
  purpose        TEXT    NOT NULL CHECK (purpose IN ('checkin', 'reflection', 'dashboard')),
  link_id        INTEGER REFERENCES links(id) ON DELETE CASCADE,
  csrf_token     TEXT    NOT NULL,
  expires_at     INTEGER NOT NULL,
  created_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX web_sessions_expires ON web_sessions (expires_at);
CREATE INDEX web_sessions_user ON web_sessions (space_id, user_id);
CREATE INDEX web_sessions_participant ON web_sessions (participant_id);
-- Deleting a link cascades here: without this index every deleted link would scan the sessions.
CREATE INDEX web_sessions_link ON web_sessions (link_id);

CREATE TABLE audit_log (
  id                     INTEGER PRIMARY KEY,
  space_id               INTEGER NOT NULL REFERENCES spaces(id),
  actor_user_id          TEXT    NOT NULL,
  subject_participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  action                 TEXT    NOT NULL,
  at                     INTEGER NOT NULL
) STRICT;
CREATE INDEX audit_log_subject ON audit_log (subject_participant_id, at);
CREATE INDEX audit_log_space_at ON audit_log (space_id, at);
`;

const platformAdapters = /* sql */ `
-- Who counts as a facilitator in a space: a Discord role id, a Slack user group id (set by the space's admins).
ALTER TABLE spaces ADD COLUMN facilitator_role TEXT;
-- A direct message carries no server: the adapter finds the person's space from their platform user id.
CREATE INDEX participants_platform_user ON participants (platform, user_id);
`;

/*
 * Export links: a link or session may now have the purpose 'export'. SQLite cannot change a CHECK constraint in
 * place, so both tables are rebuilt. Migrations run inside a transaction with foreign_keys ON, where the pragma
 * cannot be turned off; so the new sessions table points at the new links table from the start, the old
 * sessions table (the only one pointing at the old links) is dropped first, and dropping the old links then
 * cascades to nothing. RENAME rewrites web_sessions' reference from links_v4 to links.
 */
const exportLinks = /* sql */ `
CREATE TABLE links_v4 (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash     BLOB    NOT NULL UNIQUE,
  space_id       INTEGER NOT NULL REFERENCES spaces(id),
  user_id        TEXT    NOT NULL,
  participant_id INTEGER REFERENCES participants(id) ON DELETE CASCADE,
  purpose        TEXT    NOT NULL CHECK (purpose IN ('checkin', 'reflection', 'dashboard', 'export')),
  local_date     TEXT,
  expires_at     INTEGER NOT NULL,
  used_at        INTEGER,
  created_at     INTEGER NOT NULL
) STRICT;
INSERT INTO links_v4 SELECT id, token_hash, space_id, user_id, participant_id, purpose, local_date, expires_at, used_at, created_at FROM links;

CREATE TABLE web_sessions_v4 (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash     BLOB    NOT NULL UNIQUE,
  space_id       INTEGER NOT NULL REFERENCES spaces(id),
  user_id        TEXT    NOT NULL,
  participant_id INTEGER REFERENCES participants(id) ON DELETE CASCADE,
  purpose        TEXT    NOT NULL CHECK (purpose IN ('checkin', 'reflection', 'dashboard', 'export')),
  link_id        INTEGER REFERENCES links_v4(id) ON DELETE CASCADE,
  csrf_token     TEXT    NOT NULL,
  expires_at     INTEGER NOT NULL,
  created_at     INTEGER NOT NULL
) STRICT;
INSERT INTO web_sessions_v4 SELECT id, token_hash, space_id, user_id, participant_id, purpose, link_id, csrf_token, expires_at, created_at FROM web_sessions;

-- AUTOINCREMENT: the new tables go on counting from the old ones, so no id handed out before comes back.
DELETE FROM sqlite_sequence WHERE name IN ('links_v4', 'web_sessions_v4');
INSERT INTO sqlite_sequence (name, seq) SELECT name || '_v4', seq FROM sqlite_sequence WHERE name IN ('links', 'web_sessions');

DROP TABLE web_sessions;
DROP TABLE links;
ALTER TABLE links_v4 RENAME TO links;
ALTER TABLE web_sessions_v4 RENAME TO web_sessions;

CREATE INDEX links_expires ON links (expires_at);
CREATE INDEX links_user ON links (space_id, user_id);
CREATE INDEX links_participant ON links (participant_id);
CREATE INDEX web_sessions_expires ON web_sessions (expires_at);
CREATE INDEX web_sessions_user ON web_sessions (space_id, user_id);
CREATE INDEX web_sessions_participant ON web_sessions (participant_id);
CREATE INDEX web_sessions_link ON web_sessions (link_id);
`;

/*
 * Link endings (tombstones): when housekeeping deletes an ended link it keeps only the token's hash, the
 * link's purpose, why it ended and when, so the same link opened later still says the truth ("expired", "used")
 * rather than "copied incompletely". No person, space or date: nothing here says whose link it was. Pruned after
 * LINK_ENDING_DAYS (see repos/links.ts).
 */
const linkEndings = /* sql */ `
CREATE TABLE link_endings (
  token_hash BLOB    NOT NULL PRIMARY KEY,
  purpose    TEXT    NOT NULL CHECK (purpose IN ('checkin', 'reflection', 'dashboard', 'export')),
  reason     TEXT    NOT NULL CHECK (reason IN ('expired', 'used', 'revoked')),
  ended_at   INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX link_endings_ended ON link_endings (ended_at);
`;

/*
 * Skips: one skip_date could hold one day, so /skip then /skip tomorrow undid today's skip. skip_dates holds them
 * all, comma-separated (the app keeps it to a few recent dates). Quiet hours: everyone enrolled before there was a
 * default gets the shipped default, 22:00-07:00. Until now "off" and "never set" were both NULL, so an earlier
 * "off" cannot be told apart; quiet hours hold back only follow-ups and snoozes, never the chosen check-in time,
 * and /settings quiet-hours off turns them off again for good (NULL means off from here on).
 */
const skipDatesQuietHours = /* sql */ `
ALTER TABLE participants ADD COLUMN skip_dates TEXT NOT NULL DEFAULT '';
UPDATE participants SET skip_dates = skip_date WHERE skip_date IS NOT NULL;
ALTER TABLE participants DROP COLUMN skip_date;
UPDATE participants SET quiet_start = '22:00', quiet_end = '07:00' WHERE quiet_start IS NULL;
`;

/*
 * Entry links: a link to a page form (journal, intention, action plan, session date) that takes what a person would
 * otherwise type into a chat. One purpose, 'entry', for every such form, and the form's id in `form_id`: a later
 * form needs no migration. The CHECK constraints change, so the three tables are rebuilt as in version 4.
 */
const entryLinks = /* sql */ `
CREATE TABLE links_v7 (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash     BLOB    NOT NULL UNIQUE,
  space_id       INTEGER NOT NULL REFERENCES spaces(id),
  user_id        TEXT    NOT NULL,
  participant_id INTEGER REFERENCES participants(id) ON DELETE CASCADE,
  purpose        TEXT    NOT NULL CHECK (purpose IN ('checkin', 'reflection', 'dashboard', 'export', 'entry')),
  local_date     TEXT,
  expires_at     INTEGER NOT NULL,
  used_at        INTEGER,
  created_at     INTEGER NOT NULL,
  form_id        TEXT,
  CHECK ((purpose = 'entry') = (form_id IS NOT NULL))
) STRICT;
INSERT INTO links_v7 (id, token_hash, space_id, user_id, participant_id, purpose, local_date, expires_at, used_at, created_at)
  SELECT id, token_hash, space_id, user_id, participant_id, purpose, local_date, expires_at, used_at, created_at FROM links;

CREATE TABLE web_sessions_v7 (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash     BLOB    NOT NULL UNIQUE,
  space_id       INTEGER NOT NULL REFERENCES spaces(id),
  user_id        TEXT    NOT NULL,
  participant_id INTEGER REFERENCES participants(id) ON DELETE CASCADE,
  purpose        TEXT    NOT NULL CHECK (purpose IN ('checkin', 'reflection', 'dashboard', 'export', 'entry')),
  link_id        INTEGER REFERENCES links_v7(id) ON DELETE CASCADE,
  csrf_token     TEXT    NOT NULL,
  expires_at     INTEGER NOT NULL,
  created_at     INTEGER NOT NULL
) STRICT;
INSERT INTO web_sessions_v7 SELECT id, token_hash, space_id, user_id, participant_id, purpose, link_id, csrf_token, expires_at, created_at FROM web_sessions;

DELETE FROM sqlite_sequence WHERE name IN ('links_v7', 'web_sessions_v7');
INSERT INTO sqlite_sequence (name, seq) SELECT name || '_v7', seq FROM sqlite_sequence WHERE name IN ('links', 'web_sessions');

DROP TABLE web_sessions;
DROP TABLE links;
ALTER TABLE links_v7 RENAME TO links;
ALTER TABLE web_sessions_v7 RENAME TO web_sessions;

CREATE INDEX links_expires ON links (expires_at);
CREATE INDEX links_user ON links (space_id, user_id);
CREATE INDEX links_participant ON links (participant_id);
CREATE INDEX web_sessions_expires ON web_sessions (expires_at);
CREATE INDEX web_sessions_user ON web_sessions (space_id, user_id);
CREATE INDEX web_sessions_participant ON web_sessions (participant_id);
CREATE INDEX web_sessions_link ON web_sessions (link_id);

CREATE TABLE link_endings_v7 (
  token_hash BLOB    NOT NULL PRIMARY KEY,
  purpose    TEXT    NOT NULL CHECK (purpose IN ('checkin', 'reflection', 'dashboard', 'export', 'entry')),
  reason     TEXT    NOT NULL CHECK (reason IN ('expired', 'used', 'revoked')),
  ended_at   INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO link_endings_v7 SELECT token_hash, purpose, reason, ended_at FROM link_endings;
DROP TABLE link_endings;
ALTER TABLE link_endings_v7 RENAME TO link_endings;
CREATE INDEX link_endings_ended ON link_endings (ended_at);
`;

/*
 * Nudge kinds from the features: a delivery's kind was limited by a CHECK to the check-in's three, so every new
 * nudge (a weekly reflection, a questionnaire reminder) needed a schema change. The app now checks kinds against
 * the features' registry (src/app/nudge-kinds.ts); the table is rebuilt without that CHECK, with the same
 * columns, rows, ids and indexes. Nothing references deliveries, so dropping the old table cascades to nothing.
 */
const nudgeKindsFromFeatures = /* sql */ `
CREATE TABLE deliveries_v8 (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  kind           TEXT    NOT NULL CHECK (kind <> ''),
  local_date     TEXT    NOT NULL,
  key            TEXT    NOT NULL UNIQUE,
  due_at         INTEGER NOT NULL,
  status         TEXT    NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'missed', 'cancelled')),
  attempts       INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error     TEXT,
  sent_at        INTEGER,
  created_at     INTEGER NOT NULL
) STRICT;
INSERT INTO deliveries_v8 (id, participant_id, kind, local_date, key, due_at, status, attempts, last_error, sent_at, created_at)
  SELECT id, participant_id, kind, local_date, key, due_at, status, attempts, last_error, sent_at, created_at FROM deliveries;

-- AUTOINCREMENT: queue jobs name deliveries by id, so the new table goes on counting from the old one.
DELETE FROM sqlite_sequence WHERE name = 'deliveries_v8';
INSERT INTO sqlite_sequence (name, seq) SELECT 'deliveries_v8', seq FROM sqlite_sequence WHERE name = 'deliveries';

DROP TABLE deliveries;
ALTER TABLE deliveries_v8 RENAME TO deliveries;

CREATE INDEX deliveries_pending ON deliveries (status, due_at) WHERE status = 'pending';
CREATE INDEX deliveries_participant ON deliveries (participant_id, local_date);
`;

export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial schema', sql: initialSchema },
  { version: 2, name: 'private web pages', sql: webPages },
  { version: 3, name: 'platform adapters', sql: platformAdapters },
  { version: 4, name: 'export links', sql: exportLinks },
  { version: 5, name: 'skip dates and default quiet hours', sql: skipDatesQuietHours },
  { version: 6, name: 'link endings', sql: linkEndings },
  { version: 7, name: 'entry links', sql: entryLinks },
  { version: 8, name: 'nudge kinds from the features', sql: nudgeKindsFromFeatures },
];
