import { describe, expect, it } from 'vitest';
import type { Participant } from '../../src/domain/entities.js';
import { nextDue, type ScheduleState, snoozeTarget } from '../../src/domain/schedule.js';
import { HOUR, MINUTE } from '../../src/domain/types.js';

const iso = (at: number | undefined): string | undefined =>
  at === undefined ? undefined : new Date(at).toISOString();
const at = (s: string): number => Date.parse(s);
const opts = { followUpAfterHours: 3 };

/** A New York participant with a 09:00 check-in (13:00Z in summer) and nothing else going on. */
const state = (over: Partial<ScheduleState> = {}): ScheduleState => ({
  zone: 'America/New_York',
  checkinTime: '09:00',
  quietHours: { start: '22:00', end: '07:00' },
  paused: false,
  pausedUntil: null,
  skipDates: [],
  snoozeUntil: null,
  followUp: false,
  unreachable: false,
  lastNudgeDate: null,
  lastNudgeAt: null,
  followUpHandledFor: null,
  ...over,
});

// 08:00 in New York on Monday 2026-06-01.
const morning = at('2026-06-01T12:00:00Z');
// Today's 09:00 check-in, already sent.
const sentToday = { lastNudgeDate: '2026-06-01', lastNudgeAt: at('2026-06-01T13:00:00Z') };

describe('nextDue: check-ins', () => {
  it('is today’s check-in when its time is still ahead', () => {
    expect(nextDue(state(), morning, opts)).toEqual({
      kind: 'checkin',
      at: at('2026-06-01T13:00:00Z'),
      localDate: '2026-06-01',
    });
  });

  it('counts a check-in due exactly now as still ahead', () => {
    expect(iso(nextDue(state(), at('2026-06-01T13:00:00Z'), opts)?.at)).toBe('2026-06-01T13:00:00.000Z');
  });

  it('is tomorrow’s once today’s time has passed', () => {
    const due = nextDue(state(), at('2026-06-01T13:01:00Z'), opts);
    expect(due?.localDate).toBe('2026-06-02');
    expect(iso(due?.at)).toBe('2026-06-02T13:00:00.000Z');
  });

  it('never nudges twice on a date, even before that day’s time', () => {
    const due = nextDue(state(sentToday), morning, opts);
    expect(due?.localDate).toBe('2026-06-02');
  });

  it('uses the person’s own offset: Kathmandu 08:00 is 02:15Z', () => {
    const due = nextDue(state({ zone: 'Asia/Kathmandu', checkinTime: '08:00' }), morning, opts);
    expect(due).toEqual({ kind: 'checkin', at: at('2026-06-02T02:15:00Z'), localDate: '2026-06-02' });
  });

  it('uses the person’s own date: Kiritimati is a day ahead of UTC', () => {
    const s = state({ zone: 'Pacific/Kiritimati', checkinTime: '09:00' });
    const due = nextDue(s, at('2026-11-20T11:00:00Z'), opts);
    expect(due).toEqual({ kind: 'checkin', at: at('2026-11-20T19:00:00Z'), localDate: '2026-11-21' });
  });

  it('still schedules a check-in time that sits inside quiet hours (settings own that rule)', () => {
    const due = nextDue(state({ checkinTime: '23:00' }), morning, opts);
    expect(iso(due?.at)).toBe('2026-06-02T03:00:00.000Z');
  });

  it('skips the skip date and carries on the day after', () => {
    const due = nextDue(state({ skipDates: ['2026-06-01'] }), morning, opts);
    expect(due).toEqual({ kind: 'checkin', at: at('2026-06-02T13:00:00Z'), localDate: '2026-06-02' });
  });

  it('ignores an old skip date', () => {
    expect(nextDue(state({ skipDates: ['2026-05-31'] }), morning, opts)?.localDate).toBe('2026-06-01');
  });

  it('is nothing while unreachable', () => {
    expect(nextDue(state({ unreachable: true }), morning, opts)).toBeNull();
  });

  it('is nothing while paused until /resume', () => {
    expect(
      nextDue(
        state({ paused: true, snoozeUntil: morning + HOUR, ...sentToday, followUp: true }),
        morning,
        opts,
      ),
    ).toBeNull();
  });

  it('resumes on the pause’s end date itself', () => {
    const due = nextDue(state({ paused: true, pausedUntil: '2026-06-05' }), morning, opts);
    expect(due).toEqual({ kind: 'checkin', at: at('2026-06-05T13:00:00Z'), localDate: '2026-06-05' });
  });

  it('treats a pause whose end date has come as over', () => {
    expect(nextDue(state({ paused: true, pausedUntil: '2026-06-01' }), morning, opts)?.localDate).toBe(
      '2026-06-01',
    );
  });

  it('honours a skip on the day a pause ends', () => {
    const s = state({ paused: true, pausedUntil: '2026-06-05', skipDates: ['2026-06-05'] });
    expect(nextDue(s, morning, opts)?.localDate).toBe('2026-06-06');
  });

  it('gives up on a pause past the search horizon', () => {
    expect(nextDue(state({ paused: true, pausedUntil: '2028-01-01' }), morning, opts)).toBeNull();
  });
});

describe('nextDue: the one follow-up', () => {
  const withFollowUp = (over: Partial<ScheduleState> = {}) =>
    state({ followUp: true, ...sentToday, ...over });
  const afterNudge = at('2026-06-01T13:05:00Z');

  it('comes followUpAfterHours after the check-in nudge, for that date', () => {
    expect(nextDue(withFollowUp(), afterNudge, opts)).toEqual({
      kind: 'followup',
      at: at('2026-06-01T16:00:00Z'),
      localDate: '2026-06-01',
    });
  });

  it('is not sent to someone who turned follow-ups off', () => {
    expect(nextDue(withFollowUp({ followUp: false }), afterNudge, opts)?.kind).toBe('checkin');
  });

  it('is dropped once the check-in was answered (handled for that date)', () => {
    const due = nextDue(withFollowUp({ followUpHandledFor: '2026-06-01' }), afterNudge, opts);
    expect(due).toEqual({ kind: 'checkin', at: at('2026-06-02T13:00:00Z'), localDate: '2026-06-02' });
  });

  it('is not blocked by an older handled date', () => {
    expect(nextDue(withFollowUp({ followUpHandledFor: '2026-05-31' }), afterNudge, opts)?.kind).toBe(
      'followup',
    );
  });

  it('is dropped, not moved, when it would land in quiet hours', () => {
    // The 20:00 check-in of 2026-06-01 (00:00Z) + 3 h = 23:00 local, inside 22:00-07:00.
    const s = withFollowUp({ checkinTime: '20:00', lastNudgeAt: at('2026-06-02T00:00:00Z') });
    const due = nextDue(s, at('2026-06-02T00:01:00Z'), opts);
    expect(due).toEqual({ kind: 'checkin', at: at('2026-06-03T00:00:00Z'), localDate: '2026-06-02' });
    // The same nudge without quiet hours does get its follow-up.
    expect(iso(nextDue({ ...s, quietHours: null }, at('2026-06-02T00:01:00Z'), opts)?.at)).toBe(
      '2026-06-02T03:00:00.000Z',
    );
  });

  it('is kept when quiet hours do not cover it (a daytime span)', () => {
    const s = withFollowUp({ quietHours: { start: '12:30', end: '14:00' } });
    expect(iso(nextDue(s, afterNudge, opts)?.at)).toBe('2026-06-01T16:00:00.000Z');
    const covered = withFollowUp({ quietHours: { start: '11:00', end: '13:00' } });
    expect(nextDue(covered, afterNudge, opts)?.kind).toBe('checkin');
  });

  it('is dropped when it would fall at or after the next check-in', () => {
    expect(nextDue(withFollowUp(), afterNudge, { followUpAfterHours: 24 })?.kind).toBe('checkin');
    const justBefore = nextDue(withFollowUp(), afterNudge, { followUpAfterHours: 23 });
    expect(justBefore?.kind).toBe('followup');
    expect(iso(justBefore?.at)).toBe('2026-06-02T12:00:00.000Z');
  });

  it('is returned even when already past (the process was down); the planner judges lateness', () => {
    const due = nextDue(withFollowUp(), at('2026-06-01T20:00:00Z'), opts);
    expect(due).toEqual({ kind: 'followup', at: at('2026-06-01T16:00:00Z'), localDate: '2026-06-01' });
  });

  it('is not sent for a skipped or paused day', () => {
    expect(nextDue(withFollowUp({ skipDates: ['2026-06-01'] }), afterNudge, opts)?.kind).toBe('checkin');
    const paused = withFollowUp({ paused: true, pausedUntil: '2026-06-03' });
    expect(nextDue(paused, afterNudge, opts)).toEqual({
      kind: 'checkin',
      at: at('2026-06-03T13:00:00Z'),
      localDate: '2026-06-03',
    });
  });
});

describe('nextDue: snooze', () => {
  it('replaces the follow-up and comes at the snooze end, under the nudge’s date', () => {
    const s = state({ followUp: true, ...sentToday, snoozeUntil: at('2026-06-01T14:00:00Z') });
    expect(nextDue(s, at('2026-06-01T13:05:00Z'), opts)).toEqual({
      kind: 'snooze',
      at: at('2026-06-01T14:00:00Z'),
      localDate: '2026-06-01',
    });
  });

  it('takes its date from the person’s clock when no nudge was sent yet', () => {
    const s = state({
      zone: 'Pacific/Kiritimati',
      checkinTime: '20:00',
      snoozeUntil: at('2026-11-20T11:00:00Z'),
    });
    expect(nextDue(s, at('2026-11-20T10:30:00Z'), opts)).toEqual({
      kind: 'snooze',
      at: at('2026-11-20T11:00:00Z'),
      localDate: '2026-11-21',
    });
  });

  it('gives way to a skip taken after snoozing', () => {
    const s = state({ ...sentToday, snoozeUntil: at('2026-06-01T14:00:00Z'), skipDates: ['2026-06-01'] });
    expect(nextDue(s, at('2026-06-01T13:05:00Z'), opts)?.kind).toBe('checkin');
  });

  it('loses a tie to the check-in, so handling it first cannot step past that check-in', () => {
    const s = state({ snoozeUntil: at('2026-06-01T13:00:00Z') });
    expect(nextDue(s, morning, opts)?.kind).toBe('checkin');
  });
});

describe('snoozeTarget', () => {
  it('is now plus the minutes', () => {
    expect(snoozeTarget(state(), morning, 30)).toEqual({ at: morning + 30 * MINUTE });
  });

  it('refuses to end inside quiet hours, read on the person’s clock', () => {
    // 21:40 in New York; 30 minutes later is 22:10.
    const evening = at('2026-06-02T01:40:00Z');
    expect(snoozeTarget(state(), evening, 30)).toEqual({ refused: 'quiet-hours' });
    expect(snoozeTarget(state(), evening, 15)).toEqual({ at: evening + 15 * MINUTE });
    // 11:10 in Tokyo.
    expect(snoozeTarget(state({ zone: 'Asia/Tokyo' }), evening, 30)).toEqual({ at: evening + 30 * MINUTE });
  });

  it('allows any time when there are no quiet hours', () => {
    expect(snoozeTarget(state({ quietHours: null }), at('2026-06-02T03:00:00Z'), 60)).toEqual({
      at: at('2026-06-02T04:00:00Z'),
    });
  });
});

describe('a Participant record', () => {
  it('is a ScheduleState as it is', () => {
    const p: Participant = {
      ...state({ zone: 'Europe/London', checkinTime: '08:30' }),
      id: 1,
      spaceId: 1,
      platform: 'console',
      userId: 'sam',
      displayName: null,
      consentVersion: '1',
      consentAt: 0,
      shareWithFacilitator: false,
      dmChannelId: null,
      nextDueAt: null,
      nextDueKind: null,
      nextDueDate: null,
      createdAt: 0,
    };
    expect(iso(nextDue(p, morning, opts)?.at)).toBe('2026-06-02T07:30:00.000Z');
  });
});
