import { afterEach, describe, expect, it } from 'vitest';
import { housekeeping } from '../../src/app/housekeeping.js';
import { issueLink, openBrowserSession } from '../../src/app/links.js';
import { HOUR, MINUTE } from '../../src/domain/types.js';
import { UserError } from '../../src/errors.js';
import { AppHarness, at } from '../helpers/app-harness.js';

const ZONE = 'Europe/London';
let h: AppHarness;
afterEach(async () => h?.close());

const refusal = async (p: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
};

describe('looking people up writes nothing', () => {
  it('a command from someone not enrolled, and a refused /start, write no row anywhere', async () => {
    h = new AppHarness();
    h.now = at(ZONE, '2026-11-23T09:00');
    const stranger = h.actor('stranger', { spaceExternalId: 'guild-new' });
    const before = h.rowCounts();
    await refusal(h.command(stranger, 'summary'));
    await refusal(h.command(stranger, 'start', undefined, { zone: 'Mars/Olympus' }));
    expect(h.rowCounts()).toEqual(before);
    expect(before.spaces).toBe(0);
  });
});

describe('a dated pause that has ended', () => {
  it('shows nudges as on and /resume has nothing to do', async () => {
    h = new AppHarness();
    h.now = at(ZONE, '2026-11-23T09:00');
    const you = h.actor('you');
    await h.enrol(you, ZONE, '08:00');
    await h.command(you, 'pause', undefined, { until: '2026-11-25' });
    h.now = at(ZONE, '2026-11-26T09:00');
    const settings = JSON.stringify(await h.command(you, 'settings'));
    expect(settings).toContain('Nudges: on');
    expect(JSON.stringify(await h.command(you, 'resume'))).toContain('nothing to resume');
  });
});

describe('skip buttons', () => {
  it('refuse a day far from today, and change nothing', async () => {
    h = new AppHarness();
    h.now = at(ZONE, '2026-11-23T09:00');
    const you = h.actor('you');
    await h.enrol(you, ZONE, '20:00');
    const before = h.me(you);
    const e = await refusal(() => h.action(you, 'nudge.skip?date=2020-01-01'));
    expect(e.code).toBe('skip-out-of-range');
    expect(e.message).toContain('/skip today');
    expect(h.me(you).skipDates).toEqual(before.skipDates);
    // Yesterday's nudge button still works.
    expect(JSON.stringify(h.action(you, 'nudge.skip?date=2026-11-22'))).toContain('Skipped');
  });
});

describe('broken characters', () => {
  it('a lone surrogate is refused kindly instead of being stored changed', async () => {
    h = new AppHarness();
    h.now = at(ZONE, '2026-11-23T09:00');
    const you = h.actor('you');
    await h.enrol(you, ZONE, '20:00');
    const e = await refusal(h.command(you, 'journal', 'write', { text: 'half an emoji \uD83D here' }));
    expect(e.message).toContain('broken character');
    expect(h.store.journal.all(h.me(you).id)).toHaveLength(0);
    await h.command(you, 'journal', 'write', { text: 'whole emoji \uD83D\uDE42 here' });
    expect(h.store.journal.all(h.me(you).id)[0]?.text).toBe('whole emoji 🙂 here');
  });
});

describe('housekeeping', () => {
  it('removes expired links and sessions, and keeps live ones', async () => {
    h = new AppHarness();
    h.now = at(ZONE, '2026-11-23T09:00');
    const you = h.actor('you');
    const p = await h.enrol(you, ZONE, '20:00');
    const { link } = issueLink(
      h.deps,
      { spaceId: p.spaceId, userId: p.userId, participantId: p.id },
      'checkin',
      h.now,
    );
    openBrowserSession(h.deps, link, h.now);
    h.now += 35 * HOUR;
    expect(housekeeping(h.deps, h.now)).toEqual({ links: 0, sessions: 0 });
    h.now += 2 * HOUR;
    expect(housekeeping(h.deps, h.now)).toEqual({ links: 1, sessions: 1 });
    expect(h.store.links.get(link.id)).toBeNull();
  });
});

describe('facilitator sign-in links', () => {
  it('expire after an hour, while a patient’s own links last LINK_TTL_HOURS', async () => {
    h = new AppHarness();
    h.now = at(ZONE, '2026-11-23T09:00');
    await h.servePages();
    const facilitator = h.actor('fran', { isFacilitator: true });
    const reply = await h.command(facilitator, 'dashboard');
    const link = reply.blocks.find((b) => b.type === 'link');
    const url = link?.type === 'link' ? link.url : '';
    expect(JSON.stringify(reply)).toContain('expires in an hour');
    h.now += HOUR + MINUTE;
    expect((await fetch(url)).status).toBe(410);
  });
});
