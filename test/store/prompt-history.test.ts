import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../src/store/open-store.js';
import { type TempStore, tempStore } from '../helpers/temp-store.js';
import { enrol } from './seed.js';

let t: TempStore;
let store: SqliteStore;
beforeEach(() => {
  t = tempStore();
  store = t.store;
});
afterEach(() => t.cleanup());

describe('prompt history', () => {
  it('remembers the prompt chosen for a day', () => {
    const p = enrol(store, 'u1');
    expect(store.prompts.forDate(p.id, '2025-03-03')).toBeNull();
    store.prompts.record(p.id, '2025-03-03', 'integration.story.2');
    expect(store.prompts.forDate(p.id, '2025-03-03')).toBe('integration.story.2');
  });

  it('keeps the first choice of a day when asked to record another', () => {
    const p = enrol(store, 'u1');
    store.prompts.record(p.id, '2025-03-03', 'first');
    store.prompts.record(p.id, '2025-03-03', 'second');
    expect(store.prompts.forDate(p.id, '2025-03-03')).toBe('first');
    expect(store.db.prepare('SELECT COUNT(*) FROM prompt_history').pluck().get()).toBe(1);
  });

  it('lists prompts shown in an inclusive range, for that person only', () => {
    const p = enrol(store, 'u1');
    const q = enrol(store, 'u2');
    store.prompts.record(p.id, '2025-03-05', 'c');
    store.prompts.record(p.id, '2025-03-01', 'a');
    store.prompts.record(p.id, '2025-03-03', 'b');
    store.prompts.record(p.id, '2025-03-09', 'd');
    store.prompts.record(q.id, '2025-03-04', 'theirs');
    expect(store.prompts.shownBetween(p.id, '2025-03-01', '2025-03-05')).toEqual(['a', 'b', 'c']);
    expect(store.prompts.shownBetween(q.id, '2025-03-01', '2025-03-05')).toEqual(['theirs']);
  });
});
