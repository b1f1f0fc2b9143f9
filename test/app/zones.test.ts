/**
 * Issue 11, task 5: only IANA Area/City zones (and UTC) are taken, so EST (a fixed offset: New York an hour off
 * all summer) is refused with a suggestion, as are bare city names; and `/start 07:00` reads 07:00 as the time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { suggestZones } from '../../src/domain/zone-names.js';
import { UserError } from '../../src/errors.js';
import { AppHarness, at } from '../helpers/app-harness.js';
import { said } from './message-words.js';

let h: AppHarness;
beforeEach(() => {
  h = new AppHarness();
  h.now = at('Europe/London', '2026-11-23T12:00');
});
afterEach(async () => {
  await h.close();
});

const refusedWith = async (run: () => unknown): Promise<string> => {
  try {
    await run();
  } catch (e) {
    if (e instanceof UserError) return e.message;
    throw e;
  }
  throw new Error('expected a UserError');
};

describe('zones a person may choose', () => {
  it.each([
    ['EST', 'Did you mean America/New_York?'],
    ['London', 'Did you mean Europe/London?'],
    ['new york', 'Did you mean America/New_York?'],
    ['Londn', 'Did you mean Europe/London?'],
    ['Kolkata', 'Did you mean Asia/Kolkata?'],
    ['US/Eastern', 'Try a city name like Europe/London'],
    ['Etc/GMT+5', 'Try a city name like Europe/London'],
  ])('/settings zone %j is refused: %j, and nothing changes', async (zone, hint) => {
    const you = h.actor('you');
    await h.enrol(you, 'Europe/London', '08:00');
    const before = h.me(you);
    const message = await refusedWith(() => h.command(you, 'settings', 'zone', { zone }));
    expect(message).toContain(hint);
    expect(h.me(you)).toEqual(before);
  });

  it('says why an abbreviation is not enough', async () => {
    const message = await refusedWith(() =>
      h.command(h.actor('newbie'), 'start', undefined, { zone: 'EST', time: '08:00' }),
    );
    expect(message).toContain("doesn't follow daylight saving");
  });

  it.each(['UTC', 'utc', 'America/New_York', 'asia/kathmandu', 'Pacific/Kiritimati', 'Australia/Lord_Howe'])(
    'takes %j',
    async (zone) => {
      const you = h.actor('you');
      await h.enrol(you, 'Europe/London', '08:00');
      await h.command(you, 'settings', 'zone', { zone });
      expect(h.me(you).zone.toLowerCase()).toBe(zone.toLowerCase());
    },
  );

  it('suggests nothing for what is nowhere near a zone', () => {
    expect(suggestZones('qqqqqqqq')).toEqual([]);
  });
});

describe('/start with a time and no zone', () => {
  it('reads 07:00 as the time and asks for the zone, keeping the time in the example', async () => {
    const message = await refusedWith(() =>
      h.command(h.actor('newbie'), 'start', undefined, { zone: '07:00' }),
    );
    expect(message).toContain('Which time zone are you in?');
    expect(message).toContain('time:07:00');
  });

  it('uses the default zone where the surface knows one, with 07:00 as the time', async () => {
    await h.close();
    h = new AppHarness({ settings: { defaultZone: 'Europe/London' } });
    h.now = at('Europe/London', '2026-11-23T12:00');
    const newbie = h.actor('newbie');
    const offer = await h.command(newbie, 'start', undefined, { zone: '07:00' });
    expect(said(offer)).toContain('check-in at 07:00');
    expect(said(offer)).toContain('time zone Europe/London');
  });

  it('reads the words in either order, and a city in two words', async () => {
    const newbie = h.actor('newbie');
    const swapped = await h.command(newbie, 'start', undefined, { zone: '07:30', time: 'Europe/London' });
    expect(said(swapped)).toContain('time zone Europe/London, check-in at 07:30');
    // The console splits "/start America/New York 08:00" into zone "America/New" and time "York 08:00".
    const split = await h.command(newbie, 'start', undefined, { zone: 'America/New', time: 'York 08:00' });
    expect(said(split)).toContain('time zone America/New_York, check-in at 08:00');
  });
});
