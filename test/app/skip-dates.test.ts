/**
 * Issue 11, task 1: `/skip` then `/skip tomorrow` must keep both days skipped. Before, one skip-date field held
 * one day, so the second skip silently undid the first and the person still got today's nudge and follow-up.
 */
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppHarness, at } from '../helpers/app-harness.js';
import { said } from './message-words.js';

let h: AppHarness;
beforeEach(() => {
  h = new AppHarness();
});
afterEach(async () => {
  await h.close();
});

/** What reached a person: "kind local-date local-time" in their zone. */
const sent = (userId: string, zone: string) =>
  h.messenger
    .to(userId)
    .map((m) => `${m.key.split(':')[1]} ${DateTime.fromMillis(m.at, { zone }).toFormat('yyyy-LL-dd HH:mm')}`);

describe('/skip then /skip tomorrow (the console repro from the issue)', () => {
  it('keeps both days skipped: no nudge or follow-up on either, back on the third day', async () => {
    const you = h.actor('you');
    h.now = Date.parse('2026-11-30T03:59:00Z');
    await h.enrol(you, 'Europe/London', '08:00');
    expect(said(await h.command(you, 'skip'))).toContain('Skipped today');
    expect(said(await h.command(you, 'skip', undefined, { day: 'tomorrow' }))).toContain(
      'Tuesday 1 December',
    );
    expect(h.me(you).skipDates).toEqual(['2026-11-30', '2026-12-01']);
    // ":advance 2d", then one more morning.
    await h.tickEveryMinute(h.now, Date.parse('2026-12-02T10:00:00Z'));
    expect(sent('you', 'Europe/London')).toEqual(['checkin 2026-12-02 08:00']);
  });

  it('prunes skips that have passed, so the set stays a few dates long', async () => {
    const you = h.actor('you');
    h.now = Date.parse('2026-11-30T03:59:00Z');
    await h.enrol(you, 'Europe/London', '08:00');
    await h.command(you, 'skip');
    h.now = Date.parse('2026-12-05T07:00:00Z');
    await h.command(you, 'skip', undefined, { day: 'tomorrow' });
    expect(h.me(you).skipDates).toEqual(['2026-12-06']);
  });
});

// The skipped day is the person's own calendar day, wherever and whenever their clocks change.
describe.each([
  // New York falls back on 1 November 2026: 01:30 happens twice.
  {
    zone: 'America/New_York',
    enrolAt: '2026-10-31T20:00',
    time: '01:30',
    today: '2026-10-31',
    next: '2026-11-02',
  },
  // New York springs forward on 8 March 2026: 02:30 does not exist and fires at 03:00.
  {
    zone: 'America/New_York',
    enrolAt: '2026-03-07T20:00',
    time: '02:30',
    today: '2026-03-07',
    next: '2026-03-09',
  },
  // Lord Howe springs forward by 30 minutes on 4 October 2026 (02:00 → 02:30).
  {
    zone: 'Australia/Lord_Howe',
    enrolAt: '2026-10-03T07:00',
    time: '08:00',
    today: '2026-10-03',
    next: '2026-10-05',
  },
  {
    zone: 'Asia/Kathmandu',
    enrolAt: '2026-06-01T07:00',
    time: '08:00',
    today: '2026-06-01',
    next: '2026-06-03',
  },
  // Kiritimati (+14) is a calendar day ahead of UTC most of the day.
  {
    zone: 'Pacific/Kiritimati',
    enrolAt: '2026-06-01T07:00',
    time: '08:00',
    today: '2026-06-01',
    next: '2026-06-03',
  },
])('skipping today and tomorrow in $zone', ({ zone, enrolAt, time, today, next }) => {
  it(`sends nothing until ${next}`, async () => {
    const you = h.actor('you');
    h.now = at(zone, enrolAt);
    await h.enrol(you, zone, time);
    await h.command(you, 'skip');
    await h.command(you, 'skip', undefined, { day: 'tomorrow' });
    expect(h.me(you).skipDates[0]).toBe(today);
    const end = DateTime.fromISO(`${next}T10:00`, { zone }).toMillis();
    for (let t = h.now; t <= end; t += 5 * 60_000) await h.tick(t);
    expect(sent('you', zone).map((s) => s.split(' ')[1])).toEqual([next]);
  });
});
