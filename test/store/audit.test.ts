import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../src/store/open-store.js';
import { FOR_SPACE_SQL } from '../../src/store/repos/audit.js';
import { type TempStore, tempStore } from '../helpers/temp-store.js';
import { enrol, MIN, T0 } from './seed.js';

let t: TempStore;
let store: SqliteStore;
beforeEach(() => {
  t = tempStore();
  store = t.store;
});
afterEach(() => t.cleanup());

describe('audit log', () => {
  it('records an entry and returns it whole', () => {
    const p = enrol(store, 'u1');
    const e = store.audit.record({
      spaceId: p.spaceId,
      actorUserId: 'U-FAC',
      subjectParticipantId: p.id,
      action: 'dashboard.view',
      at: T0,
    });
    expect(e).toEqual({
      id: e.id,
      spaceId: p.spaceId,
      actorUserId: 'U-FAC',
      subjectParticipantId: p.id,
      action: 'dashboard.view',
      at: T0,
    });
    expect(store.audit.forSubject(p.id)).toEqual([e]);
  });

  it('lists a person’s entries oldest first, ties in recording order, that person only', () => {
    const p = enrol(store, 'u1');
    const q = enrol(store, 'u2');
    const rec = (subject: number, at: number, action: string) =>
      store.audit.record({
        spaceId: p.spaceId,
        actorUserId: 'U-FAC',
        subjectParticipantId: subject,
        action,
        at,
      });
    const late = rec(p.id, T0 + 10 * MIN, 'late');
    const early = rec(p.id, T0, 'early');
    rec(q.id, T0 + 5 * MIN, 'someone else');
    const tieA = rec(p.id, T0 + 5 * MIN, 'tie a');
    const tieB = rec(p.id, T0 + 5 * MIN, 'tie b');
    expect(store.audit.forSubject(p.id)).toEqual([early, tieA, tieB, late]);
    expect(store.audit.forSubject(404)).toEqual([]);
  });

  it('lists a space’s latest entries newest first, up to the limit, that space only', () => {
    const p = enrol(store, 'u1');
    const otherSpace = store.spaces.ensure('slack', 'T-OTHER', null, T0);
    const o = enrol(store, 'o1', { spaceId: otherSpace.id, platform: 'slack' });
    const rec = (spaceId: number, subject: number, at: number) =>
      store.audit.record({
        spaceId,
        actorUserId: 'U-FAC',
        subjectParticipantId: subject,
        action: 'view',
        at,
      });
    const first = rec(p.spaceId, p.id, T0);
    const third = rec(p.spaceId, p.id, T0 + 2 * MIN);
    const second = rec(p.spaceId, p.id, T0 + MIN);
    const elsewhere = rec(otherSpace.id, o.id, T0 + 3 * MIN);
    expect(store.audit.forSpace(p.spaceId, 10)).toEqual([third, second, first]);
    expect(store.audit.forSpace(p.spaceId, 2)).toEqual([third, second]);
    expect(store.audit.forSpace(otherSpace.id, 10)).toEqual([elsewhere]);
  });

  it('reads a space’s latest entries straight off its index, with no sort', () => {
    const plan = store.db
      .prepare<[number, number], { detail: string }>(`EXPLAIN QUERY PLAN ${FOR_SPACE_SQL}`)
      .all(1, 10)
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH audit_log USING INDEX audit_log_space_at \(space_id=\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('refuses an entry about nobody', () => {
    const space = store.spaces.ensure('discord', 'guild-1', null, T0);
    expect(() =>
      store.audit.record({
        spaceId: space.id,
        actorUserId: 'U-FAC',
        subjectParticipantId: 999,
        action: 'view',
        at: T0,
      }),
    ).toThrow(/FOREIGN KEY/);
    expect(store.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(0);
  });
});
