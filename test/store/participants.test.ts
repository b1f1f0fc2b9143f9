import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParticipantPatch } from '../../src/ports/store.js';
import type { SqliteStore } from '../../src/store/open-store.js';
import { DUE_SQL } from '../../src/store/repos/participants.js';
import { type TempStore, tempStore } from '../helpers/temp-store.js';
import { enrol, MIN, T0 } from './seed.js';

let t: TempStore;
let store: SqliteStore;
beforeEach(() => {
  t = tempStore();
  store = t.store;
});
afterEach(() => t.cleanup());

describe('participants', () => {
  it('creates with safe defaults and reads back by id and by (space, user)', () => {
    const p = enrol(store, 'u-100', { displayName: 'Ana' });
    expect(p).toEqual({
      id: p.id,
      spaceId: p.spaceId,
      platform: 'discord',
      userId: 'u-100',
      displayName: 'Ana',
      zone: 'Europe/Berlin',
      checkinTime: '20:00',
      quietHours: null,
      paused: false,
      pausedUntil: null,
      skipDates: [],
      snoozeUntil: null,
      followUp: true,
      consentVersion: 'v1',
      consentAt: T0,
      shareWithFacilitator: false,
      unreachable: false,
      dmChannelId: null,
      lastNudgeDate: null,
      lastNudgeAt: null,
      followUpHandledFor: null,
      nextDueAt: null,
      nextDueKind: null,
      nextDueDate: null,
      createdAt: T0,
    });
    expect(store.participants.get(p.id)).toEqual(p);
    expect(store.participants.find(p.spaceId, 'u-100')).toEqual(p);
    expect(store.participants.find(p.spaceId, 'u-other')).toBeNull();
    expect(store.participants.get(p.id + 1000)).toBeNull();
  });

  it('stores the optional enrolment choices', () => {
    const p = enrol(store, 'u-1', {
      quietHours: { start: '22:00', end: '07:00' },
      followUp: false,
      shareWithFacilitator: true,
    });
    expect(store.participants.get(p.id)).toMatchObject({
      quietHours: { start: '22:00', end: '07:00' },
      followUp: false,
      shareWithFacilitator: true,
    });
  });

  it('refuses a second enrolment of the same user in the same space', () => {
    enrol(store, 'u-1');
    expect(() => enrol(store, 'u-1')).toThrow(/UNIQUE/);
    expect(store.participants.count()).toBe(1);
  });

  it('round-trips every patchable field and leaves the others alone', () => {
    const p = enrol(store, 'u-1', { displayName: 'Before' });
    const patch: Required<ParticipantPatch> = {
      displayName: 'After',
      zone: 'America/New_York',
      checkinTime: '08:30',
      quietHours: { start: '23:00', end: '06:30' },
      paused: true,
      pausedUntil: '2025-03-10',
      skipDates: ['2025-03-04'],
      snoozeUntil: T0 + 30 * MIN,
      followUp: false,
      consentVersion: 'v2',
      consentAt: T0 + MIN,
      shareWithFacilitator: true,
      unreachable: true,
      dmChannelId: 'dm-42',
      lastNudgeDate: '2025-03-03',
      lastNudgeAt: T0 + 2 * MIN,
      followUpHandledFor: '2025-03-02',
      nextDueAt: T0 + 60 * MIN,
      nextDueKind: 'followup',
      nextDueDate: '2025-03-03',
    };
    const updated = store.participants.update(p.id, patch);
    const expected = { ...p, ...patch };
    expect(updated).toEqual(expected);
    expect(store.participants.get(p.id)).toEqual(expected);
  });

  it('updates only the fields given, and clears a field set to null', () => {
    const p = enrol(store, 'u-1', { quietHours: { start: '22:00', end: '07:00' }, displayName: 'Keep me' });
    store.participants.update(p.id, { nextDueAt: T0, nextDueKind: 'checkin', nextDueDate: '2025-03-03' });
    const after = store.participants.update(p.id, { quietHours: null, nextDueAt: undefined, paused: true });
    expect(after).toEqual({
      ...p,
      quietHours: null,
      paused: true,
      nextDueAt: T0,
      nextDueKind: 'checkin',
      nextDueDate: '2025-03-03',
    });
  });

  it('an empty patch changes nothing and returns the participant', () => {
    const p = enrol(store, 'u-1');
    expect(store.participants.update(p.id, {})).toEqual(p);
  });

  it('refuses fields outside the whitelist instead of writing them', () => {
    const p = enrol(store, 'u-1');
    for (const key of ['userId', 'id', 'spaceId', 'createdAt', 'user_id = 1; --']) {
      const sneaky = { [key]: 'x' } as unknown as ParticipantPatch;
      expect(() => store.participants.update(p.id, sneaky)).toThrow(/cannot be changed/);
    }
    expect(store.participants.get(p.id)).toEqual(p);
  });

  it('throws when updating someone who does not exist', () => {
    expect(() => store.participants.update(4242, { paused: true })).toThrow(/no participant with id 4242/);
  });

  it('counts participants', () => {
    expect(store.participants.count()).toBe(0);
    enrol(store, 'a');
    enrol(store, 'b');
    expect(store.participants.count()).toBe(2);
  });
});

describe('participants.due', () => {
  const dueAt = (userId: string, at: number | null) => {
    const p = enrol(store, userId);
    return store.participants.update(p.id, { nextDueAt: at, nextDueKind: at === null ? null : 'checkin' });
  };

  it('returns those due at or before now, earliest first, up to the limit', () => {
    const late = dueAt('late', T0);
    const early = dueAt('early', T0 - 10 * MIN);
    dueAt('future', T0 + MIN);
    dueAt('never', null);
    const middle = dueAt('middle', T0 - 5 * MIN);

    expect(store.participants.due(T0, 10).map((p) => p.userId)).toEqual(['early', 'middle', 'late']);
    expect(store.participants.due(T0, 2).map((p) => p.id)).toEqual([early.id, middle.id]);
    expect(store.participants.due(T0 - 11 * MIN, 10)).toEqual([]);
    expect(store.participants.due(T0, 10)[2]).toEqual(late);
  });

  it('is served by the partial next_due_at index, never a scan of participants', () => {
    // Realistic statistics: most people have a next due instant, and ANALYZE has run (close() runs optimize).
    store.transaction(() => {
      for (let i = 0; i < 2_000; i++) dueAt(`u-${i}`, i % 10 === 0 ? null : T0 + (i - 1_000) * MIN);
    });
    store.db.exec('ANALYZE');
    const plan = store.db
      .prepare<[number, number], { detail: string }>(`EXPLAIN QUERY PLAN ${DUE_SQL}`)
      .all(T0, 10)
      .map((r) => r.detail);
    expect(plan.join('\n')).toMatch(/SEARCH participants USING INDEX participants_next_due \(next_due_at/);
    expect(plan.join('\n')).not.toMatch(/SCAN participants/);
    // No sort step: the index already yields rows in due order.
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});

describe('participants.sharingInSpace', () => {
  it('lists only those who share, in that space, by name (case aside), the unnamed last, then by id', () => {
    const share = { shareWithFacilitator: true };
    const bea = enrol(store, 'bea', { ...share, displayName: 'bea' });
    const unnamed = enrol(store, 'unnamed', { ...share, displayName: null });
    const ana2 = enrol(store, 'ana-2', { ...share, displayName: 'Ana' });
    const cy = enrol(store, 'cy', { ...share, displayName: 'Cy' });
    const ana1 = enrol(store, 'ana-1', { ...share, displayName: 'Ana' });
    enrol(store, 'private', { displayName: 'Aaron' });
    const other = store.spaces.ensure('slack', 'T-OTHER', 'Elsewhere', T0);
    enrol(store, 'elsewhere', { ...share, spaceId: other.id, platform: 'slack', displayName: 'Abe' });

    expect(store.participants.sharingInSpace(bea.spaceId).map((p) => p.userId)).toEqual([
      ana2.userId,
      ana1.userId,
      bea.userId,
      cy.userId,
      unnamed.userId,
    ]);
    expect(store.participants.sharingInSpace(bea.spaceId)[0]).toEqual(ana2);
    expect(store.participants.sharingInSpace(other.id).map((p) => p.userId)).toEqual(['elsewhere']);
    expect(store.participants.sharingInSpace(404)).toEqual([]);
  });

  it('follows a change of mind', () => {
    const p = enrol(store, 'u-1', { shareWithFacilitator: true });
    expect(store.participants.sharingInSpace(p.spaceId).map((x) => x.id)).toEqual([p.id]);
    store.participants.update(p.id, { shareWithFacilitator: false });
    expect(store.participants.sharingInSpace(p.spaceId)).toEqual([]);
  });
});
