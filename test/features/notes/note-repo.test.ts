/**
 * Journal entries and intentions are one concept, a note with a kind, kept by one repository implementation
 * (createNoteRepo) parameterised by that kind. These tests show it serves both kinds, seals both at rest, and never
 * lets a note of one kind turn up as the other.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Participant } from '../../../src/domain/entities.js';
import { createFieldCipher } from '../../../src/store/field-cipher.js';
import type { SqliteStore } from '../../../src/store/open-store.js';
import { createNoteRepo } from '../../../src/store/repos/notes.js';
import { TEST_KEY, type TempStore, tempStore } from '../../helpers/temp-store.js';
import { found, rawBytes } from '../../store/raw-bytes.js';
import { enrol, MIN, T0 } from '../../store/seed.js';

const JOURNAL = 'QUINCE-journal 🌊 the river walk, שלום\nsecond line';
const INTENTION = 'QUINCE-intention rest before I am tired سر';
const NEEDLES = [JOURNAL, INTENTION, 'QUINCE', 'river walk', 'rest before', '🌊', 'שלום', 'سر'];
// Stored in clear on purpose: proves the byte scan sees plaintext when it is there.
const CANARY = 'VISIBLE-CANARY-NOTES';

let t: TempStore;
let store: SqliteStore;
let p: Participant;
beforeEach(() => {
  t = tempStore();
  store = t.store;
  p = enrol(store, 'u-notes', { displayName: CANARY });
});
afterEach(() => t.cleanup());

describe('one note repository for every kind', () => {
  it('is the implementation behind store.journal and store.intentions, told apart only by its kind', () => {
    expect(store.journal.kind).toBe('journal');
    expect(store.intentions.kind).toBe('intention');
    const j = store.journal.add(p.id, '2025-03-03', JOURNAL, T0);
    const i = store.intentions.add(p.id, '2025-03-03', INTENTION, T0 + MIN);

    // A second instance of the same implementation, built here with the same key, reads what the store wrote.
    const cipher = createFieldCipher(TEST_KEY);
    const journal = createNoteRepo(store.db, cipher, 'journal');
    const intentions = createNoteRepo(store.db, cipher, 'intention');
    expect(journal.all(p.id)).toEqual([j]);
    expect(intentions.all(p.id)).toEqual([i]);
    expect(j).toMatchObject({ kind: 'journal', text: JOURNAL, localDate: '2025-03-03', createdAt: T0 });
    expect(i).toMatchObject({
      kind: 'intention',
      text: INTENTION,
      localDate: '2025-03-03',
      createdAt: T0 + MIN,
    });

    // And what it writes, the store reads, kind by kind.
    const j2 = journal.add(p.id, '2025-03-04', 'second entry', T0 + 2 * MIN);
    expect(store.journal.recent(p.id, 1)).toEqual([j2]);
    expect(store.intentions.recent(p.id, 5)).toEqual([i]);
  });

  it('never shows a journal entry as an intention, or an intention as a journal entry', () => {
    // Same person, same day, same words: only the kind differs. The row ids may coincide (separate tables).
    const j = store.journal.add(p.id, '2025-03-03', 'same words', T0);
    const i = store.intentions.add(p.id, '2025-03-03', 'same words', T0);
    expect(j.id).toBe(i.id);
    for (const [repo, kind, mine] of [
      [store.journal, 'journal', j],
      [store.intentions, 'intention', i],
    ] as const) {
      expect(repo.all(p.id)).toEqual([mine]);
      expect(repo.recent(p.id, 10)).toEqual([mine]);
      expect(repo.between(p.id, '2025-03-01', '2025-03-31')).toEqual([mine]);
      expect(repo.all(p.id).every((n) => n.kind === kind)).toBe(true);
    }

    store.journal.add(p.id, '2025-03-05', JOURNAL, T0 + MIN);
    expect(store.intentions.all(p.id).map((n) => n.text)).toEqual(['same words']);
    store.intentions.add(p.id, '2025-03-06', INTENTION, T0 + 2 * MIN);
    expect(store.journal.all(p.id).map((n) => n.text)).toEqual(['same words', JOURNAL]);
  });

  it('refuses a journal entry copied into the intentions table: the seal names its column', () => {
    store.journal.add(p.id, '2025-03-03', JOURNAL, T0);
    store.intentions.add(p.id, '2025-03-03', INTENTION, T0);
    store.db.prepare('UPDATE intentions SET text = (SELECT text FROM journal_entries LIMIT 1)').run();
    expect(() => store.intentions.all(p.id)).toThrow(/authentication failed/);
    expect(store.journal.all(p.id).map((n) => n.text)).toEqual([JOURNAL]);
  });

  it('keeps both kinds sealed at rest: no plaintext in the WAL, the database file, or after close', () => {
    store.journal.add(p.id, '2025-03-03', JOURNAL, T0);
    store.intentions.add(p.id, '2025-03-03', INTENTION, T0);
    for (const table of ['journal_entries', 'intentions']) {
      const types = store.db.prepare(`SELECT DISTINCT typeof(text) AS t FROM ${table}`).pluck().all();
      expect(types, table).toEqual(['blob']);
    }

    const before = rawBytes(t.file);
    expect(found(Buffer.concat([before.db, before.wal]), [CANARY])).toEqual([CANARY]);
    expect(found(Buffer.concat([before.db, before.wal]), NEEDLES)).toEqual([]);

    store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(found(rawBytes(t.file).db, NEEDLES)).toEqual([]);

    store.close();
    const after = rawBytes(t.file);
    expect(found(after.db, [CANARY])).toEqual([CANARY]);
    expect(found(after.db, NEEDLES)).toEqual([]);
  });
});
