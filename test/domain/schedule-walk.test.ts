import { describe, expect, it } from 'vitest';
import { addDays, inQuietHours, localDateOf, resolveLocal } from '../../src/domain/local-time.js';
import { type DueEvent, nextDue, type ScheduleState } from '../../src/domain/schedule.js';
import type { Instant, LocalDate, LocalTime, QuietHours } from '../../src/domain/types.js';
import { HOUR, MINUTE } from '../../src/domain/types.js';

const iso = (at: Instant): string => new Date(at).toISOString();
const opts = { followUpAfterHours: 3 };

const fresh = (
  zone: string,
  checkinTime: LocalTime,
  quietHours: QuietHours | null = null,
  followUp = true,
): ScheduleState => ({
  zone,
  checkinTime,
  quietHours,
  paused: false,
  pausedUntil: null,
  skipDates: [],
  snoozeUntil: null,
  followUp,
  unreachable: false,
  lastNudgeDate: null,
  lastNudgeAt: null,
  followUpHandledFor: null,
});

/** What the app does once a nudge has gone out. */
const processed = (s: ScheduleState, ev: DueEvent): ScheduleState => {
  if (ev.kind === 'checkin') return { ...s, lastNudgeDate: ev.localDate, lastNudgeAt: ev.at };
  if (ev.kind === 'followup') return { ...s, followUpHandledFor: ev.localDate };
  return { ...s, snoozeUntil: null };
};

/**
 * A planner that handles each due event and asks again from one minute after it, starting at local midnight of
 * `from`, until the first check-in on or after `until`.
 */
const walk = (start: ScheduleState, from: LocalDate, until: LocalDate): DueEvent[] => {
  let s = start;
  let now = resolveLocal(from, '00:00', s.zone);
  const events: DueEvent[] = [];
  for (let guard = 0; guard < 1000; guard++) {
    const ev = nextDue(s, now, opts);
    if (ev === null || (ev.kind === 'checkin' && ev.localDate >= until)) break;
    events.push(ev);
    s = processed(s, ev);
    now = ev.at + MINUTE;
  }
  return events;
};

const checkinsOn = (events: DueEvent[], date: LocalDate): string[] =>
  events.filter((e) => e.kind === 'checkin' && e.localDate === date).map((e) => iso(e.at));

/** The invariants every walk must keep, whatever the zone. */
const expectWellFormed = (events: DueEvent[], s: ScheduleState, from: LocalDate, days: number): void => {
  const checkins = events.filter((e) => e.kind === 'checkin');
  expect(checkins.map((e) => e.localDate)).toEqual(Array.from({ length: days }, (_, i) => addDays(from, i)));
  for (const e of checkins) expect(localDateOf(e.at, s.zone)).toBe(e.localDate);
  for (let i = 1; i < events.length; i++) {
    expect(events[i]!.at).toBeGreaterThan(events[i - 1]!.at);
  }
  const followUps = events.filter((e) => e.kind === 'followup');
  expect(new Set(followUps.map((e) => e.localDate)).size).toBe(followUps.length);
  for (const f of followUps) {
    const checkin = checkins.find((c) => c.localDate === f.localDate);
    expect(f.at).toBe(checkin!.at + opts.followUpAfterHours * HOUR);
    expect(inQuietHours(f.at, s.zone, s.quietHours)).toBe(false);
  }
};

// zone, check-in time, first date of the 30-day walk, quiet hours, transition days with their expected instants.
const cases: Array<{
  name: string;
  s: ScheduleState;
  from: LocalDate;
  expected: Record<LocalDate, string>;
}> = [
  {
    name: 'New York spring-forward, 02:30 falls in the gap',
    s: fresh('America/New_York', '02:30'),
    from: '2026-02-25',
    expected: {
      '2026-03-07': '2026-03-07T07:30:00.000Z',
      '2026-03-08': '2026-03-08T07:00:00.000Z',
      '2026-03-09': '2026-03-09T06:30:00.000Z',
    },
  },
  {
    name: 'New York fall-back, 01:30 happens twice',
    s: fresh('America/New_York', '01:30'),
    from: '2026-10-20',
    expected: {
      '2026-10-31': '2026-10-31T05:30:00.000Z',
      '2026-11-01': '2026-11-01T05:30:00.000Z',
      '2026-11-02': '2026-11-02T06:30:00.000Z',
    },
  },
  {
    name: 'London spring-forward',
    s: fresh('Europe/London', '01:30'),
    from: '2026-03-20',
    expected: {
      '2026-03-28': '2026-03-28T01:30:00.000Z',
      '2026-03-29': '2026-03-29T01:00:00.000Z',
      '2026-03-30': '2026-03-30T00:30:00.000Z',
    },
  },
  {
    name: 'London fall-back',
    s: fresh('Europe/London', '01:30'),
    from: '2026-10-15',
    expected: {
      '2026-10-24': '2026-10-24T00:30:00.000Z',
      '2026-10-25': '2026-10-25T00:30:00.000Z',
      '2026-10-26': '2026-10-26T01:30:00.000Z',
    },
  },
  {
    name: 'Lord Howe 30-minute spring-forward',
    s: fresh('Australia/Lord_Howe', '02:15'),
    from: '2026-09-25',
    expected: {
      '2026-10-03': '2026-10-02T15:45:00.000Z',
      '2026-10-04': '2026-10-03T15:30:00.000Z',
      '2026-10-05': '2026-10-04T15:15:00.000Z',
    },
  },
  {
    name: 'Lord Howe 30-minute fall-back',
    s: fresh('Australia/Lord_Howe', '01:45'),
    from: '2026-03-28',
    expected: {
      '2026-04-04': '2026-04-03T14:45:00.000Z',
      '2026-04-05': '2026-04-04T14:45:00.000Z',
      '2026-04-06': '2026-04-05T15:15:00.000Z',
    },
  },
  {
    name: 'Kathmandu (+05:45) with night quiet hours',
    s: fresh('Asia/Kathmandu', '08:00', { start: '22:00', end: '07:00' }),
    from: '2026-05-01',
    expected: { '2026-05-01': '2026-05-01T02:15:00.000Z', '2026-05-30': '2026-05-30T02:15:00.000Z' },
  },
  {
    name: 'Kiritimati (+14), local date a day ahead of UTC',
    s: fresh('Pacific/Kiritimati', '01:00'),
    from: '2026-11-10',
    expected: { '2026-11-21': '2026-11-20T11:00:00.000Z' },
  },
  {
    name: 'Kiritimati late evening with quiet hours that drop every follow-up',
    s: fresh('Pacific/Kiritimati', '21:00', { start: '23:00', end: '08:00' }),
    from: '2026-11-10',
    expected: { '2026-11-21': '2026-11-21T07:00:00.000Z' },
  },
];

describe('walking the schedule for 30 days', () => {
  it.each(cases)('$name: one check-in per local date, in order, none skipped', ({ s, from, expected }) => {
    const events = walk(s, from, addDays(from, 30));
    expectWellFormed(events, s, from, 30);
    for (const [date, instant] of Object.entries(expected))
      expect(checkinsOn(events, date)).toEqual([instant]);
  });

  it('sends one follow-up a day when nothing drops it', () => {
    const events = walk(
      fresh('Asia/Kathmandu', '08:00', { start: '22:00', end: '07:00' }),
      '2026-05-01',
      '2026-05-31',
    );
    const followUps = events.filter((e) => e.kind === 'followup');
    expect(followUps).toHaveLength(30);
    expect(iso(followUps[0]!.at)).toBe('2026-05-01T05:15:00.000Z');
  });

  it('sends no follow-up when quiet hours cover it', () => {
    const s = fresh('Pacific/Kiritimati', '21:00', { start: '23:00', end: '08:00' });
    const events = walk(s, '2026-11-10', '2026-12-10');
    expect(events.filter((e) => e.kind === 'followup')).toEqual([]);
    expect(events).toHaveLength(30);
  });

  it('follows up 3 hours after the gap-shifted check-in on spring-forward day', () => {
    const events = walk(fresh('America/New_York', '02:30'), '2026-03-07', '2026-03-10');
    expect(events.filter((e) => e.localDate === '2026-03-08').map((e) => [e.kind, iso(e.at)])).toEqual([
      ['checkin', '2026-03-08T07:00:00.000Z'],
      ['followup', '2026-03-08T10:00:00.000Z'],
    ]);
  });
});

/** A cron-like planner: every minute, handle the stored next event if it is due, then store the next one. */
const poll = (start: ScheduleState, from: Instant, to: Instant): DueEvent[] => {
  let s = start;
  let stored = nextDue(s, from, opts);
  const handled: DueEvent[] = [];
  for (let tick = from; tick <= to; tick += MINUTE) {
    if (stored !== null && stored.at <= tick) {
      handled.push(stored);
      s = processed(s, stored);
      stored = nextDue(s, tick, opts);
    }
  }
  return handled;
};

describe('a minute-by-minute planner across transition days', () => {
  it('fires the New York 01:30 check-in once on fall-back day, at the earlier 01:30', () => {
    const s = fresh('America/New_York', '01:30', null, false);
    const handled = poll(s, Date.parse('2026-10-31T12:00:00Z'), Date.parse('2026-11-02T12:00:00Z'));
    expect(handled.map((e) => [e.localDate, iso(e.at)])).toEqual([
      ['2026-11-01', '2026-11-01T05:30:00.000Z'],
      ['2026-11-02', '2026-11-02T06:30:00.000Z'],
    ]);
  });

  it('fires the New York 02:30 check-in once on spring-forward day, at 03:00 EDT', () => {
    const s = fresh('America/New_York', '02:30', null, false);
    const handled = poll(s, Date.parse('2026-03-07T12:00:00Z'), Date.parse('2026-03-09T12:00:00Z'));
    expect(handled.map((e) => [e.localDate, iso(e.at)])).toEqual([
      ['2026-03-08', '2026-03-08T07:00:00.000Z'],
      ['2026-03-09', '2026-03-09T06:30:00.000Z'],
    ]);
  });

  it('never offers the second 01:30 of fall-back day once the first was sent', () => {
    const s = { ...fresh('America/New_York', '01:30', null, false), lastNudgeDate: '2026-11-01' };
    const lastNudgeAt = Date.parse('2026-11-01T05:30:00Z');
    for (let now = lastNudgeAt; now < Date.parse('2026-11-02T05:00:00Z'); now += 15 * MINUTE) {
      expect(nextDue({ ...s, lastNudgeAt }, now, opts)?.localDate).toBe('2026-11-02');
    }
  });
});
