import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Participant } from '../../src/domain/entities.js';
import { ERASED_ACTOR, type SqliteStore } from '../../src/store/open-store.js';
import { type TempStore, tempStore } from '../helpers/temp-store.js';
import { found, rawBytes } from './raw-bytes.js';
import { enrol, MIN, T0, tokenHash } from './seed.js';

/** Every table that points at participants, and the column it points with. */
const PERSON_COLUMN: Record<string, string> = {
  action_plans: 'participant_id',
  audit_log: 'subject_participant_id',
  checkins: 'participant_id',
  deliveries: 'participant_id',
  intentions: 'participant_id',
  journal_entries: 'participant_id',
  links: 'participant_id',
  prompt_history: 'participant_id',
  sessions: 'participant_id',
  web_sessions: 'participant_id',
};
const PER_PERSON_TABLES = Object.keys(PERSON_COLUMN);
/** A facilitator who is not enrolled anywhere: looks at both people, and must keep their own login. */
const OTHER_FACILITATOR = 'FAC-other-5a3f';

let t: TempStore;
let store: SqliteStore;
let gone: Participant;
let kept: Participant;

/** Everything the store will tell about a person, through the repositories. */
const snapshot = (id: number) => ({
  participant: store.participants.get(id),
  sessions: store.sessions.list(id),
  checkins: store.checkins.all(id),
  journal: store.journal.all(id),
  intentions: store.intentions.all(id),
  actions: store.actions.all(id),
  deliveries: store.deliveries.forParticipant(id),
  prompts: store.prompts.shownBetween(id, '2000-01-01', '2100-01-01'),
  audit: store.audit.forSubject(id),
});

/** Token names of the links and sessions made for `word` (see fill and beforeEach). */
const tokensOf = (word: string) => ({
  links: [`${word}-checkin-link`, `${word}-login-link`],
  sessions: [`${word}-checkin-cookie`, `${word}-login-cookie`, `${word}-unlinked-cookie`],
});
const linksAndSessions = (word: string) => ({
  links: tokensOf(word).links.map((n) => store.links.byTokenHash(tokenHash(n))),
  sessions: tokensOf(word).sessions.map((n) => store.browserSessions.byTokenHash(tokenHash(n))),
});

function fill(p: Participant, word: string): void {
  store.sessions.add(p.id, '2025-02-27', 'done', T0);
  store.sessions.add(p.id, '2025-03-20', 'planned', T0);
  store.checkins.add(
    p.id,
    '2025-03-03',
    { mood: 5, sleep: 3, energy: 3, anxiety: 2, reflection: `${word} reflection`, tags: [`${word} tag`] },
    'maintenance.1',
    'web',
    T0,
  );
  store.journal.add(p.id, '2025-03-03', `${word} journal`, T0);
  store.intentions.add(p.id, '2025-03-03', `${word} intention`, T0);
  const a = store.actions.add(p.id, `${word} action`, T0);
  store.actions.setStatus(a.id, 'done', T0 + MIN);
  store.deliveries.insert(
    { participantId: p.id, kind: 'checkin', localDate: '2025-03-03', dueAt: T0, status: 'pending' },
    T0,
  );
  store.deliveries.insert(
    {
      participantId: p.id,
      kind: 'followup',
      localDate: '2025-03-03',
      dueAt: T0 + 60 * MIN,
      status: 'pending',
    },
    T0,
  );
  store.prompts.record(p.id, '2025-03-03', 'maintenance.1');
  // A check-in link, and the session its page opened.
  const link = store.links.create(
    {
      tokenHash: tokenHash(`${word}-checkin-link`),
      spaceId: p.spaceId,
      userId: p.userId,
      participantId: p.id,
      purpose: 'checkin',
      localDate: '2025-03-03',
      expiresAt: T0 + 600 * MIN,
    },
    T0,
  );
  store.links.markUsed(link.id, T0 + MIN);
  store.browserSessions.create(
    {
      tokenHash: tokenHash(`${word}-checkin-cookie`),
      spaceId: p.spaceId,
      userId: p.userId,
      participantId: p.id,
      purpose: 'checkin',
      linkId: link.id,
      csrfToken: `csrf-checkin-${word}`,
      expiresAt: T0 + 30 * MIN,
    },
    T0 + MIN,
  );
  // Each is also a facilitator: a login link and session carry no participant id, only (space, user).
  const login = store.links.create(
    {
      tokenHash: tokenHash(`${word}-login-link`),
      spaceId: p.spaceId,
      userId: p.userId,
      participantId: null,
      purpose: 'dashboard',
      localDate: null,
      expiresAt: T0 + 15 * MIN,
    },
    T0,
  );
  store.browserSessions.create(
    {
      tokenHash: tokenHash(`${word}-login-cookie`),
      spaceId: p.spaceId,
      userId: p.userId,
      participantId: null,
      purpose: 'dashboard',
      linkId: login.id,
      csrfToken: `csrf-login-${word}`,
      expiresAt: T0 + 240 * MIN,
    },
    T0 + MIN,
  );
  // A session bound to no link and no participant: only the (space, user) delete can reach it.
  store.browserSessions.create(
    {
      tokenHash: tokenHash(`${word}-unlinked-cookie`),
      spaceId: p.spaceId,
      userId: p.userId,
      participantId: null,
      purpose: 'dashboard',
      linkId: null,
      csrfToken: `csrf-unlinked-${word}`,
      expiresAt: T0 + 240 * MIN,
    },
    T0 + 2 * MIN,
  );
  // Someone else looked at this person's data.
  store.audit.record({
    spaceId: p.spaceId,
    actorUserId: OTHER_FACILITATOR,
    subjectParticipantId: p.id,
    action: 'dashboard.view',
    at: T0 + 2 * MIN,
  });
  store.participants.update(p.id, {
    nextDueAt: T0 + 120 * MIN,
    nextDueKind: 'checkin',
    dmChannelId: `dm-${word}`,
  });
}

const perPersonTables = (): string[] =>
  store
    .tableNames()
    .filter((table) =>
      store.db
        .prepare<[string], string>('SELECT name FROM pragma_table_info(?)')
        .pluck()
        .all(table)
        .includes('participant_id'),
    );

/** Tables with a foreign key to participants, found from the schema itself. */
const tablesPointingAtParticipants = (): string[] =>
  store
    .tableNames()
    .filter((table) =>
      store.db
        .prepare<[string], string>('SELECT "table" FROM pragma_foreign_key_list(?)')
        .pluck()
        .all(table)
        .includes('participants'),
    );

const rowsFor = (table: string, id: number): unknown =>
  store.db.prepare(`SELECT COUNT(*) FROM "${table}" WHERE "${PERSON_COLUMN[table]}" = ?`).pluck().get(id);
const actorRows = (userId: string): unknown =>
  store.db.prepare('SELECT COUNT(*) FROM audit_log WHERE actor_user_id = ?').pluck().get(userId);

beforeEach(() => {
  t = tempStore();
  store = t.store;
  // Distinctive ids, so "no value equals the id" below cannot be satisfied or fooled by small numbers.
  store.db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('participants', 900000)").run();
  gone = enrol(store, 'FORGET-ME-user-7c1e', { displayName: 'Forgettable Person' });
  kept = enrol(store, 'KEEP-ME-user-2b9d', { displayName: 'Kept Person' });
  fill(gone, 'gone');
  fill(kept, 'kept');
  // Each looked at the other as a facilitator: the audit names them as the actor.
  store.audit.record({
    spaceId: gone.spaceId,
    actorUserId: gone.userId,
    subjectParticipantId: kept.id,
    action: 'dashboard.view',
    at: T0 + 3 * MIN,
  });
  store.audit.record({
    spaceId: kept.spaceId,
    actorUserId: kept.userId,
    subjectParticipantId: gone.id,
    action: 'dashboard.view',
    at: T0 + 4 * MIN,
  });
  // A facilitator's own login, which erasing someone else must not touch.
  store.links.create(
    {
      tokenHash: tokenHash('other-login-link'),
      spaceId: gone.spaceId,
      userId: OTHER_FACILITATOR,
      participantId: null,
      purpose: 'dashboard',
      localDate: null,
      expiresAt: T0 + 15 * MIN,
    },
    T0,
  );
});
afterEach(() => t.cleanup());

describe('store.forget', () => {
  it('the fixture covers every per-person table', () => {
    expect(gone.id).toBe(900001);
    expect(tablesPointingAtParticipants()).toEqual(PER_PERSON_TABLES);
    expect(perPersonTables()).toEqual(PER_PERSON_TABLES.filter((t) => PERSON_COLUMN[t] === 'participant_id'));
    for (const table of PER_PERSON_TABLES) {
      expect({ table, rows: rowsFor(table, gone.id) }).not.toEqual({ table, rows: 0 });
    }
    // Rows that name the person without their participant id: a login link and session, an audit as actor.
    const byUser = (table: string): unknown =>
      store.db
        .prepare(`SELECT COUNT(*) FROM "${table}" WHERE user_id = ? AND participant_id IS NULL`)
        .pluck()
        .get(gone.userId);
    expect(byUser('links')).toBe(1);
    expect(byUser('web_sessions')).toBe(2);
    expect(actorRows(gone.userId)).toBe(1);
  });

  it('leaves no row in any table that refers to the person, and the other person intact', () => {
    const keptBefore = snapshot(kept.id);
    const keptWeb = linksAndSessions('kept');
    store.forget(gone.id);

    const tables = store.db
      .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(expect.arrayContaining([...PER_PERSON_TABLES, 'participants', 'sqlite_sequence']));
    const hits: string[] = [];
    let scanned = 0;
    for (const table of tables) {
      for (const row of store.db.prepare<[], Record<string, unknown>>(`SELECT * FROM "${table}"`).all()) {
        for (const [column, value] of Object.entries(row)) {
          scanned++;
          const where = `${table}.${column}`;
          if (typeof value === 'number' || typeof value === 'bigint') {
            if (Number(value) === gone.id) hits.push(`${where} = ${value}`);
          } else if (typeof value === 'string') {
            for (const n of [gone.userId, String(gone.id), 'Forgettable', 'dm-gone']) {
              if (value.includes(n)) hits.push(`${where} contains ${n}`);
            }
          } else if (Buffer.isBuffer(value)) {
            if (found(value, [gone.userId, 'Forgettable', 'gone'])[0]) hits.push(`${where} blob`);
          }
        }
      }
    }
    expect(hits).toEqual([]);
    expect(scanned).toBeGreaterThan(100);
    // The scan saw the new tables with the kept person's rows in them.
    for (const table of ['links', 'web_sessions', 'audit_log']) {
      expect({ table, rows: store.db.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() }).not.toEqual({
        table,
        rows: 0,
      });
    }

    expect(snapshot(gone.id)).toEqual({
      participant: null,
      sessions: [],
      checkins: [],
      journal: [],
      intentions: [],
      actions: [],
      deliveries: [],
      prompts: [],
      audit: [],
    });
    expect(linksAndSessions('gone')).toEqual({ links: [null, null], sessions: [null, null, null] });
    expect(actorRows(gone.userId)).toBe(0);
    expect(store.participants.find(gone.spaceId, gone.userId)).toBeNull();
    expect(store.deliveries.byKey(`${gone.id}:checkin:2025-03-03`)).toBeNull();
    expect(store.participants.due(T0 + 1_000 * MIN, 10).map((p) => p.id)).toEqual([kept.id]);

    // What the forgotten facilitator looked at is still recorded, without saying who looked.
    expect(keptBefore.audit.map((e) => e.actorUserId)).toEqual([OTHER_FACILITATOR, gone.userId]);
    expect(snapshot(kept.id)).toEqual({
      ...keptBefore,
      audit: keptBefore.audit.map((e) =>
        e.actorUserId === gone.userId ? { ...e, actorUserId: ERASED_ACTOR } : e,
      ),
    });
    expect(linksAndSessions('kept')).toEqual(keptWeb);
    expect(keptWeb.links.every((l) => l !== null)).toBe(true);
    expect(keptWeb.sessions.every((s) => s !== null)).toBe(true);
    // The kept person's one look, at the forgotten person, went with its subject.
    expect(actorRows(kept.userId)).toBe(0);
    expect(store.links.byTokenHash(tokenHash('other-login-link'))?.userId).toBe(OTHER_FACILITATOR);
    expect(keptBefore.journal[0]?.text).toBe('kept journal');
    for (const table of PER_PERSON_TABLES) {
      expect({ table, rows: rowsFor(table, kept.id) }).not.toEqual({ table, rows: 0 });
    }
  });

  it('leaves no trace of the person in the bytes of the database or its WAL', () => {
    const before = rawBytes(t.file);
    expect(found(Buffer.concat([before.db, before.wal]), [gone.userId, 'Forgettable Person'])).toHaveLength(
      2,
    );

    store.forget(gone.id);

    const after = rawBytes(t.file);
    const all = Buffer.concat([after.db, after.wal]);
    expect(found(all, [gone.userId, 'Forgettable Person', 'dm-gone'])).toEqual([]);
    expect(found(all, [kept.userId, 'Kept Person'])).toEqual([kept.userId, 'Kept Person']);
  });

  it('never hands a forgotten person’s id to someone new', () => {
    store.forget(kept.id); // the highest id
    const next = enrol(store, 'NEWCOMER');
    expect(next.id).toBeGreaterThan(kept.id);
  });

  it('works inside a larger transaction, and is undone with it', () => {
    expect(() =>
      store.transaction(() => {
        store.forget(gone.id);
        expect(store.participants.get(gone.id)).toBeNull();
        throw new Error('changed my mind');
      }),
    ).toThrow('changed my mind');
    expect(store.journal.all(gone.id).map((e) => e.text)).toEqual(['gone journal']);

    store.transaction(() => store.forget(gone.id));
    expect(store.participants.get(gone.id)).toBeNull();
    expect(rowsFor('journal_entries', gone.id)).toBe(0);
  });

  it('does nothing for an unknown id', () => {
    const before = store.participants.count();
    store.forget(123);
    expect(store.participants.count()).toBe(before);
  });
});
