import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../src/store/open-store.js';
import { type TempStore, tempStore } from '../helpers/temp-store.js';
import { MIN, T0 } from './seed.js';

let t: TempStore;
let store: SqliteStore;
beforeEach(() => {
  t = tempStore();
  store = t.store;
});
afterEach(() => t.cleanup());

describe('spaces', () => {
  it('creates a space on first sight and returns the same one afterwards', () => {
    const a = store.spaces.ensure('discord', 'G1', 'Clinic', T0);
    expect(a).toEqual({
      id: a.id,
      platform: 'discord',
      externalId: 'G1',
      name: 'Clinic',
      facilitatorRole: null,
      createdAt: T0,
    });
    expect(store.spaces.ensure('discord', 'G1', 'Clinic', T0 + MIN)).toEqual(a);
    expect(store.spaces.get(a.id)).toEqual(a);
    expect(store.db.prepare('SELECT COUNT(*) FROM spaces').pluck().get()).toBe(1);
  });

  it('keeps a facilitator role per space, and clears it', () => {
    const a = store.spaces.ensure('discord', 'G1', 'Clinic', T0);
    const b = store.spaces.ensure('discord', 'G2', 'Other', T0);
    expect(store.spaces.setFacilitatorRole(a.id, '123456789012345678').facilitatorRole).toBe(
      '123456789012345678',
    );
    expect(store.spaces.get(b.id)?.facilitatorRole).toBeNull();
    expect(store.spaces.ensure('discord', 'G1', 'Clinic renamed', T0).facilitatorRole).toBe(
      '123456789012345678',
    );
    expect(store.spaces.setFacilitatorRole(a.id, null).facilitatorRole).toBeNull();
  });

  it('keeps platforms apart even when external ids collide', () => {
    const d = store.spaces.ensure('discord', 'X', null, T0);
    const s = store.spaces.ensure('slack', 'X', null, T0);
    expect(d.id).not.toBe(s.id);
    expect(store.spaces.get(s.id)?.platform).toBe('slack');
  });

  it('follows a rename, and a null name keeps the known one', () => {
    const a = store.spaces.ensure('slack', 'T1', 'Old name', T0);
    expect(store.spaces.ensure('slack', 'T1', 'New name', T0 + MIN)).toEqual({ ...a, name: 'New name' });
    expect(store.spaces.ensure('slack', 'T1', null, T0 + 2 * MIN)).toEqual({ ...a, name: 'New name' });
    expect(store.spaces.get(a.id)?.name).toBe('New name');
  });

  it('returns null for an unknown id', () => {
    expect(store.spaces.get(12345)).toBeNull();
  });
});
