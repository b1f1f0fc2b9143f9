/**
 * Issue 11, task 3: with no quiet hours by default, a midnight check-in's follow-up came at 03:00. New people
 * start with the clinic's DEFAULT_QUIET_HOURS (22:00-07:00 as shipped); follow-ups and snoozes keep out of them,
 * and the check-in time the person chose is never moved (23:00 still comes at 23:00).
 */
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { AppHarness, at } from '../helpers/app-harness.js';
import { said } from './message-words.js';

let h: AppHarness;
afterEach(async () => {
  await h.close();
});

const sent = (userId: string, zone: string) =>
  h.messenger
    .to(userId)
    .map((m) => `${m.key.split(':')[1]} ${DateTime.fromMillis(m.at, { zone }).toFormat('LL-dd HH:mm')}`);

describe.each([
  { zone: 'Europe/London', day: '2026-11-30', next: '12-01' },
  // New York springs forward on 8 March 2026 and falls back on 1 November 2026, both at 02:00.
  { zone: 'America/New_York', day: '2026-03-07', next: '03-08' },
  { zone: 'America/New_York', day: '2026-10-31', next: '11-01' },
  // Lord Howe moves its clocks by 30 minutes (4 October 2026, 02:00 → 02:30).
  { zone: 'Australia/Lord_Howe', day: '2026-10-03', next: '10-04' },
  { zone: 'Asia/Kathmandu', day: '2026-06-01', next: '06-02' },
  { zone: 'Pacific/Kiritimati', day: '2026-06-01', next: '06-02' },
])('a new participant in $zone with the default quiet hours', ({ zone, day, next }) => {
  it('gets their 00:00 check-in but no 03:00 follow-up', async () => {
    h = new AppHarness();
    const you = h.actor('you');
    h.now = at(zone, `${day}T12:00`);
    await h.enrol(you, zone, '00:00');
    expect(h.me(you).quietHours).toEqual({ start: '22:00', end: '07:00' });
    const end = DateTime.fromISO(`${day}T12:00`, { zone }).plus({ days: 1 }).toMillis();
    for (let t = h.now; t <= end; t += 60_000) await h.tick(t);
    expect(sent('you', zone)).toEqual([`checkin ${next} 00:00`]);
  });

  it('gets their 23:00 check-in at 23:00, and a snooze into the night is refused kindly', async () => {
    h = new AppHarness();
    const you = h.actor('you');
    h.now = at(zone, `${day}T12:00`);
    await h.enrol(you, zone, '23:00');
    await h.tickEveryMinute(at(zone, `${day}T22:58`), at(zone, `${day}T23:01`));
    expect(sent('you', zone)).toEqual([`checkin ${day.slice(5)} 23:00`]);
    expect(() => h.action(you, 'nudge.snooze?m=60')).toThrow(/quiet hours/);
  });
});

describe('quiet hours in /settings', () => {
  it('says what they hold back and the clinic default; off stays off and follow-ups come at night again', async () => {
    h = new AppHarness({ settings: { defaultQuietHours: { start: '21:00', end: '06:00' } } });
    const you = h.actor('you');
    const zone = 'Europe/London';
    h.now = at(zone, '2026-11-30T12:00');
    await h.enrol(you, zone, '23:30');
    const shown = said(await h.command(you, 'settings'));
    expect(shown).toContain('Quiet hours: 21:00–06:00');
    expect(shown).toContain('your check-in time is always kept');
    expect(shown).toContain('the default here is 21:00–06:00');
    await h.command(you, 'settings', 'quiet-hours', { hours: 'off' });
    expect(h.me(you).quietHours).toBeNull();
    await h.tickEveryMinute(at(zone, '2026-11-30T23:29'), at(zone, '2026-12-01T02:31'));
    expect(sent('you', zone)).toEqual(['checkin 11-30 23:30', 'followup 12-01 02:30']);
    await h.restart();
    expect(h.me(you).quietHours).toBeNull();
  });

  it('a check-in running late into quiet hours after downtime is still not sent (only the chosen time is kept)', async () => {
    h = new AppHarness();
    const you = h.actor('you');
    const zone = 'America/New_York';
    h.now = at(zone, '2026-03-07T12:00');
    await h.enrol(you, zone, '21:30');
    expect(await h.tick(at(zone, '2026-03-07T22:15'))).toEqual({ planned: 0, missed: 1 });
  });
});
