import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../src/store/open-store.js';
import { type TempStore, tempStore } from '../helpers/temp-store.js';
import { enrol, MIN, T0, TRICKY_TEXTS } from './seed.js';

let t: TempStore;
let store: SqliteStore;
beforeEach(() => {
  t = tempStore();
  store = t.store;
});
afterEach(() => t.cleanup());

describe('journal', () => {
  it('round-trips an entry', () => {
    const p = enrol(store, 'u1');
    const e = store.journal.add(p.id, '2025-03-03', 'Wrote about the session.', T0);
    expect(e).toEqual({
      id: e.id,
      participantId: p.id,
      kind: 'journal',
      localDate: '2025-03-03',
      text: 'Wrote about the session.',
      createdAt: T0,
    });
    expect(store.journal.all(p.id)).toEqual([e]);
  });

  it.each(Object.entries(TRICKY_TEXTS))('stores %s text byte-exactly', (_name, text) => {
    const p = enrol(store, 'u1');
    store.journal.add(p.id, '2025-03-03', text, T0);
    expect(store.journal.all(p.id)[0]?.text).toBe(text);
  });

  it('lists recent entries newest first, up to the limit, for that person only', () => {
    const p = enrol(store, 'u1');
    const q = enrol(store, 'u2');
    store.journal.add(p.id, '2025-03-01', 'first', T0);
    store.journal.add(p.id, '2025-03-03', 'third, morning', T0 + MIN);
    store.journal.add(p.id, '2025-03-02', 'second', T0 + 2 * MIN);
    store.journal.add(p.id, '2025-03-03', 'third, evening', T0 + 3 * MIN);
    store.journal.add(q.id, '2025-03-04', 'someone else', T0);
    expect(store.journal.recent(p.id, 3).map((e) => e.text)).toEqual([
      'third, evening',
      'third, morning',
      'second',
    ]);
    expect(store.journal.between(p.id, '2025-03-02', '2025-03-03').map((e) => e.text)).toEqual([
      'second',
      'third, morning',
      'third, evening',
    ]);
    expect(store.journal.all(p.id).map((e) => e.localDate)).toEqual([
      '2025-03-01',
      '2025-03-02',
      '2025-03-03',
      '2025-03-03',
    ]);
  });
});

describe('intentions', () => {
  it('round-trips and lists newest first', () => {
    const p = enrol(store, 'u1');
    const q = enrol(store, 'u2');
    const a = store.intentions.add(p.id, '2025-03-01', 'Be gentle with myself', T0);
    const b = store.intentions.add(p.id, '2025-03-08', TRICKY_TEXTS.emoji, T0 + MIN);
    store.intentions.add(q.id, '2025-03-09', 'not mine', T0);
    expect(a).toEqual({
      id: a.id,
      participantId: p.id,
      kind: 'intention',
      localDate: '2025-03-01',
      text: 'Be gentle with myself',
      createdAt: T0,
    });
    expect(store.intentions.recent(p.id, 5)).toEqual([b, a]);
    expect(store.intentions.recent(p.id, 1)).toEqual([b]);
    expect(store.intentions.all(p.id)).toEqual([a, b]);
  });

  it.each(Object.entries(TRICKY_TEXTS))('stores %s text byte-exactly', (_name, text) => {
    const p = enrol(store, 'u1');
    store.intentions.add(p.id, '2025-03-03', text, T0);
    expect(store.intentions.all(p.id)[0]?.text).toBe(text);
  });
});
