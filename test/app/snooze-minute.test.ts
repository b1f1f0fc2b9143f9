/**
 * Issue 11, task 2: a snooze pressed part-way through a minute promised "09:01" (the reply drops the seconds) and
 * came at 09:02 (the planner ticks on whole minutes and sends what is due at or before its tick). What we say and
 * when we send must agree to the minute, in every zone.
 */
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/domain/types.js';
import { AppHarness, at } from '../helpers/app-harness.js';
import { said } from './message-words.js';

let h: AppHarness;
beforeEach(() => {
  h = new AppHarness();
});
afterEach(async () => {
  await h.close();
});

describe.each([
  { zone: 'Europe/London', day: '2026-11-30' },
  // New York's clocks go back at 02:00 on 1 November 2026: a snooze is an hour of real time, named on the wall.
  { zone: 'America/New_York', day: '2026-11-01' },
  { zone: 'America/New_York', day: '2026-03-08' },
  { zone: 'Australia/Lord_Howe', day: '2026-10-04' },
  { zone: 'Asia/Kathmandu', day: '2026-06-01' },
  { zone: 'Pacific/Kiritimati', day: '2026-06-01' },
])('a snooze pressed at 08:01:30 in $zone on $day', ({ zone, day }) => {
  it('says the minute it will come, and comes in exactly that minute', async () => {
    const you = h.actor('you');
    h.now = at(zone, `${day}T07:00`);
    await h.enrol(you, zone, '08:00');
    await h.tickEveryMinute(at(zone, `${day}T07:59`), at(zone, `${day}T08:01`));
    h.now = at(zone, `${day}T08:01`) + 30_000;
    const reply = said(h.action(you, 'nudge.snooze?m=60'));
    const promised = /at (\d\d:\d\d)/.exec(reply)?.[1];
    expect(promised).toBe('09:02');
    await h.tickEveryMinute(at(zone, `${day}T08:02`), at(zone, `${day}T09:30`));
    const back = h.messenger.to('you').filter((m) => m.key.includes(':snooze:'));
    expect(back).toHaveLength(1);
    const came = DateTime.fromMillis(back[0]?.at ?? 0, { zone }).toFormat('HH:mm');
    expect(came).toBe(promised);
  });
});

it('a snooze pressed on the minute keeps that minute (09:00 from 08:00:00)', async () => {
  const you = h.actor('you');
  const zone = 'Europe/London';
  h.now = at(zone, '2026-11-30T07:00');
  await h.enrol(you, zone, '08:00');
  await h.tick(at(zone, '2026-11-30T08:00'));
  expect(said(h.action(you, 'nudge.snooze?m=60'))).toContain('at 09:00');
  expect(h.me(you).snoozeUntil).toBe(at(zone, '2026-11-30T09:00'));
  expect(h.me(you).snoozeUntil ?? 1).toBe(Math.round((h.me(you).snoozeUntil ?? 0) / MINUTE) * MINUTE);
});
