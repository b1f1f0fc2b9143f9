import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Participant } from '../../src/domain/entities.js';
import { openStore, type SqliteStore } from '../../src/store/open-store.js';
import { TEST_KEY, type TempStore, tempStore } from '../helpers/temp-store.js';
import { found, rawBytes } from './raw-bytes.js';
import { enrol, T0 } from './seed.js';

// Every free-text field gets its own marker, plus fragments in other scripts, so a partial leak shows too.
const SECRETS = {
  reflection: 'MARMALADE-SECRET-reflection-4471 🫶🏽 felt the floor drop away',
  tag: 'MARMALADE-SECRET-tag-hiked-with-Sam',
  journal: 'MARMALADE-SECRET-journal 🌊🌊 שלום-סוד-עמוק\nsecond line',
  intention: 'MARMALADE-SECRET-intention سر-النية-الخاصة',
  action: 'MARMALADE-SECRET-action Ame\u0301lie <script>x()</script>',
};
const NEEDLES = [
  ...Object.values(SECRETS),
  'MARMALADE',
  'SECRET-',
  'felt the floor',
  'hiked-with-Sam',
  '🌊🌊',
  '🫶🏽',
  'שלום-סוד-עמוק',
  'سر-النية',
  'Ame\u0301lie',
  '<script>x()',
];
// Stored in clear on purpose (it is not free text): proves the scan really sees plaintext when it is there.
const CANARY = 'VISIBLE-CANARY-DISPLAY-NAME';

let t: TempStore;
let store: SqliteStore;
let p: Participant;
beforeEach(() => {
  t = tempStore();
  store = t.store;
  p = enrol(store, 'u-secret', { displayName: CANARY });
  store.checkins.add(
    p.id,
    '2025-03-03',
    { mood: 4, sleep: 2, energy: 2, anxiety: 4, reflection: SECRETS.reflection, tags: [SECRETS.tag] },
    null,
    'web',
    T0,
  );
  store.journal.add(p.id, '2025-03-03', SECRETS.journal, T0);
  store.intentions.add(p.id, '2025-03-03', SECRETS.intention, T0);
  store.actions.add(p.id, SECRETS.action, T0);
});
afterEach(() => t.cleanup());

describe('encryption at rest', () => {
  it('reads back every secret through the store', () => {
    expect(store.checkins.all(p.id)[0]).toMatchObject({
      reflection: SECRETS.reflection,
      tags: [SECRETS.tag],
    });
    expect(store.journal.all(p.id)[0]?.text).toBe(SECRETS.journal);
    expect(store.intentions.all(p.id)[0]?.text).toBe(SECRETS.intention);
    expect(store.actions.all(p.id)[0]?.text).toBe(SECRETS.action);
  });

  it('leaves no plaintext in the WAL before a checkpoint', () => {
    const { db, wal } = rawBytes(t.file);
    expect(wal.length).toBeGreaterThan(0);
    expect(found(Buffer.concat([db, wal]), [CANARY])).toEqual([CANARY]);
    expect(found(wal, NEEDLES)).toEqual([]);
    expect(found(db, NEEDLES)).toEqual([]);
  });

  it('leaves no plaintext in the database file after a checkpoint', () => {
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const { db, wal } = rawBytes(t.file);
    expect(found(db, [CANARY])).toEqual([CANARY]);
    expect(found(db, NEEDLES)).toEqual([]);
    expect(found(wal, NEEDLES)).toEqual([]);
  });

  it('leaves no plaintext after close, and the secrets come back on reopen with the same key', () => {
    store.close();
    const { db } = rawBytes(t.file);
    expect(found(db, [CANARY])).toEqual([CANARY]);
    expect(found(db, NEEDLES)).toEqual([]);

    const again = openStore({ file: t.file, key: TEST_KEY });
    try {
      expect(again.journal.all(p.id)[0]?.text).toBe(SECRETS.journal);
    } finally {
      again.close();
    }
  });

  it('cannot read the secrets with another key', () => {
    store.close();
    const wrong = openStore({ file: t.file, key: Buffer.alloc(32, 1) });
    try {
      expect(() => wrong.journal.all(p.id)).toThrow(/authentication failed/);
      expect(() => wrong.checkins.all(p.id)).toThrow(/authentication failed/);
    } finally {
      wrong.close();
    }
  });

  it('stores every free-text column as a sealed blob', () => {
    const columns = [
      ['checkins', 'reflection'],
      ['checkins', 'tags'],
      ['journal_entries', 'text'],
      ['intentions', 'text'],
      ['action_plans', 'text'],
    ] as const;
    for (const [table, column] of columns) {
      const types = store.db.prepare(`SELECT DISTINCT typeof(${column}) FROM ${table}`).pluck().all();
      expect({ table, column, types }).toEqual({ table, column, types: ['blob'] });
    }
  });
});
