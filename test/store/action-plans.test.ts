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

describe('action plans', () => {
  it('numbers each person’s plans 1, 2, 3 on their own', () => {
    const p = enrol(store, 'u1');
    const q = enrol(store, 'u2');
    const p1 = store.actions.add(p.id, 'Walk 10 minutes after lunch', T0);
    const q1 = store.actions.add(q.id, 'Call my sister', T0);
    const p2 = store.actions.add(p.id, 'Phone off at 22:00', T0 + MIN);
    expect(p1).toEqual({
      id: p1.id,
      participantId: p.id,
      seq: 1,
      text: 'Walk 10 minutes after lunch',
      status: 'open',
      createdAt: T0,
      doneAt: null,
    });
    expect([p1.seq, p2.seq, q1.seq]).toEqual([1, 2, 1]);
    expect(store.actions.all(p.id)).toEqual([p1, p2]);
  });

  it('keeps counting after the last plan is dropped: numbers people typed never change meaning', () => {
    const p = enrol(store, 'u1');
    store.actions.add(p.id, 'one', T0);
    const two = store.actions.add(p.id, 'two', T0);
    store.actions.setStatus(two.id, 'dropped', T0);
    expect(store.actions.add(p.id, 'three', T0).seq).toBe(3);
  });

  it('finds a plan by its number', () => {
    const p = enrol(store, 'u1');
    const q = enrol(store, 'u2');
    store.actions.add(p.id, 'one', T0);
    const two = store.actions.add(p.id, TRICKY_TEXTS.sql, T0);
    expect(store.actions.bySeq(p.id, 2)).toEqual(two);
    expect(store.actions.bySeq(p.id, 3)).toBeNull();
    expect(store.actions.bySeq(q.id, 1)).toBeNull();
  });

  it('marks done with a time, and reopening clears it', () => {
    const p = enrol(store, 'u1');
    const a = store.actions.add(p.id, 'one', T0);
    const done = store.actions.setStatus(a.id, 'done', T0 + 5 * MIN);
    expect(done).toEqual({ ...a, status: 'done', doneAt: T0 + 5 * MIN });
    expect(store.actions.setStatus(a.id, 'open', T0 + 6 * MIN)).toEqual({
      ...a,
      status: 'open',
      doneAt: null,
    });
    expect(store.actions.setStatus(a.id, 'dropped', T0 + 7 * MIN)).toEqual({
      ...a,
      status: 'dropped',
      doneAt: null,
    });
  });

  it('lists by status', () => {
    const p = enrol(store, 'u1');
    const one = store.actions.add(p.id, 'one', T0);
    const two = store.actions.add(p.id, 'two', T0);
    const three = store.actions.add(p.id, 'three', T0);
    store.actions.setStatus(two.id, 'done', T0);
    expect(store.actions.list(p.id, 'open').map((a) => a.seq)).toEqual([one.seq, three.seq]);
    expect(store.actions.list(p.id, 'done').map((a) => a.seq)).toEqual([2]);
    expect(store.actions.list(p.id, 'dropped')).toEqual([]);
    expect(store.actions.list(p.id).map((a) => a.seq)).toEqual([1, 2, 3]);
  });

  it('throws when the plan does not exist', () => {
    expect(() => store.actions.setStatus(999, 'done', T0)).toThrow(/no action plan with id 999/);
  });

  it.each(Object.entries(TRICKY_TEXTS))('stores %s text byte-exactly', (_name, text) => {
    const p = enrol(store, 'u1');
    store.actions.add(p.id, text, T0);
    expect(store.actions.bySeq(p.id, 1)?.text).toBe(text);
  });
});
