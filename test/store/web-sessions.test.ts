import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Link, Participant } from '../../src/domain/entities.js';
import type { NewWebSession } from '../../src/ports/store.js';
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

const session = (token: string, over: Partial<NewWebSession> = {}): NewWebSession => ({
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
    const s = store.webSessions.create(session('cookie-1'), T0 + MIN);
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
    expect(store.webSessions.byTokenHash(tokenHash('cookie-1'))).toEqual(s);
    expect(store.webSessions.byTokenHash(tokenHash('cookie-2'))).toBeNull();
    expect(Object.keys(s)).not.toContain('tokenHash');
  });

  it('keeps a session with no participant and no link', () => {
    const s = store.webSessions.create(
      session('fac', { userId: 'U-FAC', participantId: null, purpose: 'dashboard', linkId: null }),
      T0,
    );
    expect(store.webSessions.byTokenHash(tokenHash('fac'))).toEqual({
      ...s,
      userId: 'U-FAC',
      participantId: null,
      purpose: 'dashboard',
      linkId: null,
    });
  });

  it('refuses a second session with the same token hash', () => {
    const first = store.webSessions.create(session('same'), T0);
    expect(() => store.webSessions.create(session('same', { csrfToken: 'other' }), T0)).toThrow(/UNIQUE/);
    expect(rowCount()).toBe(1);
    expect(store.webSessions.byTokenHash(tokenHash('same'))).toEqual(first);
  });

  it('deletes one session, and does nothing for an unknown id', () => {
    const a = store.webSessions.create(session('a'), T0);
    const b = store.webSessions.create(session('b'), T0);
    store.webSessions.delete(a.id);
    expect(store.webSessions.byTokenHash(tokenHash('a'))).toBeNull();
    expect(store.webSessions.byTokenHash(tokenHash('b'))).toEqual(b);
    expect(() => store.webSessions.delete(404)).not.toThrow();
    expect(rowCount()).toBe(1);
  });

  it('deletes sessions expired at or before now, and only those', () => {
    store.webSessions.create(session('before', { expiresAt: T0 - 1 }), T0 - 60 * MIN);
    store.webSessions.create(session('exactly', { expiresAt: T0 }), T0 - 60 * MIN);
    const live = store.webSessions.create(session('after', { expiresAt: T0 + 1 }), T0 - 60 * MIN);
    expect(store.webSessions.deleteExpired(T0)).toBe(2);
    expect(store.webSessions.byTokenHash(tokenHash('before'))).toBeNull();
    expect(store.webSessions.byTokenHash(tokenHash('exactly'))).toBeNull();
    expect(store.webSessions.byTokenHash(tokenHash('after'))).toEqual(live);
    expect(store.webSessions.deleteExpired(T0)).toBe(0);
  });

  it('goes when the link it was opened from is deleted', () => {
    store.webSessions.create(session('from-link'), T0);
    const unlinked = store.webSessions.create(session('no-link', { linkId: null }), T0);
    store.db.prepare('DELETE FROM links WHERE id = ?').run(link.id);
    expect(store.webSessions.byTokenHash(tokenHash('from-link'))).toBeNull();
    expect(store.webSessions.byTokenHash(tokenHash('no-link'))).toEqual(unlinked);
  });

  it('refuses an unknown purpose, link or participant', () => {
    const bad = session('x', { purpose: 'root' as unknown as NewWebSession['purpose'] });
    expect(() => store.webSessions.create(bad, T0)).toThrow(/CHECK constraint/);
    expect(() => store.webSessions.create(session('y', { linkId: 999 }), T0)).toThrow(/FOREIGN KEY/);
    expect(() => store.webSessions.create(session('z', { participantId: 999 }), T0)).toThrow(/FOREIGN KEY/);
    expect(rowCount()).toBe(0);
  });
});
