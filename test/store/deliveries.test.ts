import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../src/store/open-store.js';
import { deliveryKey, PENDING_SQL } from '../../src/store/repos/deliveries.js';
import { type TempStore, tempStore } from '../helpers/temp-store.js';
import { enrol, MIN, T0 } from './seed.js';

let t: TempStore;
let store: SqliteStore;
beforeEach(() => {
  t = tempStore();
  store = t.store;
});
afterEach(() => t.cleanup());

const rowCount = (): unknown => store.db.prepare('SELECT COUNT(*) FROM deliveries').pluck().get();

describe('deliveries', () => {
  it('inserts a row keyed by person, kind and local date', () => {
    const p = enrol(store, 'u1');
    const d = store.deliveries.insert(
      { participantId: p.id, kind: 'checkin', localDate: '2025-03-03', dueAt: T0, status: 'pending' },
      T0 - MIN,
    );
    expect(d).toEqual({
      id: d?.id,
      participantId: p.id,
      kind: 'checkin',
      localDate: '2025-03-03',
      key: `${p.id}:checkin:2025-03-03`,
      dueAt: T0,
      status: 'pending',
      attempts: 0,
      lastError: null,
      sentAt: null,
      createdAt: T0 - MIN,
    });
    expect(deliveryKey(p.id, 'checkin', '2025-03-03')).toBe(d?.key);
    expect(store.deliveries.get(d?.id ?? -1)).toEqual(d);
    expect(store.deliveries.byKey(`${p.id}:checkin:2025-03-03`)).toEqual(d);
  });

  it('returns null on a second insert with the same key, and changes nothing', () => {
    const p = enrol(store, 'u1');
    const first = store.deliveries.insert(
      { participantId: p.id, kind: 'checkin', localDate: '2025-03-03', dueAt: T0, status: 'pending' },
      T0,
    );
    const second = store.deliveries.insert(
      { participantId: p.id, kind: 'checkin', localDate: '2025-03-03', dueAt: T0 + 9 * MIN, status: 'sent' },
      T0 + MIN,
    );
    expect(second).toBeNull();
    expect(rowCount()).toBe(1);
    expect(store.deliveries.byKey(first?.key ?? '')).toEqual(first);
    // Another kind or another day is another delivery.
    const followup = store.deliveries.insert(
      { participantId: p.id, kind: 'followup', localDate: '2025-03-03', dueAt: T0, status: 'pending' },
      T0,
    );
    expect(followup?.key).toBe(`${p.id}:followup:2025-03-03`);
    expect(rowCount()).toBe(2);
  });

  it('lists pending rows by due time, up to the limit', () => {
    const p = enrol(store, 'u1');
    const q = enrol(store, 'u2');
    const add = (pid: number, date: string, dueAt: number) =>
      store.deliveries.insert(
        { participantId: pid, kind: 'checkin', localDate: date, dueAt, status: 'pending' },
        T0,
      );
    const late = add(p.id, '2025-03-03', T0 + 10 * MIN);
    const early = add(q.id, '2025-03-03', T0);
    const sent = add(p.id, '2025-03-02', T0 - 60 * MIN);
    const middle = add(q.id, '2025-03-04', T0 + 5 * MIN);
    store.deliveries.markSent(sent?.id ?? -1, T0);
    expect(store.deliveries.pending(10).map((d) => d.id)).toEqual([early?.id, middle?.id, late?.id]);
    expect(store.deliveries.pending(1).map((d) => d.id)).toEqual([early?.id]);
  });

  it('finds pending rows through the partial index', () => {
    const plan = store.db
      .prepare<[number], { detail: string }>(`EXPLAIN QUERY PLAN ${PENDING_SQL}`)
      .all(10)
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH deliveries USING (COVERING )?INDEX deliveries_pending \(status=\?\)/);
    expect(plan).not.toMatch(/SCAN deliveries/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('records attempts, errors, status and the send time', () => {
    const p = enrol(store, 'u1');
    const d = store.deliveries.insert(
      { participantId: p.id, kind: 'snooze', localDate: '2025-03-03', dueAt: T0, status: 'pending' },
      T0,
    );
    const id = d?.id ?? -1;
    store.deliveries.recordAttempt(id, 'rate limited');
    store.deliveries.recordAttempt(id, null);
    expect(store.deliveries.get(id)).toMatchObject({ attempts: 2, lastError: null, status: 'pending' });
    store.deliveries.markSent(id, T0 + MIN);
    expect(store.deliveries.get(id)).toMatchObject({ status: 'sent', sentAt: T0 + MIN, attempts: 2 });
    store.deliveries.markStatus(id, 'failed', 'Cannot send messages to this user (50007)');
    expect(store.deliveries.get(id)).toMatchObject({
      status: 'failed',
      lastError: 'Cannot send messages to this user (50007)',
    });
  });

  it('does nothing when marking a delivery that is gone', () => {
    expect(() => store.deliveries.markSent(404, T0)).not.toThrow();
    expect(() => store.deliveries.markStatus(404, 'cancelled', null)).not.toThrow();
    expect(() => store.deliveries.recordAttempt(404, 'x')).not.toThrow();
    expect(rowCount()).toBe(0);
    expect(store.deliveries.get(404)).toBeNull();
    expect(store.deliveries.byKey('1:checkin:2025-03-03')).toBeNull();
  });

  it('lists a person’s deliveries only', () => {
    const p = enrol(store, 'u1');
    const q = enrol(store, 'u2');
    const mine = store.deliveries.insert(
      { participantId: p.id, kind: 'checkin', localDate: '2025-03-03', dueAt: T0, status: 'pending' },
      T0,
    );
    store.deliveries.insert(
      { participantId: q.id, kind: 'checkin', localDate: '2025-03-03', dueAt: T0, status: 'pending' },
      T0,
    );
    expect(store.deliveries.forParticipant(p.id)).toEqual([mine]);
  });

  it('refuses an unknown status', () => {
    const p = enrol(store, 'u1');
    const d = store.deliveries.insert(
      { participantId: p.id, kind: 'checkin', localDate: '2025-03-03', dueAt: T0, status: 'pending' },
      T0,
    );
    expect(() => store.db.prepare("UPDATE deliveries SET status = 'lost' WHERE id = ?").run(d?.id)).toThrow(
      /CHECK constraint/,
    );
  });
});
