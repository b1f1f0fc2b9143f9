import { describe, expect, it } from 'vitest';
import { type PhaseInfo, phaseOn, type SessionDate } from '../../src/domain/phase.js';

const opts = { boosterIntervalDays: 42 };
const done = (date: string): SessionDate => ({ date, status: 'done' });
const planned = (date: string): SessionDate => ({ date, status: 'planned' });

describe('phaseOn', () => {
  it('is maintenance with nothing known when no session was ever logged', () => {
    expect(phaseOn('2025-03-10', [], opts)).toEqual<PhaseInfo>({
      phase: 'maintenance',
      lastSession: null,
      nextSession: null,
      daysSinceLast: null,
      daysUntilNext: null,
      integrationDay: null,
      awaitingConfirmation: null,
    });
  });

  describe('after a session', () => {
    const sessions = [done('2025-03-10')];

    it('is session-day on the day itself (day 0)', () => {
      const info = phaseOn('2025-03-10', sessions, opts);
      expect(info.phase).toBe('session-day');
      expect(info.daysSinceLast).toBe(0);
      expect(info.lastSession).toBe('2025-03-10');
      expect(info.integrationDay).toBeNull();
    });

    it('is integration day 1 the day after', () => {
      const info = phaseOn('2025-03-11', sessions, opts);
      expect(info.phase).toBe('integration');
      expect(info.integrationDay).toBe(1);
      expect(info.daysSinceLast).toBe(1);
    });

    it('is integration day 3 three days after, the last day of the window', () => {
      const info = phaseOn('2025-03-13', sessions, opts);
      expect(info.phase).toBe('integration');
      expect(info.integrationDay).toBe(3);
    });

    it('is maintenance from day 4', () => {
      const info = phaseOn('2025-03-14', sessions, opts);
      expect(info.phase).toBe('maintenance');
      expect(info.daysSinceLast).toBe(4);
      expect(info.integrationDay).toBeNull();
    });

    it('counts days across a month end and a leap day', () => {
      const info = phaseOn('2024-03-01', [done('2024-02-28')], opts);
      expect(info.phase).toBe('integration');
      expect(info.integrationDay).toBe(2);
    });

    it('counts days across a DST change as whole calendar days', () => {
      // 2025-03-09 is the US spring-forward day; local dates must not lose or gain a day over it.
      const info = phaseOn('2025-03-12', [done('2025-03-08')], opts);
      expect(info.daysSinceLast).toBe(4);
      expect(info.phase).toBe('maintenance');
    });
  });

  describe('before a session', () => {
    const sessions = [planned('2025-04-10')];

    it('is preparation 3 days before', () => {
      const info = phaseOn('2025-04-07', sessions, opts);
      expect(info.phase).toBe('preparation');
      expect(info.daysUntilNext).toBe(3);
      expect(info.nextSession).toBe('2025-04-10');
    });

    it('is preparation 1 day before', () => {
      expect(phaseOn('2025-04-09', sessions, opts).phase).toBe('preparation');
    });

    it('is maintenance 4 days before', () => {
      const info = phaseOn('2025-04-06', sessions, opts);
      expect(info.phase).toBe('maintenance');
      expect(info.daysUntilNext).toBe(4);
    });

    it('picks the earliest upcoming session as the next one, whatever the order given', () => {
      const info = phaseOn('2025-04-01', [planned('2025-05-01'), planned('2025-04-03')], opts);
      expect(info.nextSession).toBe('2025-04-03');
      expect(info.daysUntilNext).toBe(2);
      expect(info.phase).toBe('preparation');
    });

    it('treats a future date as upcoming even when it is marked done', () => {
      const info = phaseOn('2025-04-08', [done('2025-04-10')], opts);
      expect(info.lastSession).toBeNull();
      expect(info.nextSession).toBe('2025-04-10');
      expect(info.phase).toBe('preparation');
    });
  });

  // Issue 11: a planned date is only a plan. It counts once the person confirms it took place (status done).
  describe('planned sessions whose day has come', () => {
    it('keeps a planned session today as the next one (day-of preparation), not session-day, and asks', () => {
      const info = phaseOn('2025-04-10', [planned('2025-04-10')], opts);
      expect(info.phase).toBe('preparation');
      expect(info.nextSession).toBe('2025-04-10');
      expect(info.daysUntilNext).toBe(0);
      expect(info.lastSession).toBeNull();
      expect(info.awaitingConfirmation).toBe('2025-04-10');
    });

    it('does not count an unconfirmed planned session that has passed (it may have been cancelled)', () => {
      const info = phaseOn('2025-04-12', [done('2025-03-01'), planned('2025-04-10')], opts);
      expect(info.lastSession).toBe('2025-03-01');
      expect(info.nextSession).toBeNull();
      expect(info.phase).toBe('maintenance');
      expect(info.awaitingConfirmation).toBe('2025-04-10');
    });

    it('counts it once confirmed: session-day on the day, integration after', () => {
      expect(phaseOn('2025-04-10', [done('2025-04-10')], opts).phase).toBe('session-day');
      const info = phaseOn('2025-04-12', [done('2025-03-01'), done('2025-04-10')], opts);
      expect([info.phase, info.integrationDay, info.awaitingConfirmation]).toEqual(['integration', 2, null]);
    });

    it('asks about the earliest unconfirmed one first', () => {
      const info = phaseOn('2025-04-12', [planned('2025-04-11'), planned('2025-04-09')], opts);
      expect(info.awaitingConfirmation).toBe('2025-04-09');
    });
  });

  describe('overlapping windows', () => {
    it('prefers session-day over integration when sessions are on consecutive days', () => {
      const info = phaseOn('2025-05-02', [done('2025-05-01'), done('2025-05-02')], opts);
      expect(info.phase).toBe('session-day');
      expect(info.lastSession).toBe('2025-05-02');
    });

    it('prefers session-day over preparation for the next session', () => {
      const info = phaseOn('2025-05-02', [done('2025-05-02'), planned('2025-05-04')], opts);
      expect(info.phase).toBe('session-day');
      expect(info.daysUntilNext).toBe(2);
    });

    it('prefers integration over preparation when sessions are close together', () => {
      const info = phaseOn('2025-05-03', [done('2025-05-01'), planned('2025-05-05')], opts);
      expect(info.phase).toBe('integration');
      expect(info.integrationDay).toBe(2);
      expect(info.daysUntilNext).toBe(2);
    });

    it('prefers integration over booster-due when the interval is shorter than the window', () => {
      const info = phaseOn('2025-05-04', [done('2025-05-01')], { boosterIntervalDays: 2 });
      expect(info.phase).toBe('integration');
      expect(info.integrationDay).toBe(3);
    });

    it('lets preparation win once integration is over', () => {
      const info = phaseOn('2025-05-05', [done('2025-05-01'), planned('2025-05-07')], opts);
      expect(info.phase).toBe('preparation');
    });

    it('is preparation, not booster-due, when a session is booked after a long gap', () => {
      const info = phaseOn('2025-06-30', [done('2025-05-01'), planned('2025-07-02')], opts);
      expect(info.daysSinceLast).toBe(60);
      expect(info.phase).toBe('preparation');
    });
  });

  describe('booster due', () => {
    const sessions = [done('2025-01-01')];

    it('is maintenance when the interval has exactly passed', () => {
      const info = phaseOn('2025-02-12', sessions, opts);
      expect(info.daysSinceLast).toBe(42);
      expect(info.phase).toBe('maintenance');
    });

    it('is booster-due one day past the interval', () => {
      const info = phaseOn('2025-02-13', sessions, opts);
      expect(info.daysSinceLast).toBe(43);
      expect(info.phase).toBe('booster-due');
    });

    it('follows the clinic interval rather than a fixed one', () => {
      expect(phaseOn('2025-02-13', sessions, { boosterIntervalDays: 90 }).phase).toBe('maintenance');
      expect(phaseOn('2025-01-30', sessions, { boosterIntervalDays: 28 }).phase).toBe('booster-due');
    });

    it('is not booster-due while a later session is booked, however far off', () => {
      const info = phaseOn('2025-03-01', [...sessions, planned('2025-04-01')], opts);
      expect(info.phase).toBe('maintenance');
      expect(info.daysUntilNext).toBe(31);
    });
  });

  it('rejects a malformed or impossible date', () => {
    expect(() => phaseOn('2025-3-1', [], opts)).toThrow(RangeError);
    expect(() => phaseOn('2025-03-01', [done('2025-02-30')], opts)).toThrow(RangeError);
  });
});
