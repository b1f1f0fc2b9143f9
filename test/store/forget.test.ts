import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Participant } from '../../src/ports.js';
import type { SqliteStore } from '../../src/store/open-store.js';
import { type TempStore, tempStore } from '../helpers/temp-store.js';
import { found, rawBytes } from './raw-bytes.js';
import { enrol, MIN, T0 } from './seed.js';

const PER_PERSON_TABLES = [
  'action_plans',
  'checkins',
  'deliveries',
  'intentions',
  'journal_entries',
  'prompt_history',
  'sessions',
];

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

const rowsFor = (table: string, id: number): unknown =>
  store.db.prepare(`SELECT COUNT(*) FROM "${table}" WHERE participant_id = ?`).pluck().get(id);

beforeEach(() => {
  t = tempStore();
  store = t.store;
  // Distinctive ids, so "no value equals the id" below cannot be satisfied or fooled by small numbers.
  store.db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('participants', 900000)").run();
  gone = enrol(store, 'FORGET-ME-user-7c1e', { displayName: 'Forgettable Person' });
  kept = enrol(store, 'KEEP-ME-user-2b9d', { displayName: 'Kept Person' });
  fill(gone, 'gone');
  fill(kept, 'kept');
});
afterEach(() => t.cleanup());

describe('store.forget', () => {
  it('the fixture covers every per-person table', () => {
    expect(gone.id).toBe(900001);
    expect(perPersonTables()).toEqual(PER_PERSON_TABLES);
    for (const table of PER_PERSON_TABLES) {
      expect({ table, rows: rowsFor(table, gone.id) }).not.toEqual({ table, rows: 0 });
    }
  });

  it('leaves no row in any table that refers to the person, and the other person intact', () => {
    const keptBefore = snapshot(kept.id);
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
    expect(scanned).toBeGreaterThan(50);

    expect(snapshot(gone.id)).toEqual({
      participant: null,
      sessions: [],
      checkins: [],
      journal: [],
      intentions: [],
      actions: [],
      deliveries: [],
      prompts: [],
    });
    expect(store.participants.find(gone.spaceId, gone.userId)).toBeNull();
    expect(store.deliveries.byKey(`${gone.id}:checkin:2025-03-03`)).toBeNull();
    expect(store.participants.due(T0 + 1_000 * MIN, 10).map((p) => p.id)).toEqual([kept.id]);

    expect(snapshot(kept.id)).toEqual(keptBefore);
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
