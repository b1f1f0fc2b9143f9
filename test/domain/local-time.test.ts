import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  inQuietHours,
  isValidZone,
  localDateOf,
  localDateSchema,
  localTimeOf,
  localTimeSchema,
  quietHoursSchema,
  resolveLocal,
  timeInQuietHours,
  zoneSchema,
} from '../../src/domain/local-time.js';

const iso = (at: number): string => new Date(at).toISOString();
const at = (s: string): number => Date.parse(s);

describe('isValidZone', () => {
  it.each(['UTC', 'Etc/UTC', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'])(
    'accepts %s',
    (zone) => expect(isValidZone(zone)).toBe(true),
  );
  it.each(['', 'UTC+3', 'Mars/Base', '+03:00', 'America/New York', ' UTC', 'local'])('rejects "%s"', (zone) =>
    expect(isValidZone(zone)).toBe(false),
  );
});

describe('localDateOf and localTimeOf', () => {
  it('puts Kiritimati (+14) a calendar day ahead of UTC', () => {
    const t = at('2026-11-20T11:00:00Z');
    expect(localDateOf(t, 'Pacific/Kiritimati')).toBe('2026-11-21');
    expect(localTimeOf(t, 'Pacific/Kiritimati')).toBe('01:00');
    expect(localDateOf(t, 'UTC')).toBe('2026-11-20');
  });

  it('reads Kathmandu at +05:45', () => {
    expect(localTimeOf(at('2026-05-01T02:15:00Z'), 'Asia/Kathmandu')).toBe('08:00');
  });

  it('drops seconds rather than rounding', () => {
    expect(localTimeOf(at('2026-05-01T12:34:59.999Z'), 'UTC')).toBe('12:34');
  });

  it('reads both sides of a New York transition', () => {
    expect(localTimeOf(at('2026-03-08T06:59:00Z'), 'America/New_York')).toBe('01:59');
    expect(localTimeOf(at('2026-03-08T07:00:00Z'), 'America/New_York')).toBe('03:00');
    expect(localTimeOf(at('2026-11-01T05:30:00Z'), 'America/New_York')).toBe('01:30');
    expect(localTimeOf(at('2026-11-01T06:30:00Z'), 'America/New_York')).toBe('01:30');
  });

  it('throws on an unknown zone instead of guessing', () => {
    expect(() => localDateOf(0, 'Mars/Base')).toThrow(RangeError);
  });
});

describe('addDays and daysBetween', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-08', 0)).toBe('2026-03-08');
  });

  it('counts calendar days, not 24-hour spans', () => {
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-11-02', '2026-10-31')).toBe(-2);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('refuses a date that does not exist', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('resolveLocal', () => {
  it('resolves ordinary times', () => {
    expect(iso(resolveLocal('2026-06-01', '09:00', 'America/New_York'))).toBe('2026-06-01T13:00:00.000Z');
    expect(iso(resolveLocal('2026-05-01', '08:00', 'Asia/Kathmandu'))).toBe('2026-05-01T02:15:00.000Z');
    expect(iso(resolveLocal('2026-11-21', '01:00', 'Pacific/Kiritimati'))).toBe('2026-11-20T11:00:00.000Z');
  });

  it('moves a time in the New York spring-forward gap to the transition (03:00 EDT)', () => {
    for (const time of ['02:00', '02:30', '02:59', '03:00']) {
      expect(iso(resolveLocal('2026-03-08', time, 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
    }
    expect(iso(resolveLocal('2026-03-08', '01:59', 'America/New_York'))).toBe('2026-03-08T06:59:00.000Z');
  });

  it('takes the earlier of the two 01:30s when New York falls back', () => {
    expect(iso(resolveLocal('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(resolveLocal('2026-11-01', '01:00', 'America/New_York'))).toBe('2026-11-01T05:00:00.000Z');
    expect(iso(resolveLocal('2026-11-01', '00:59', 'America/New_York'))).toBe('2026-11-01T04:59:00.000Z');
    expect(iso(resolveLocal('2026-11-01', '02:00', 'America/New_York'))).toBe('2026-11-01T07:00:00.000Z');
  });

  it('handles both London transitions of 2026', () => {
    expect(iso(resolveLocal('2026-03-29', '01:30', 'Europe/London'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(resolveLocal('2026-03-29', '02:00', 'Europe/London'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(resolveLocal('2026-10-25', '01:30', 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(resolveLocal('2026-10-25', '02:00', 'Europe/London'))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('finds the end of Lord Howe’s 30-minute gap (02:00 → 02:30 on 2026-10-04)', () => {
    for (const time of ['02:00', '02:15', '02:29', '02:30']) {
      expect(iso(resolveLocal('2026-10-04', time, 'Australia/Lord_Howe'))).toBe('2026-10-03T15:30:00.000Z');
    }
    expect(iso(resolveLocal('2026-10-04', '01:59', 'Australia/Lord_Howe'))).toBe('2026-10-03T15:29:00.000Z');
    expect(
      localTimeOf(resolveLocal('2026-10-04', '02:15', 'Australia/Lord_Howe'), 'Australia/Lord_Howe'),
    ).toBe('02:30');
  });

  it('takes the earlier occurrence in Lord Howe’s 30-minute overlap (2026-04-05)', () => {
    expect(iso(resolveLocal('2026-04-05', '01:45', 'Australia/Lord_Howe'))).toBe('2026-04-04T14:45:00.000Z');
    expect(iso(resolveLocal('2026-04-05', '01:30', 'Australia/Lord_Howe'))).toBe('2026-04-04T14:30:00.000Z');
    expect(iso(resolveLocal('2026-04-05', '02:00', 'Australia/Lord_Howe'))).toBe('2026-04-04T15:30:00.000Z');
  });

  it('lands on the same date, at the asked time or just after a gap, for every minute of transition days', () => {
    // zone, date, minutes of wall clock that do not exist that day
    const days: Array<[string, string, number]> = [
      ['America/New_York', '2026-03-08', 60],
      ['America/New_York', '2026-11-01', 0],
      ['Europe/London', '2026-03-29', 60],
      ['Europe/London', '2026-10-25', 0],
      ['Australia/Lord_Howe', '2026-04-05', 0],
      ['Australia/Lord_Howe', '2026-10-04', 30],
    ];
    for (const [zone, date, gapMinutes] of days) {
      let previous = Number.NEGATIVE_INFINITY;
      let shifted = 0;
      for (let m = 0; m < 24 * 60; m++) {
        const time = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        const t = resolveLocal(date, time, zone);
        expect(localDateOf(t, zone)).toBe(date);
        const local = localTimeOf(t, zone);
        expect(local >= time).toBe(true);
        if (local !== time) shifted++;
        // Later wall times never resolve to earlier instants.
        expect(t).toBeGreaterThanOrEqual(previous);
        previous = t;
      }
      expect(shifted, `${zone} ${date}`).toBe(gapMinutes);
    }
  });
});

describe('quiet hours', () => {
  const night = { start: '22:00', end: '07:00' };
  const afternoon = { start: '13:00', end: '15:30' };

  it('wraps midnight, start included and end excluded', () => {
    expect(timeInQuietHours('22:00', night)).toBe(true);
    expect(timeInQuietHours('23:59', night)).toBe(true);
    expect(timeInQuietHours('00:00', night)).toBe(true);
    expect(timeInQuietHours('06:59', night)).toBe(true);
    expect(timeInQuietHours('07:00', night)).toBe(false);
    expect(timeInQuietHours('21:59', night)).toBe(false);
    expect(timeInQuietHours('12:00', night)).toBe(false);
  });

  it('handles a span within one day', () => {
    expect(timeInQuietHours('12:59', afternoon)).toBe(false);
    expect(timeInQuietHours('13:00', afternoon)).toBe(true);
    expect(timeInQuietHours('15:29', afternoon)).toBe(true);
    expect(timeInQuietHours('15:30', afternoon)).toBe(false);
    expect(timeInQuietHours('23:00', afternoon)).toBe(false);
  });

  it('has none when absent or when start equals end', () => {
    expect(timeInQuietHours('03:00', null)).toBe(false);
    expect(timeInQuietHours('03:00', { start: '03:00', end: '03:00' })).toBe(false);
  });

  it('reads an instant on the person’s own clock', () => {
    const t = at('2026-06-01T07:00:00Z'); // 03:00 in New York, 08:00 in London
    expect(inQuietHours(t, 'America/New_York', night)).toBe(true);
    expect(inQuietHours(t, 'Europe/London', night)).toBe(false);
    expect(inQuietHours(t, 'Europe/London', null)).toBe(false);
  });
});

const issue = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }): string =>
  r.error?.issues[0]?.message ?? '';

describe('zoneSchema', () => {
  it('trims, fixes letter case and turns spaces into underscores', () => {
    expect(zoneSchema.parse('  Europe/London ')).toBe('Europe/London');
    expect(zoneSchema.parse('america/new_york')).toBe('America/New_York');
    expect(zoneSchema.parse('America/New York')).toBe('America/New_York');
    expect(zoneSchema.parse('utc')).toBe('UTC');
  });

  it('keeps a valid name the runtime would rename', () => {
    expect(zoneSchema.parse('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(zoneSchema.parse('Asia/Kathmandu')).toBe('Asia/Kathmandu');
  });

  it('explains an unknown zone kindly', () => {
    expect(issue(zoneSchema.safeParse('Mars/Base'))).toBe(
      "I don't know the time zone “Mars/Base”. Try a city name like Europe/London or America/New_York.",
    );
    expect(issue(zoneSchema.safeParse('UTC+3'))).toContain('“UTC+3”');
    expect(issue(zoneSchema.safeParse('   '))).toBe(
      'Please give a time zone. Try a city name like Europe/London or America/New_York.',
    );
    expect(issue(zoneSchema.safeParse(3))).toContain('as text');
  });
});

describe('localTimeSchema', () => {
  it('normalises H:MM to HH:MM', () => {
    expect(localTimeSchema.parse('8:30')).toBe('08:30');
    expect(localTimeSchema.parse(' 21:00 ')).toBe('21:00');
    expect(localTimeSchema.parse('00:00')).toBe('00:00');
    expect(localTimeSchema.parse('23:59')).toBe('23:59');
  });

  it.each(['25:00', '24:00', '12:60', 'noon', '8', '08:5', '', '123:00'])(
    'rejects "%s" with a hint',
    (input) => {
      expect(issue(localTimeSchema.safeParse(input))).toBe(
        `“${input}” isn't a time I can use — please give a 24-hour time like 08:30 or 21:00.`,
      );
    },
  );
});

describe('localDateSchema', () => {
  it('accepts real dates, leap days included', () => {
    expect(localDateSchema.parse('2026-03-14')).toBe('2026-03-14');
    expect(localDateSchema.parse('2028-02-29')).toBe('2028-02-29');
  });

  it.each(['2026-02-30', '2026-02-29', '2026-13-01', '2026-3-14', '14/03/2026', 'tomorrow'])(
    'rejects %s',
    (input) => {
      expect(issue(localDateSchema.safeParse(input))).toBe(
        `“${input}” isn't a date I can use — please give a real date like 2026-03-14 (year-month-day).`,
      );
    },
  );
});

describe('quietHoursSchema', () => {
  it('parses a span, wrapping or not, and normalises the times', () => {
    expect(quietHoursSchema.parse('22:00-07:00')).toEqual({ start: '22:00', end: '07:00' });
    expect(quietHoursSchema.parse('9:00 - 17:30')).toEqual({ start: '09:00', end: '17:30' });
    expect(quietHoursSchema.parse('22:00–7:00')).toEqual({ start: '22:00', end: '07:00' });
  });

  it('reads off and none as no quiet hours', () => {
    expect(quietHoursSchema.parse('off')).toBeNull();
    expect(quietHoursSchema.parse(' None ')).toBeNull();
  });

  it.each(['22:00', '22:00-25:00', '07:00-07:00', 'nights', ''])('rejects "%s"', (input) => {
    expect(issue(quietHoursSchema.safeParse(input))).toContain(`“${input}” isn't a span of quiet hours`);
  });
});
