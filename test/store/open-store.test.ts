import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { type TempStore, tempStore } from '../helpers/temp-store.js';
import { enrol, T0 } from './seed.js';

let t: TempStore | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

describe('openStore', () => {
  it('sets WAL, foreign keys, secure delete, a busy timeout and NORMAL sync', () => {
    t = tempStore();
    const { db } = t.store;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it.each([0, 31, 33])('refuses a %i-byte key before creating any file', (length) => {
    const dir = mkdtempSync(join(tmpdir(), 'interlude-key-'));
    try {
      const file = join(dir, 'sub', 'x.db');
      expect(() => openStore({ file, key: Buffer.alloc(length) })).toThrow(/must be exactly 32 bytes/);
      expect(existsSync(join(dir, 'sub'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('enforces foreign keys: a check-in for nobody is refused', () => {
    t = tempStore();
    const answers = { mood: 5, sleep: 3, energy: 3, anxiety: 3, reflection: null, tags: [] };
    expect(() => t?.store.checkins.add(999, '2025-03-03', answers, null, 'console', T0)).toThrow(
      /FOREIGN KEY/,
    );
  });

  it('close is safe to call twice', () => {
    t = tempStore();
    t.store.close();
    expect(() => t?.store.close()).not.toThrow();
    expect(t.store.db.open).toBe(false);
  });
});

describe('store.transaction', () => {
  it('returns the value and keeps every write', () => {
    t = tempStore();
    const store = t.store;
    const id = store.transaction(() => {
      const p = enrol(store, 'u1');
      store.journal.add(p.id, '2025-03-03', 'one', T0);
      return p.id;
    });
    expect(store.journal.all(id)).toHaveLength(1);
  });

  it('keeps none of the writes when the function throws', () => {
    t = tempStore();
    const store = t.store;
    expect(() =>
      store.transaction(() => {
        enrol(store, 'u1');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(store.participants.count()).toBe(0);
  });

  it('nests: an inner failure caught by the outer function undoes only the inner writes', () => {
    t = tempStore();
    const store = t.store;
    const p = enrol(store, 'u1');
    store.transaction(() => {
      store.journal.add(p.id, '2025-03-03', 'outer before', T0);
      try {
        store.transaction(() => {
          store.journal.add(p.id, '2025-03-03', 'inner', T0);
          throw new Error('inner fails');
        });
      } catch {
        // expected: the outer use case decides to carry on
      }
      store.transaction(() => store.journal.add(p.id, '2025-03-03', 'inner ok', T0));
      store.journal.add(p.id, '2025-03-03', 'outer after', T0);
    });
    expect(store.journal.all(p.id).map((e) => e.text)).toEqual(['outer before', 'inner ok', 'outer after']);
  });

  it('nests: an outer failure undoes the inner writes too', () => {
    t = tempStore();
    const store = t.store;
    const p = enrol(store, 'u1');
    expect(() =>
      store.transaction(() => {
        store.transaction(() => store.journal.add(p.id, '2025-03-03', 'inner', T0));
        throw new Error('outer fails');
      }),
    ).toThrow('outer fails');
    expect(store.journal.all(p.id)).toEqual([]);
  });
});
