import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Link, Participant } from '../../src/domain/entities.js';
import type { NewBrowserSession } from '../../src/ports/store.js';
import type { SqliteStore } from '../../src/store/open-store.js';
import { type TempStore, tempStore } from '../helpers/temp-store.js';
import { enrol, MIN, T0, tokenHash } from './seed.js';

let t: TempStore;
let store: SqliteStore;
let p: Participant;
let link: Link;
beforeEach(() => {
  t = tempStore();
  store = t.store;
  p = enrol(store, 'u1');
  link = store.links.create(
    {
      tokenHash: tokenHash('link'),
      spaceId: p.spaceId,
      userId: p.userId,
      participantId: p.id,
      purpose: 'checkin',
      localDate: '2025-03-03',
      expiresAt: T0 + 60 * MIN,
    },
    T0,
  );
});
afterEach(() => t.cleanup());

const rowCount = (): unknown => store.db.prepare('SELECT COUNT(*) FROM web_sessions').pluck().get();

const session = (token: string, over: Partial<NewBrowserSession> = {}): NewBrowserSession => ({
  tokenHash: tokenHash(token),
  spaceId: p.spaceId,
  userId: p.userId,
  participantId: p.id,
  purpose: 'checkin',
  linkId: link.id,
  csrfToken: `csrf-${token}`,
  expiresAt: T0 + 30 * MIN,
  ...over,
});

describe('web sessions', () => {
  it('round-trips every field, found by token hash', () => {
    const s = store.browserSessions.create(session('cookie-1'), T0 + MIN);
    expect(s).toEqual({
      id: s.id,
      spaceId: p.spaceId,
      userId: 'u1',
      participantId: p.id,
      purpose: 'checkin',
      linkId: link.id,
      csrfToken: 'csrf-cookie-1',
      expiresAt: T0 + 30 * MIN,
      createdAt: T0 + MIN,
    });
    expect(store.browserSessions.byTokenHash(tokenHash('cookie-1'))).toEqual(s);
    expect(store.browserSessions.byTokenHash(tokenHash('cookie-2'))).toBeNull();
    expect(Object.keys(s)).not.toContain('tokenHash');
  });

  it('keeps a session with no participant and no link', () => {
    const s = store.browserSessions.create(
      session('fac', { userId: 'U-FAC', participantId: null, purpose: 'dashboard', linkId: null }),
      T0,
    );
    expect(store.browserSessions.byTokenHash(tokenHash('fac'))).toEqual({
      ...s,
      userId: 'U-FAC',
      participantId: null,
      purpose: 'dashboard',
      linkId: null,
    });
  });

  it('refuses a second session with the same token hash', () => {
    const first = store.browserSessions.create(session('same'), T0);
    expect(() => store.browserSessions.create(session('same', { csrfToken: 'other' }), T0)).toThrow(/UNIQUE/);
    expect(rowCount()).toBe(1);
    expect(store.browserSessions.byTokenHash(tokenHash('same'))).toEqual(first);
  });

  it('deletes one session, and does nothing for an unknown id', () => {
    const a = store.browserSessions.create(session('a'), T0);
    const b = store.browserSessions.create(session('b'), T0);
    store.browserSessions.delete(a.id);
    expect(store.browserSessions.byTokenHash(tokenHash('a'))).toBeNull();
    expect(store.browserSessions.byTokenHash(tokenHash('b'))).toEqual(b);
    expect(() => store.browserSessions.delete(404)).not.toThrow();
    expect(rowCount()).toBe(1);
  });

  it('deletes sessions expired at or before now, and only those', () => {
    store.browserSessions.create(session('before', { expiresAt: T0 - 1 }), T0 - 60 * MIN);
    store.browserSessions.create(session('exactly', { expiresAt: T0 }), T0 - 60 * MIN);
    const live = store.browserSessions.create(session('after', { expiresAt: T0 + 1 }), T0 - 60 * MIN);
    expect(store.browserSessions.deleteExpired(T0)).toBe(2);
    expect(store.browserSessions.byTokenHash(tokenHash('before'))).toBeNull();
    expect(store.browserSessions.byTokenHash(tokenHash('exactly'))).toBeNull();
    expect(store.browserSessions.byTokenHash(tokenHash('after'))).toEqual(live);
    expect(store.browserSessions.deleteExpired(T0)).toBe(0);
  });

  it('goes when the link it was opened from is deleted', () => {
    store.browserSessions.create(session('from-link'), T0);
    const unlinked = store.browserSessions.create(session('no-link', { linkId: null }), T0);
    store.db.prepare('DELETE FROM links WHERE id = ?').run(link.id);
    expect(store.browserSessions.byTokenHash(tokenHash('from-link'))).toBeNull();
    expect(store.browserSessions.byTokenHash(tokenHash('no-link'))).toEqual(unlinked);
  });

  it('refuses an unknown purpose, link or participant', () => {
    const bad = session('x', { purpose: 'root' as unknown as NewBrowserSession['purpose'] });
    expect(() => store.browserSessions.create(bad, T0)).toThrow(/CHECK constraint/);
    expect(() => store.browserSessions.create(session('y', { linkId: 999 }), T0)).toThrow(/FOREIGN KEY/);
    expect(() => store.browserSessions.create(session('z', { participantId: 999 }), T0)).toThrow(
      /FOREIGN KEY/,
    );
    expect(rowCount()).toBe(0);
  });
});
