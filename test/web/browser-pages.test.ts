/**
 * The private pages in a real browser (the Debian Chromium through test/helpers/browser.ts), served by the real
 * Express app from a real SQLite store. A person opens the link from their nudge, answers by clicking labels and
 * typing, and submits; the page must do this with no script, no console errors and no CSP violations.
 */
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportLinkMessage } from '../../src/app/export-data.js';
import { linkFor } from '../../src/app/links.js';
import type { Participant } from '../../src/domain/entities.js';
import { addDays } from '../../src/domain/local-time.js';
import { recordCheckin } from '../../src/features/check-in/checkin.js';
import { PAGE_LANDINGS } from '../../src/web/routes/landings.js';
import { createWebApp, startWebServer } from '../../src/web/server.js';
import { AppHarness, at } from '../helpers/app-harness.js';
import { type GuardedPage, launchBrowser, openPage, shoot } from '../helpers/browser.js';

const LONDON = 'Europe/London';
const TODAY = '2026-03-02';
/** A phone: the size most people will open a link from a chat app on. */
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

let browser: Browser;
let h: AppHarness;
let server: Server;
let base: string;
let alex: Participant;
const pages: GuardedPage[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  h = new AppHarness();
  h.now = at(LONDON, `${TODAY}T19:00`);
  alex = h.enrolDirect(h.actor('alex'), LONDON, '20:00');
  // The day after a session: the form carries the integration note, as a real person would see it.
  h.store.sessions.add(alex.id, '2026-03-01', 'done', h.now);
  const started = await startWebServer(
    createWebApp({ deps: h.deps, clock: { now: () => h.now }, landings: PAGE_LANDINGS }),
    '127.0.0.1',
    0,
  );
  server = started.server;
  base = `http://127.0.0.1:${started.port}`;
  h.deps.settings.publicUrl = base;
});

afterEach(async () => {
  await Promise.all(pages.splice(0).map((p) => p.close()));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await h.close();
});

async function guarded(options: Parameters<typeof openPage>[1] = PHONE): Promise<GuardedPage> {
  const p = await openPage(browser, options);
  pages.push(p);
  return p;
}

/** The link in the nudge the planner sent at 20:00. */
async function nudgeLink(): Promise<string> {
  await h.tick(at(LONDON, `${TODAY}T20:00`));
  const link = h.messenger.to('alex')[0]?.message.blocks.find((b) => b.type === 'link');
  expect(link?.type === 'link' && link.url.startsWith(`${base}/l/`)).toBe(true);
  return link?.type === 'link' ? link.url : '';
}

/** The fieldset for a question, found by its legend the way a screen reader names it. */
const group = (page: Page, question: string) => page.getByRole('group', { name: question });

/** Click the label (the visible text), not the input: the whole label must be the tap target. */
async function choose(page: Page, question: string, label: string): Promise<void> {
  await group(page, question)
    .locator('label')
    .filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) })
    .click();
}

/** Describe what has focus: tag, type, name, value. */
const focused = async (page: Page): Promise<string> =>
  String(
    await page.evaluate(
      `(() => { const e = document.activeElement; if (!e) return ''; return [e.tagName.toLowerCase(), e.getAttribute('type') ?? '', e.getAttribute('name') ?? '', e.getAttribute('value') ?? ''].filter(Boolean).join(' '); })()`,
    ),
  );

const REFLECTION = 'Lighter today 🌿 — שלום <img src=x onerror=alert(1)> "><script>alert(2)</script>';

describe('the check-in page in Chromium', () => {
  it('a person opens the nudge link, answers by clicking labels, submits, and sees the confirmation', async () => {
    const url = await nudgeLink();
    const p = await guarded();
    const dialogs: string[] = [];
    const requests: string[] = [];
    p.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    p.page.on('request', (r) => requests.push(r.url()));

    const opened = await p.page.goto(url);
    expect(opened?.status()).toBe(200);
    await expect.poll(() => p.page.title()).toBe('Check-in · Interlude');
    await shoot(p.page, 'checkin-form-empty');

    await choose(p.page, 'How is your mood today, from 1 to 10?', '7');
    await choose(p.page, 'How did you sleep last night, from 1 to 5?', '4');
    await choose(p.page, 'How is your energy, from 1 to 5?', '3');
    await choose(p.page, 'How anxious do you feel, from 1 to 5?', '2');
    // The reflection's label is the day's prompt: clicking it puts the cursor in the text box.
    await p.page.locator('label[for="reflection"]').click();
    expect(await focused(p.page)).toBe('textarea reflection');
    await p.page.keyboard.type(REFLECTION);
    await group(p.page, 'Anything from today to note? (optional)').getByText('moved my body').click();
    await group(p.page, 'Anything from today to note? (optional)').getByText('time outside').click();

    // What the clicks did, read back from the page itself.
    expect(await p.page.locator('input[name="mood"]:checked').getAttribute('value')).toBe('7');
    expect(await p.page.locator('input[name="sleep"]:checked').getAttribute('value')).toBe('4');
    expect(await p.page.locator('input[name="energy"]:checked').getAttribute('value')).toBe('3');
    expect(await p.page.locator('input[name="anxiety"]:checked').getAttribute('value')).toBe('2');
    expect(await p.page.locator('input[name="tags"]:checked').evaluateAll((els) => els.length)).toBe(2);
    await shoot(p.page, 'checkin-form');

    // Tap targets: every answer's label is at least 44 × 44 CSS pixels (WCAG 2.5.5).
    const boxes = await p.page.locator('.scale label, .tags label').all();
    expect(boxes.length).toBe(10 + 5 + 5 + 5 + 9);
    for (const b of boxes) {
      const box = await b.boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(44);
      expect(box?.height).toBeGreaterThanOrEqual(44);
    }
    const submit = await p.page.getByRole('button', { name: 'Save my check-in' }).boundingBox();
    expect(submit?.height).toBeGreaterThanOrEqual(44);

    h.now = at(LONDON, `${TODAY}T20:07`);
    await p.page.getByRole('button', { name: 'Save my check-in' }).click();
    await p.page.waitForURL(`${base}/checkin`);
    await expect.poll(() => p.page.title()).toBe('Saved · Interlude');
    expect(await p.page.locator('h1').textContent()).toBe('Thank you — saved');
    expect(await p.page.locator('blockquote').textContent()).toBe(REFLECTION);
    // The week's list, not the crisis lines in the footer.
    expect(await p.page.locator('main > ul > li').last().textContent()).toBe(
      'Mon 2 Mar: mood 7/10 · sleep 4/5 · energy 3/5 · anxiety 2/5',
    );
    // The reflection is text, not markup: no element was made from it, nothing ran, nothing was fetched.
    expect(await p.page.locator('main img, main script').count()).toBe(0);
    await shoot(p.page, 'checkin-confirmation');

    expect(h.store.checkins.all(alex.id)).toEqual([
      {
        id: expect.any(Number),
        participantId: alex.id,
        localDate: TODAY,
        mood: 7,
        sleep: 4,
        energy: 3,
        anxiety: 2,
        reflection: REFLECTION,
        tags: ['exercised', 'time-outside'],
        promptId: h.store.prompts.forDate(alex.id, TODAY),
        source: 'web',
        createdAt: at(LONDON, `${TODAY}T20:07`),
      },
    ]);
    expect(dialogs).toEqual([]);
    expect(requests.filter((r) => /\/x$/.test(new URL(r).pathname))).toEqual([]);
    expect(requests.map((r) => new URL(r).pathname)).toEqual([
      expect.stringMatching(/^\/l\//),
      '/assets/interlude.css',
      '/checkin',
      '/assets/interlude.css',
    ]);
    expect(p.problems()).toEqual([]);
    expect(p.cspViolations).toEqual([]);
    expect(p.blockedRequests).toEqual([]);
  });

  it('the keyboard alone reaches every field in order, and the submit button', async () => {
    const p = await guarded();
    await p.page.goto(linkFor(h.deps, alex, 'checkin', h.now, TODAY));
    const order: string[] = [];
    for (let i = 0; i < 30; i++) {
      await p.page.keyboard.press('Tab');
      const now = await focused(p.page);
      order.push(now);
      if (now.startsWith('button')) break;
    }
    // A radio group is one tab stop (arrow keys move within it); then the text box, each tag, the button.
    expect(order).toEqual([
      'input radio mood 1',
      'input radio sleep 1',
      'input radio energy 1',
      'input radio anxiety 1',
      'textarea reflection',
      ...[
        'slept-well',
        'exercised',
        'time-outside',
        'connected',
        'meditated',
        'journaled',
        'ate-well',
        'creative',
        'hard-day',
      ].map((t) => `input checkbox tags ${t}`),
      'button submit',
    ]);
    // Arrow keys choose within a group, Space ticks a tag, Enter on the button submits.
    await p.page.keyboard.press('Shift+Tab');
    await p.page.keyboard.press('Space');
    for (let i = 0; i < 13; i++) await p.page.keyboard.press('Shift+Tab');
    expect(await focused(p.page)).toBe('input radio mood 1');
    for (const [name, steps] of [
      ['mood', 5],
      ['sleep', 2],
      ['energy', 2],
      ['anxiety', 1],
    ] as const) {
      expect(await focused(p.page)).toMatch(new RegExp(`^input radio ${name} `));
      for (let i = 0; i < steps; i++) await p.page.keyboard.press('ArrowRight');
      await p.page.keyboard.press('Tab');
    }
    await p.page.keyboard.type('typed, not clicked');
    for (let i = 0; i < 10; i++) await p.page.keyboard.press('Tab');
    expect(await focused(p.page)).toBe('button submit');
    await p.page.keyboard.press('Enter');
    await p.page.waitForURL(`${base}/checkin`);
    expect(await p.page.locator('h1').textContent()).toBe('Thank you — saved');
    const [row] = h.store.checkins.all(alex.id);
    expect(row && [row.mood, row.sleep, row.energy, row.anxiety, row.reflection, row.tags]).toEqual([
      6,
      3,
      3,
      2,
      'typed, not clicked',
      ['hard-day'],
    ]);
    expect(p.problems()).toEqual([]);
  });

  it('in dark mode the form is dark and readable', async () => {
    const p = await guarded({ ...PHONE, colorScheme: 'dark' });
    await p.page.goto(linkFor(h.deps, alex, 'checkin', h.now, TODAY));
    await choose(p.page, 'How is your mood today, from 1 to 10?', '5');
    await group(p.page, 'Anything from today to note? (optional)').getByText('journaled').click();
    const colours = String(
      await p.page.evaluate(
        `(() => { const s = getComputedStyle(document.body); return s.backgroundColor + ' | ' + s.color; })()`,
      ),
    );
    expect(colours).toBe('rgb(20, 23, 26) | rgb(230, 237, 243)');
    await shoot(p.page, 'checkin-form-dark');
    expect(p.problems()).toEqual([]);
  });

  it('a refusal page in the browser: kind, with the way to a fresh link', async () => {
    const url = linkFor(h.deps, alex, 'checkin', h.now, TODAY);
    h.now += 37 * 3_600_000;
    const p = await guarded();
    const r = await p.page.goto(url);
    expect(r?.status()).toBe(410);
    expect(await p.page.locator('h1').textContent()).toBe('This link has expired');
    expect(await p.page.locator('main').textContent()).toContain('type /checkin in your chat with Interlude');
    await shoot(p.page, 'checkin-expired');
    // Chromium logs any non-2xx document as a failed load; that line is the only thing it may say.
    expect(p.problems()).toEqual([
      expect.stringMatching(/^Failed to load resource: .*status of 410 \(Gone\)/),
    ]);
    expect(p.cspViolations).toEqual([]);
    expect(p.pageErrors).toEqual([]);
  });
});

describe('the reflection page in Chromium', () => {
  it('a /summary link opens the reflection page with its charts drawn, and a person’s words stay words', async () => {
    // Six evenings of check-ins before today, one with markup in its reflection.
    for (let i = 6; i >= 1; i--) {
      const date = addDays(TODAY, -i);
      recordCheckin(
        h.deps,
        h.me(h.actor('alex')),
        {
          mood: 3 + (i % 5),
          sleep: 1 + (i % 5),
          energy: 1 + ((i + 2) % 5),
          anxiety: 1 + ((i + 1) % 5),
          reflection: i === 2 ? REFLECTION : `Day ${i}: a slow walk, then tea.`,
        },
        { localDate: date, source: 'console' },
        at(LONDON, `${date}T20:00`),
      );
    }
    const summary = await h.command(h.actor('alex'), 'summary');
    const link = summary.blocks.find((b) => b.type === 'link');
    const url = link?.type === 'link' ? link.url : '';
    expect(url.startsWith(`${base}/l/`)).toBe(true);

    const p = await guarded();
    const dialogs: string[] = [];
    const requests: string[] = [];
    p.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    p.page.on('request', (r) => requests.push(r.url()));
    const r = await p.page.goto(url);
    expect(r?.status()).toBe(200);
    expect(await p.page.locator('h1').textContent()).toBe('Your reflection');
    const charts = p.page.locator('.chart svg');
    expect(await charts.count()).toBe(2);
    for (const chart of await charts.all()) {
      expect(await chart.isVisible()).toBe(true);
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(200);
      expect(box?.height).toBeGreaterThan(100);
    }
    expect(await p.page.getByText(REFLECTION, { exact: true }).count()).toBe(1);
    expect(await p.page.locator('main img, main script').count()).toBe(0);
    await shoot(p.page, 'reflection');

    expect(dialogs).toEqual([]);
    expect(requests.map((u) => new URL(u).pathname)).toEqual([
      expect.stringMatching(/^\/l\//),
      '/assets/interlude.css',
    ]);
    expect(p.problems()).toEqual([]);
    expect(p.blockedRequests).toEqual([]);
  });
});

describe('the export page in Chromium', () => {
  it('an /export link opens the download page, and a file downloads in the same browser', async () => {
    await h.command(h.actor('alex'), 'journal', 'write', { text: REFLECTION });
    const link = exportLinkMessage(h.deps, alex, h.now).blocks.find((b) => b.type === 'link');
    const url = link?.type === 'link' ? link.url : '';
    expect(url.startsWith(`${base}/l/`)).toBe(true);

    const p = await guarded();
    const requests: string[] = [];
    p.page.on('request', (r) => requests.push(r.url()));
    const r = await p.page.goto(url);
    expect(r?.status()).toBe(200);
    await expect.poll(() => p.page.title()).toBe('Your data · Interlude');
    expect(await p.page.locator('h1').textContent()).toBe('Your data');
    expect(await p.page.locator('main a[download]').allTextContents()).toEqual([
      'interlude-export.json',
      'interlude-checkins.csv',
      'interlude-journal.csv',
      'interlude-intentions.csv',
      'interlude-actions.csv',
      'interlude-sessions.csv',
    ]);
    expect(await p.page.locator('main img, main script').count()).toBe(0);
    await shoot(p.page, 'export');
    // The page fetched its stylesheet and nothing else: no file is built until it is asked for.
    expect(requests.map((u) => new URL(u).pathname)).toEqual([
      expect.stringMatching(/^\/l\//),
      '/assets/interlude.css',
    ]);

    // The session cookie (SameSite=Strict) goes with a click on the page itself: the file arrives, exactly.
    const [download] = await Promise.all([
      p.page.waitForEvent('download'),
      p.page.getByRole('link', { name: 'interlude-journal.csv' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('interlude-journal.csv');
    expect(await readFile(await download.path(), 'utf8')).toContain(`"${REFLECTION.replaceAll('"', '""')}"`);

    expect(p.problems()).toEqual([]);
    expect(p.blockedRequests).toEqual([]);
  });
});
