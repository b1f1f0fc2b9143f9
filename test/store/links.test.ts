import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewLink } from '../../src/ports/store.js';
import { openStore, type SqliteStore } from '../../src/store/open-store.js';
import { TEST_KEY, type TempStore, tempStore } from '../helpers/temp-store.js';
import { enrol, MIN, T0, tokenHash } from './seed.js';

let t: TempStore;
let store: SqliteStore;
beforeEach(() => {
  t = tempStore();
  store = t.store;
});
afterEach(() => t.cleanup());

const rowCount = (): unknown => store.db.prepare('SELECT COUNT(*) FROM links').pluck().get();

/** A check-in link for a newly enrolled `userId`, with the given token name and expiry. */
function checkinLink(userId: string, token: string, expiresAt = T0 + 60 * MIN): NewLink {
  const p = enrol(store, userId);
  return {
    tokenHash: tokenHash(token),
    spaceId: p.spaceId,
    userId: p.userId,
    participantId: p.id,
    purpose: 'checkin',
    localDate: '2025-03-03',
    expiresAt,
  };
}

describe('links', () => {
  it('round-trips a check-in link, found by id and by token hash', () => {
    const p = enrol(store, 'u1');
    const link = store.links.create(
      {
        tokenHash: tokenHash('tok-1'),
        spaceId: p.spaceId,
        userId: 'u1',
        participantId: p.id,
        purpose: 'checkin',
        localDate: '2025-03-03',
        expiresAt: T0 + 60 * MIN,
      },
      T0,
    );
    expect(link).toEqual({
      id: link.id,
      spaceId: p.spaceId,
      userId: 'u1',
      participantId: p.id,
      purpose: 'checkin',
      localDate: '2025-03-03',
      formId: null,
      expiresAt: T0 + 60 * MIN,
      usedAt: null,
      createdAt: T0,
    });
    expect(store.links.get(link.id)).toEqual(link);
    expect(store.links.byTokenHash(tokenHash('tok-1'))).toEqual(link);
    // The Link handed out never carries the hash.
    expect(Object.keys(link)).not.toContain('tokenHash');
  });

  it('keeps a facilitator’s login link, with no participant and no date', () => {
    const space = store.spaces.ensure('slack', 'T1', 'Clinic', T0);
    const link = store.links.create(
      {
        tokenHash: tokenHash('fac'),
        spaceId: space.id,
        userId: 'U-FACILITATOR',
        participantId: null,
        purpose: 'dashboard',
        localDate: null,
        expiresAt: T0 + 15 * MIN,
      },
      T0,
    );
    expect(store.links.byTokenHash(tokenHash('fac'))).toEqual({
      id: link.id,
      spaceId: space.id,
      userId: 'U-FACILITATOR',
      participantId: null,
      purpose: 'dashboard',
      localDate: null,
      formId: null,
      expiresAt: T0 + 15 * MIN,
      usedAt: null,
      createdAt: T0,
    });
  });

  it('keeps the form an entry link opens; only an entry link names one (a CHECK)', () => {
    const space = store.spaces.ensure('slack', 'T2', 'Clinic', T0);
    const base = {
      spaceId: space.id,
      userId: 'U2',
      participantId: null,
      localDate: null,
      expiresAt: T0 + MIN,
    };
    const link = store.links.create(
      { ...base, tokenHash: tokenHash('entry'), purpose: 'entry', formId: 'journal' },
      T0,
    );
    expect(store.links.get(link.id)?.formId).toBe('journal');
    expect(() =>
      store.links.create({ ...base, tokenHash: tokenHash('no-form'), purpose: 'entry' }, T0),
    ).toThrow(/CHECK/);
    expect(() =>
      store.links.create({ ...base, tokenHash: tokenHash('odd'), purpose: 'checkin', formId: 'journal' }, T0),
    ).toThrow(/CHECK/);
  });

  it('returns null for an unknown hash or id', () => {
    store.links.create(checkinLink('u1', 'known'), T0);
    expect(store.links.byTokenHash(tokenHash('unknown'))).toBeNull();
    expect(store.links.byTokenHash(Buffer.alloc(0))).toBeNull();
    expect(store.links.get(999)).toBeNull();
  });

  it('refuses a second link with the same token hash', () => {
    const first = store.links.create(checkinLink('u1', 'same'), T0);
    expect(() => store.links.create(checkinLink('u2', 'same'), T0 + MIN)).toThrow(/UNIQUE/);
    expect(rowCount()).toBe(1);
    expect(store.links.byTokenHash(tokenHash('same'))).toEqual(first);
  });

  it('marks a link used once: the second submit is refused and the first time stays', () => {
    const link = store.links.create(checkinLink('u1', 'once'), T0);
    expect(store.links.markUsed(link.id, T0 + MIN)).toBe(true);
    expect(store.links.markUsed(link.id, T0 + 2 * MIN)).toBe(false);
    expect(store.links.get(link.id)?.usedAt).toBe(T0 + MIN);
    expect(store.links.markUsed(404, T0)).toBe(false);
  });

  it('lets only one of two connections to the same file use a link', () => {
    const link = store.links.create(checkinLink('u1', 'race'), T0);
    const other = openStore({ file: t.file, key: TEST_KEY });
    try {
      const results = [other.links.markUsed(link.id, T0 + MIN), store.links.markUsed(link.id, T0 + 2 * MIN)];
      expect(results).toEqual([true, false]);
      expect(store.links.get(link.id)?.usedAt).toBe(T0 + MIN);
    } finally {
      other.close();
    }
  });

  it('deletes links expired at or before now, and only those', () => {
    const before = store.links.create(checkinLink('u1', 'before', T0 - MIN), T0 - 60 * MIN);
    const exactly = store.links.create(checkinLink('u2', 'exactly', T0), T0 - 60 * MIN);
    const after = store.links.create(checkinLink('u3', 'after', T0 + 1), T0 - 60 * MIN);
    expect(store.links.deleteExpired(T0)).toBe(2);
    expect(store.links.get(before.id)).toBeNull();
    expect(store.links.get(exactly.id)).toBeNull();
    expect(store.links.get(after.id)).toEqual(after);
    expect(store.links.deleteExpired(T0)).toBe(0);
  });

  it('leaves an ending for each link it deletes (hash, purpose, why, when; nothing about the person), pruned after 30 days', () => {
    store.links.create(checkinLink('u1', 'expired', T0 - MIN), T0 - 60 * MIN);
    const used = store.links.create(checkinLink('u2', 'used', T0), T0 - 60 * MIN);
    expect(store.links.markUsed(used.id, T0 - 30 * MIN)).toBe(true);
    expect(store.links.endingByTokenHash(tokenHash('expired'))).toBeNull();

    expect(store.links.deleteExpired(T0)).toBe(2);
    expect(store.links.endingByTokenHash(tokenHash('expired'))).toEqual({
      purpose: 'checkin',
      reason: 'expired',
      endedAt: T0 - MIN,
    });
    expect(store.links.endingByTokenHash(tokenHash('used'))).toEqual({
      purpose: 'checkin',
      reason: 'used',
      endedAt: T0 - 30 * MIN,
    });
    expect(store.links.endingByTokenHash(tokenHash('never'))).toBeNull();
    const columns = store.db.prepare("SELECT name FROM pragma_table_info('link_endings')").pluck().all();
    expect(columns).toEqual(['token_hash', 'purpose', 'reason', 'ended_at']);

    const DAY = 24 * 60 * MIN;
    store.links.deleteExpired(T0 + 29 * DAY);
    expect(store.links.endingByTokenHash(tokenHash('expired'))).not.toBeNull();
    store.links.deleteExpired(T0 + 30 * DAY);
    expect(store.links.endingByTokenHash(tokenHash('expired'))).toBeNull();
    expect(store.db.prepare('SELECT COUNT(*) FROM link_endings').pluck().get()).toBe(0);
  });

  it('keeps an expired link while a live session opened from it lasts, and its sessions go with it after', () => {
    const space = store.spaces.ensure('discord', 'guild-1', null, T0);
    const login = store.links.create(
      {
        tokenHash: tokenHash('login'),
        spaceId: space.id,
        userId: 'U-FAC',
        participantId: null,
        purpose: 'dashboard',
        localDate: null,
        expiresAt: T0 + 15 * MIN,
      },
      T0,
    );
    const session = store.browserSessions.create(
      {
        tokenHash: tokenHash('cookie'),
        spaceId: space.id,
        userId: 'U-FAC',
        participantId: null,
        purpose: 'dashboard',
        linkId: login.id,
        csrfToken: 'csrf-1',
        expiresAt: T0 + 120 * MIN,
      },
      T0 + MIN,
    );
    expect(store.links.deleteExpired(T0 + 60 * MIN)).toBe(0);
    expect(store.browserSessions.byTokenHash(tokenHash('cookie'))).toEqual(session);

    // Once the session has expired too, the link goes, and the session with it by cascade.
    expect(store.links.deleteExpired(T0 + 120 * MIN)).toBe(1);
    expect(store.links.get(login.id)).toBeNull();
    expect(store.browserSessions.byTokenHash(tokenHash('cookie'))).toBeNull();
  });

  it('refuses an unknown purpose, an unknown space and an unknown participant', () => {
    const base = checkinLink('u1', 'x');
    const bad = { ...base, purpose: 'admin' } as unknown as NewLink;
    expect(() => store.links.create(bad, T0)).toThrow(/CHECK constraint/);
    expect(() => store.links.create({ ...base, spaceId: 999 }, T0)).toThrow(/FOREIGN KEY/);
    expect(() => store.links.create({ ...base, participantId: 999 }, T0)).toThrow(/FOREIGN KEY/);
    expect(rowCount()).toBe(0);
  });
});
