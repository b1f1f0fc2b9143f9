import { describe, expect, it } from 'vitest';
import { phaseOn } from '../../src/domain/phase.js';
import { choosePrompt, hashSeed } from '../../src/domain/prompt-rotation.js';
import { BODY_CHECK_THEME, PROMPT_THEMES, PROMPTS, promptById } from '../../src/domain/prompts/index.js';
import type { Phase } from '../../src/domain/types.js';

const PREFIX: Record<Phase, string> = {
  'session-day': 'ses',
  integration: 'int',
  preparation: 'prp',
  maintenance: 'mnt',
  'booster-due': 'bst',
};
const PHASES = Object.keys(PREFIX) as Phase[];
const all = PHASES.flatMap((phase) => PROMPTS[phase]);

/** Fixed calendar dates, `YYYY-MM-DD`, starting at 2025-01-01. */
function dates(n: number): string[] {
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10));
}

describe('prompt library', () => {
  it('covers every phase with at least 12 prompts', () => {
    expect(Object.keys(PROMPTS).sort()).toEqual([...PHASES].sort());
    for (const phase of PHASES) expect(PROMPTS[phase].length, phase).toBeGreaterThanOrEqual(12);
  });

  it('has unique ids, each carrying its phase prefix and a two-digit number', () => {
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    for (const phase of PHASES) {
      for (const p of PROMPTS[phase]) {
        expect(p.phase, p.id).toBe(phase);
        expect(p.id).toMatch(new RegExp(`^${PREFIX[phase]}-\\d{2}$`));
      }
    }
  });

  it('keeps every text non-empty, trimmed and under 200 characters', () => {
    for (const p of all) {
      expect(p.text.trim(), p.id).toBe(p.text);
      expect(p.text.length, p.id).toBeGreaterThan(0);
      expect(p.text.length, p.id).toBeLessThan(200);
    }
  });

  it('never repeats a text, within or across phases', () => {
    const texts = all.map((p) => p.text.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('uses only the known themes', () => {
    const themes: readonly string[] = PROMPT_THEMES;
    for (const p of all) expect(themes, p.id).toContain(p.theme);
  });

  it('has gentle body checks among the integration prompts, and only there', () => {
    const bodyChecks = all.filter((p) => p.theme === BODY_CHECK_THEME);
    expect(bodyChecks.length).toBeGreaterThanOrEqual(2);
    for (const p of bodyChecks) expect(p.phase).toBe('integration');
    expect(bodyChecks.some((p) => /headache/.test(p.text))).toBe(true);
  });

  it('covers the preparation logistics: a ride home, time off, people who rely on you, who to tell', () => {
    const texts = PROMPTS.preparation.map((p) => p.text).join(' ');
    for (const word of ['home', 'time free', 'children', 'know about']) expect(texts).toContain(word);
  });

  it('never suggests changing treatment in the booster-due prompts', () => {
    for (const p of PROMPTS['booster-due']) {
      expect(p.text, p.id).not.toMatch(/dose|increase|decrease|stop|skip|medication|should/i);
    }
    expect(PROMPTS['booster-due'].some((p) => /clinician|care team/.test(p.text))).toBe(true);
  });

  it('finds a prompt by id, and nothing for an unknown id', () => {
    expect(promptById('int-04')?.phase).toBe('integration');
    expect(promptById('mnt-01')?.text).toBe(PROMPTS.maintenance[0]?.text);
    expect(promptById('int-99')).toBeUndefined();
    expect(promptById('')).toBeUndefined();
  });
});

describe('choosePrompt', () => {
  it.each(PHASES)('never repeats a %s prompt within 7 days over 60 consecutive days', (phase) => {
    const shown: string[] = [];
    for (const day of dates(60)) {
      const recent = shown.slice(-7);
      const p = choosePrompt(phase, recent, `p-42:${day}`);
      expect(p.phase).toBe(phase);
      expect(recent).not.toContain(p.id);
      shown.push(p.id);
    }
    for (let i = 0; i + 7 <= shown.length; i++) {
      const window = shown.slice(i, i + 7);
      expect(new Set(window).size, `days ${i}..${i + 6}`).toBe(7);
    }
    // Rotation should reach well beyond the first handful of prompts over two months.
    expect(new Set(shown).size).toBeGreaterThanOrEqual(10);
  });

  it('is deterministic for a seed, so opening the form twice in a day shows the same prompt', () => {
    const recent = ['mnt-01', 'mnt-05'];
    const first = choosePrompt('maintenance', recent, 'p-7:2025-03-10');
    const again = choosePrompt('maintenance', [...recent], 'p-7:2025-03-10');
    expect(again).toBe(first);
    expect(hashSeed('p-7:2025-03-10')).toBe(hashSeed('p-7:2025-03-10'));
  });

  it('varies between people and between days', () => {
    const byPerson = new Set(
      Array.from({ length: 20 }, (_, i) => choosePrompt('maintenance', [], `p-${i}:2025-03-10`).id),
    );
    const byDay = new Set(dates(20).map((d) => choosePrompt('maintenance', [], `p-1:${d}`).id));
    expect(byPerson.size).toBeGreaterThan(5);
    expect(byDay.size).toBeGreaterThan(5);
  });

  it('falls back to a deterministic prompt of the phase when every one was shown recently', () => {
    const everyId = PROMPTS.preparation.map((p) => p.id);
    const p = choosePrompt('preparation', everyId, 'p-3:2025-04-01');
    expect(p.phase).toBe('preparation');
    expect(choosePrompt('preparation', everyId, 'p-3:2025-04-01')).toBe(p);
  });

  it('returns the one prompt left when all but one were shown', () => {
    const [kept, ...rest] = PROMPTS.integration;
    const p = choosePrompt(
      'integration',
      rest.map((x) => x.id),
      'p-3:2025-04-01',
    );
    expect(p).toBe(kept);
  });

  it('ignores ids from other phases in the recent list', () => {
    const p = choosePrompt('session-day', ['mnt-01', 'int-02'], 'p-9:2025-04-01');
    expect(p.phase).toBe('session-day');
  });

  it('prefers a body check on integration days 1 and 2, and not on day 3', () => {
    const sessions = [{ date: '2025-03-10', status: 'done' as const }];
    const opts = { boosterIntervalDays: 42 };
    const day1 = phaseOn('2025-03-11', sessions, opts);
    const day2 = phaseOn('2025-03-12', sessions, opts);
    const day3 = phaseOn('2025-03-13', sessions, opts);

    const first = choosePrompt('integration', [], 'p-5:2025-03-11', day1);
    const second = choosePrompt('integration', [first.id], 'p-5:2025-03-12', day2);
    expect(first.theme).toBe(BODY_CHECK_THEME);
    expect(second.theme).toBe(BODY_CHECK_THEME);
    expect(second.id).not.toBe(first.id);

    // Across many seeds, day 3 draws from the whole integration set, not just body checks.
    const day3Themes = new Set(
      Array.from(
        { length: 30 },
        (_, i) => choosePrompt('integration', [first.id, second.id], `p-${i}:2025-03-13`, day3).theme,
      ),
    );
    expect([...day3Themes].some((t) => t !== BODY_CHECK_THEME)).toBe(true);
  });

  it('moves on from body checks once they have all been shown', () => {
    const sessions = [{ date: '2025-03-10', status: 'done' as const }];
    const day1 = phaseOn('2025-03-11', sessions, { boosterIntervalDays: 42 });
    const bodyCheckIds = PROMPTS.integration.filter((p) => p.theme === BODY_CHECK_THEME).map((p) => p.id);
    const p = choosePrompt('integration', bodyCheckIds, 'p-5:2025-03-11', day1);
    expect(p.phase).toBe('integration');
    expect(p.theme).not.toBe(BODY_CHECK_THEME);
  });

  it('keeps each seed hash and prompt fixed, so a release cannot reshuffle what people are shown', () => {
    // Values checked against an independent FNV-1a + murmur3-finaliser computation.
    expect(hashSeed('')).toBe(2872998923);
    expect(hashSeed('a')).toBe(444641715);
    expect(hashSeed('p-1:2025-01-01')).toBe(3625592901);
    expect(choosePrompt('maintenance', [], 'p-1:2025-01-01').id).toBe('mnt-08');
  });
});
