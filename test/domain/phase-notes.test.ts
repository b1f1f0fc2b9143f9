import { describe, expect, it } from 'vitest';
import { type PhaseInfo, phaseOn } from '../../src/domain/phase.js';
import { phaseNote } from '../../src/views/phase-notes.js';

const opts = { boosterIntervalDays: 42 };
// Past dates are sessions that took place (done); later ones are planned.
const on = (today: string, dates: string[]): PhaseInfo =>
  phaseOn(
    today,
    dates.map((date) => ({ date, status: date <= today ? 'done' : 'planned' })),
    opts,
  );

describe('phaseNote', () => {
  it('gives the session-day safety note: no driving until after a full night of sleep, water, food, rest', () => {
    const note = phaseNote(on('2025-03-10', ['2025-03-10']));
    expect(note).toMatch(/do not drive or operate machinery/);
    expect(note).toMatch(/full night of sleep/);
    expect(note).toMatch(/water/);
    expect(note).toMatch(/rest/);
  });

  it('says on integration days 1 and 2 that feeling off is normal and to tell the care team', () => {
    for (const today of ['2025-03-11', '2025-03-12']) {
      const note = phaseNote(on(today, ['2025-03-10']));
      expect(note).toMatch(/normal/);
      expect(note).toMatch(/care team/);
    }
  });

  it('gives a lighter note on integration day 3', () => {
    const note = phaseNote(on('2025-03-13', ['2025-03-10']));
    expect(note).toMatch(/these first days/i);
    expect(note).not.toMatch(/care team/);
  });

  it('lists the logistics and invites an intention before a session', () => {
    const note = phaseNote(on('2025-03-07', ['2025-03-10']));
    expect(note).toMatch(/in 3 days/);
    for (const item of ['ride home', 'time off', 'childcare', 'tell', 'intention']) {
      expect(note).toContain(item);
    }
    expect(phaseNote(on('2025-03-09', ['2025-03-10']))).toMatch(/tomorrow/);
  });

  it('points toward the clinician when a booster is due, without suggesting a change', () => {
    const note = phaseNote(on('2025-06-01', ['2025-03-10']));
    expect(note).toMatch(/clinician/);
    expect(note).not.toMatch(/dose|stop|increase|decrease|medication/i);
  });

  it('has no note in maintenance', () => {
    expect(phaseNote(on('2025-03-20', ['2025-03-10']))).toBeNull();
    expect(phaseNote(on('2025-03-20', []))).toBeNull();
  });
});
