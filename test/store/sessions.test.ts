import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../src/store/open-store.js';
import { type TempStore, tempStore } from '../helpers/temp-store.js';
import { enrol, MIN, T0 } from './seed.js';

let t: TempStore;
let store: SqliteStore;
beforeEach(() => {
  t = tempStore();
  store = t.store;
});
afterEach(() => t.cleanup());

describe('sessions', () => {
  it('adds sessions and lists them oldest first', () => {
    const p = enrol(store, 'u1');
    const later = store.sessions.add(p.id, '2025-03-20', 'planned', T0);
    const earlier = store.sessions.add(p.id, '2025-02-27', 'done', T0 + MIN);
    expect(earlier).toEqual({
      id: earlier.id,
      participantId: p.id,
      date: '2025-02-27',
      status: 'done',
      createdAt: T0 + MIN,
    });
    expect(store.sessions.list(p.id)).toEqual([earlier, later]);
  });

  it('clears only planned sessions from a date on, and only that person’s', () => {
    const p = enrol(store, 'u1');
    const q = enrol(store, 'u2');
    const done = store.sessions.add(p.id, '2025-02-27', 'done', T0);
    const awaiting = store.sessions.add(p.id, '2025-03-10', 'planned', T0);
    store.sessions.add(p.id, '2025-03-20', 'planned', T0);
    const theirs = store.sessions.add(q.id, '2025-03-21', 'planned', T0);
    store.sessions.clearPlanned(p.id, '2025-03-11');
    expect(store.sessions.list(p.id)).toEqual([done, awaiting]);
    expect(store.sessions.list(q.id)).toEqual([theirs]);
  });

  it('changes status and removes by id or date, only within the person’s own sessions', () => {
    const p = enrol(store, 'u1');
    const q = enrol(store, 'u2');
    const mine = store.sessions.add(p.id, '2025-03-10', 'planned', T0);
    const theirs = store.sessions.add(q.id, '2025-03-10', 'planned', T0);
    // Someone else's id (a forged button) reaches nothing.
    expect(store.sessions.setStatus(p.id, theirs.id, 'done')).toBe(false);
    expect(store.sessions.removeById(p.id, theirs.id)).toBe(false);
    expect(store.sessions.setStatus(p.id, mine.id, 'done')).toBe(true);
    expect(store.sessions.list(p.id)).toEqual([{ ...mine, status: 'done' }]);
    expect(store.sessions.removeOn(p.id, '2025-03-10')).toBe(1);
    expect(store.sessions.removeOn(p.id, '2025-03-10')).toBe(0);
    expect(store.sessions.list(q.id)).toEqual([theirs]);
    expect(store.sessions.removeById(q.id, theirs.id)).toBe(true);
  });

  it('refuses an unknown status', () => {
    const p = enrol(store, 'u1');
    expect(() =>
      store.db
        .prepare('INSERT INTO sessions (participant_id, date, status, created_at) VALUES (?, ?, ?, ?)')
        .run(p.id, '2025-03-01', 'maybe', T0),
    ).toThrow(/CHECK constraint/);
  });
});
