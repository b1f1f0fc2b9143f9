import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckinAnswers } from '../../src/domain/entities.js';
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

const answers = (over: Partial<CheckinAnswers> = {}): CheckinAnswers => ({
  mood: 6,
  sleep: 4,
  energy: 3,
  anxiety: 2,
  reflection: 'A quiet day.',
  tags: ['slept well', 'connected with someone'],
  ...over,
});

describe('checkins', () => {
  it('round-trips every field', () => {
    const p = enrol(store, 'u1');
    const c = store.checkins.add(p.id, '2025-03-03', answers(), 'maintenance.sleep.1', 'web', T0);
    expect(c).toEqual({
      id: c.id,
      participantId: p.id,
      localDate: '2025-03-03',
      ...answers(),
      promptId: 'maintenance.sleep.1',
      source: 'web',
      createdAt: T0,
    });
    expect(store.checkins.all(p.id)).toEqual([c]);
  });

  it('keeps a missing reflection, no tags and no prompt as they were', () => {
    const p = enrol(store, 'u1');
    const c = store.checkins.add(
      p.id,
      '2025-03-03',
      answers({ reflection: null, tags: [] }),
      null,
      'chat',
      T0,
    );
    expect(store.checkins.all(p.id)).toEqual([c]);
    expect(c).toMatchObject({ reflection: null, tags: [], promptId: null });
    const raw = store.db.prepare('SELECT reflection FROM checkins WHERE id = ?').pluck().get(c.id);
    expect(raw).toBeNull();
  });

  it.each(Object.entries(TRICKY_TEXTS))('stores a %s reflection and tags byte-exactly', (_name, text) => {
    const p = enrol(store, 'u1');
    const tags = [text, `tag:${text.slice(0, 20)}`];
    store.checkins.add(p.id, '2025-03-03', answers({ reflection: text, tags }), null, 'console', T0);
    const [back] = store.checkins.all(p.id);
    expect(back?.reflection).toBe(text);
    expect(back?.tags).toEqual(tags);
  });

  it('selects an inclusive date range, oldest first, for that person only', () => {
    const p = enrol(store, 'u1');
    const q = enrol(store, 'u2');
    for (const d of ['2025-03-05', '2025-03-01', '2025-03-03', '2025-03-08']) {
      store.checkins.add(p.id, d, answers(), null, 'web', T0);
    }
    store.checkins.add(q.id, '2025-03-04', answers(), null, 'web', T0);
    const dates = store.checkins.between(p.id, '2025-03-03', '2025-03-05').map((c) => c.localDate);
    expect(dates).toEqual(['2025-03-03', '2025-03-05']);
    expect(store.checkins.all(p.id).map((c) => c.localDate)).toEqual([
      '2025-03-01',
      '2025-03-03',
      '2025-03-05',
      '2025-03-08',
    ]);
  });

  it('knows whether someone checked in on a date', () => {
    const p = enrol(store, 'u1');
    const q = enrol(store, 'u2');
    store.checkins.add(p.id, '2025-03-03', answers(), null, 'web', T0 + MIN);
    expect(store.checkins.existsOn(p.id, '2025-03-03')).toBe(true);
    expect(store.checkins.existsOn(p.id, '2025-03-04')).toBe(false);
    expect(store.checkins.existsOn(q.id, '2025-03-03')).toBe(false);
  });

  it.each([
    ['mood', 0],
    ['mood', 11],
    ['sleep', 6],
    ['energy', 0],
    ['anxiety', 6],
  ] as const)('refuses %s = %i', (field, value) => {
    const p = enrol(store, 'u1');
    expect(() =>
      store.checkins.add(p.id, '2025-03-03', answers({ [field]: value }), null, 'web', T0),
    ).toThrow(/CHECK constraint/);
    expect(store.checkins.all(p.id)).toEqual([]);
  });

  it('refuses a reflection sealed for someone else', () => {
    const p = enrol(store, 'u1');
    const q = enrol(store, 'u2');
    store.checkins.add(p.id, '2025-03-03', answers(), null, 'web', T0);
    const theirs = store.checkins.add(
      q.id,
      '2025-03-03',
      answers({ reflection: 'not yours' }),
      null,
      'web',
      T0,
    );
    // Copy q's sealed reflection onto p's row, as someone editing the file might.
    store.db
      .prepare(
        'UPDATE checkins SET reflection = (SELECT reflection FROM checkins WHERE id = ?) WHERE participant_id = ?',
      )
      .run(theirs.id, p.id);
    expect(() => store.checkins.all(p.id)).toThrow(/authentication failed/);
  });
});
