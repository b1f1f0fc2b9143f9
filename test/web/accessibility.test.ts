/**
 * Every private page, in real Chromium against the real app and a real SQLite file, checked two ways:
 *  - axe-core's WCAG 2.1 A and AA rules find nothing, in light and in dark mode, on a 390 px phone;
 *  - it reflows (WCAG 1.4.10): no sideways scroll, no box past the edge, no text drawn over text, no radio or
 *    checkbox spilling out of its label, at 320 CSS px and at 200 % zoom on a 390 px phone.
 * Each page is screenshotted at both widths (test-output/screenshots/a11y-*.png) for a person to look at.
 */
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/actor.js';
import { exportLinkMessage } from '../../src/app/export-data.js';
import { housekeeping } from '../../src/app/housekeeping.js';
import { linkFor } from '../../src/app/links.js';
import type { Participant } from '../../src/domain/entities.js';
import { addDays } from '../../src/domain/local-time.js';
import { HOUR, MINUTE } from '../../src/domain/types.js';
import { recordCheckin } from '../../src/features/check-in/checkin.js';
import type { OutMessage } from '../../src/views/message.js';
import { renderMoodChart } from '../../src/web/chart/mood-chart.js';
import { AppHarness, at } from '../helpers/app-harness.js';
import { type GuardedPage, launchBrowser, openPage, shoot } from '../helpers/browser.js';
import { axeViolations, reflowProblems } from '../helpers/page-audit.js';

const LONDON = 'Europe/London';
const TODAY = '2026-03-10';
const PHONE = { isMobile: true, hasTouch: true } as const;

/**
 * How each page is looked at. Browser zoom makes a CSS pixel bigger, so at 200 % a 390 px phone lays the page
 * out in a 195 CSS px viewport with twice the device pixels per CSS pixel: that is exactly what the `zoom-200`
 * context is, media queries included. (CSS `zoom` on the body would not do: the viewport and media queries would
 * stay at 390 px, which is not what a person who zooms gets.)
 */
const MODES = {
  'axe-light': { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, ...PHONE },
  'axe-dark': { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, colorScheme: 'dark', ...PHONE },
  'reflow-320': { viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, ...PHONE },
  'reflow-zoom-200': { viewport: { width: 195, height: 422 }, deviceScaleFactor: 4, ...PHONE },
} satisfies Record<string, BrowserContextOptions>;
type Mode = keyof typeof MODES;

let browser: Browser;
let h: AppHarness;
let base: string;
let alex: Participant;
const pages: GuardedPage[] = [];

const alexActor = (): Actor => h.actor('alex', { displayName: 'Alex Rivera-Montgomery' });
const lead = (): Actor => h.actor('lead', { isFacilitator: true, displayName: 'Lead Facilitator' });

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Alex shares with the group and has checked in on most of the last 30 days, with words on some of them. */
beforeEach(async () => {
  h = new AppHarness();
  base = await h.servePages();
  h.now = at(LONDON, '2026-02-01T10:00');
  alex = h.enrolDirect(alexActor(), LONDON, '20:00');
  await h.command(alexActor(), 'settings', 'sharing', { state: 'on' });
  for (let i = 29; i >= 1; i--) {
    if (i % 4 === 0) continue;
    const date = addDays(TODAY, -i);
    const answers = {
      mood: String(1 + (i % 10)),
      sleep: String(1 + (i % 5)),
      energy: String(1 + ((i + 2) % 5)),
      anxiety: String(1 + ((i + 1) % 5)),
      reflection: i % 3 === 0 ? `Day ${i}: a slow walk, then tea with a friend who listens.` : '',
      tags: i % 2 ? ['connected', 'time-outside'] : ['hard-day'],
    };
    recordCheckin(
      h.deps,
      h.me(alexActor()),
      answers,
      { localDate: date, source: 'web' },
      at(LONDON, `${date}T20:00`),
    );
  }
  await h.command(alexActor(), 'journal', 'write', {
    text: 'A long walk by the river, and then an early night.',
  });
  await h.command(alexActor(), 'intention', 'set', { text: 'Notice one good thing each evening.' });
  await h.command(alexActor(), 'action', 'add', { text: 'Call my sister on Sunday.' });
  h.now = at(LONDON, `${TODAY}T19:00`);
});

afterEach(async () => {
  await Promise.all(pages.splice(0).map((p) => p.close()));
  await h.close();
});

const linkIn = (m: OutMessage): string => {
  const link = m.blocks.find((b) => b.type === 'link');
  if (link?.type !== 'link') throw new Error('no link in the reply');
  return link.url;
};

const checkinLink = (): string => linkFor(h.deps, alex, 'checkin', h.now, TODAY);

/** Answer every scale on the check-in form, as a person would, by clicking. */
async function answerScales(p: GuardedPage): Promise<void> {
  for (const [name, value] of Object.entries({ mood: '6', sleep: '4', energy: '3', anxiety: '2' })) {
    await p.page.locator(`input[name="${name}"][value="${value}"]`).check();
  }
}

/** Each page, brought to the state a person sees it in. Returns the status the page was served with. */
const PAGES: Record<string, (p: GuardedPage) => Promise<number | undefined>> = {
  'checkin-fresh': async (p) => (await p.page.goto(checkinLink()))?.status(),
  'checkin-field-errors': async (p) => {
    await p.page.goto(checkinLink());
    // The browser's own check stops an empty form first; a phone that skips it gets the page's own message.
    await p.page.evaluate(`document.querySelector('form').noValidate = true`);
    const posted = p.page.waitForResponse((r) => r.request().method() === 'POST');
    await p.page.getByRole('button', { name: 'Save my check-in' }).click();
    const status = (await posted).status();
    await p.page.waitForURL(`${base}/checkin`);
    return status;
  },
  'checkin-expired-kept': async (p) => {
    await p.page.goto(checkinLink());
    await answerScales(p);
    await p.page.locator('textarea').fill('Still here after the link ran out.');
    h.now += 36 * HOUR + MINUTE;
    housekeeping(h.deps, h.now);
    await p.context.clearCookies();
    const posted = p.page.waitForResponse((r) => r.request().method() === 'POST');
    await p.page.getByRole('button', { name: 'Save my check-in' }).click();
    const status = (await posted).status();
    await p.page.waitForURL(`${base}/checkin`);
    return status;
  },
  'checkin-confirmation': async (p) => {
    await p.page.goto(checkinLink());
    await answerScales(p);
    await p.page.locator('textarea').fill('A quieter day than I expected, and that was good.');
    await p.page.getByRole('button', { name: 'Save my check-in' }).click();
    await p.page.waitForURL(`${base}/checkin`);
    return 200;
  },
  reflection: async (p) => (await p.page.goto(linkIn(await h.command(alexActor(), 'summary'))))?.status(),
  roster: async (p) => (await p.page.goto(linkIn(await h.command(lead(), 'dashboard'))))?.status(),
  member: async (p) => {
    await p.page.goto(linkIn(await h.command(lead(), 'dashboard')));
    const opened = p.page.waitForResponse((r) => r.url().includes('/dashboard/member/'));
    await p.page.getByRole('link', { name: 'Alex Rivera-Montgomery' }).click();
    const status = (await opened).status();
    await p.page.waitForURL(/\/dashboard\/member\/\d+$/);
    return status;
  },
  export: async (p) => (await p.page.goto(linkIn(exportLinkMessage(h.deps, alex, h.now))))?.status(),
  'export-no-such-file': async (p) => {
    await p.page.goto(linkIn(exportLinkMessage(h.deps, alex, h.now)));
    return (await p.page.goto(`${base}/export/not-a-file.txt`))?.status();
  },
  'refusal-expired-link': async (p) => {
    const url = checkinLink();
    h.now += 37 * HOUR;
    return (await p.page.goto(url))?.status();
  },
  'refusal-sign-in-again': async (p) => (await p.page.goto(`${base}/dashboard`))?.status(),
  'refusal-no-member': async (p) => {
    await p.page.goto(linkIn(await h.command(lead(), 'dashboard')));
    return (await p.page.goto(`${base}/dashboard/member/999999`))?.status();
  },
};

const EXPECTED_STATUS: Record<string, number> = {
  'checkin-field-errors': 422,
  'checkin-expired-kept': 410,
  'export-no-such-file': 404,
  'refusal-expired-link': 410,
  'refusal-sign-in-again': 403,
  'refusal-no-member': 404,
};

/** Chromium logs a non-2xx document as a failed load; on a refusal page that line is all it may say. */
const realProblems = (p: GuardedPage): string[] =>
  p.problems().filter((line) => !/^Failed to load resource: .*status of 4\d\d/.test(line));

/**
 * One load per page, then every check on it: axe in light and in dark mode on a phone, and reflow at 320 CSS px and
 * at 200% zoom on a 390 px phone (a 195 CSS px viewport: real zoom makes each CSS px bigger, so layout and media
 * queries see 195 px). Changing the colour scheme and the viewport re-lays the same page out, so there is no need to
 * load it four times.
 */
describe.each(Object.keys(PAGES))('the %s page', (name) => {
  it('passes axe in light and dark mode and reflows at 320 px and at 200% zoom', async () => {
    const p = await openPage(browser, MODES['axe-light']);
    pages.push(p);
    p.page.setDefaultTimeout(10_000);
    const status = await PAGES[name]?.(p);
    expect(status).toBe(EXPECTED_STATUS[name] ?? 200);
    const found: Record<Mode, string[]> = {
      'axe-light': await axeViolations(p.page),
      'axe-dark': [],
      'reflow-320': [],
      'reflow-zoom-200': [],
    };
    await p.page.emulateMedia({ colorScheme: 'dark' });
    found['axe-dark'] = await axeViolations(p.page);
    await p.page.emulateMedia({ colorScheme: 'light' });
    for (const mode of ['reflow-320', 'reflow-zoom-200'] as const) {
      await p.page.setViewportSize(MODES[mode].viewport);
      await shoot(p.page, `a11y-${name}-${mode.replace('reflow-', '')}`);
      found[mode] = await reflowProblems(p.page);
    }
    expect(found).toEqual({ 'axe-light': [], 'axe-dark': [], 'reflow-320': [], 'reflow-zoom-200': [] });
    expect(realProblems(p)).toEqual([]);
    expect(p.blockedRequests).toEqual([]);
  });
});

describe('what axe checks, in detail', () => {
  it('a chart is one named image: nothing vega drew inside it is exposed on its own', async () => {
    const svg = await renderMoodChart([{ date: '2026-03-01', mood: 5, sleep: 3, energy: 2 }], {
      from: '2026-03-01',
      to: '2026-03-07',
      title: 'Mood, sleep and energy, last 7 days',
    });
    expect([...svg.matchAll(/ (role|aria-[a-z]+)="([^"]*)"/g)].map((m) => `${m[1]}=${m[2]}`)).toEqual([
      'role=img',
      'aria-label=Mood, sleep and energy, 1 Mar – 7 Mar: 1 check-in, average mood 5.0',
      'aria-hidden=true',
    ]);
    expect(svg).toMatch(/^<svg [^>]*><title>[^<]+<\/title><g aria-hidden="true">.*<\/g><\/svg>$/s);
  });

  it("the member page's wide table is a named region the keyboard reaches and scrolls", async () => {
    const p = await openPage(browser, MODES['reflow-320']);
    pages.push(p);
    expect(await PAGES.member?.(p)).toBe(200);
    const region = p.page.getByRole('region', { name: 'Check-ins, Mon 9 Feb – Tue 10 Mar' });
    expect(await region.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    await region.focus();
    expect(await p.page.evaluate('document.activeElement.getAttribute("aria-labelledby")')).toBe(
      'checkins-heading',
    );
    await p.page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
  });
});
