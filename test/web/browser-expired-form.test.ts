/**
 * A check-in form left open past its link's expiry, then saved, in real Chromium against the real app and a real
 * SQLite file: the page says the link expired and the textarea holds exactly what was typed, line breaks and all.
 */
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { housekeeping } from '../../src/app/housekeeping.js';
import { linkFor } from '../../src/app/links.js';
import type { Participant } from '../../src/domain/entities.js';
import { HOUR, MINUTE } from '../../src/domain/types.js';
import { createWebApp, startWebServer } from '../../src/web/server.js';
import { AppHarness, at } from '../helpers/app-harness.js';
import { type GuardedPage, launchBrowser, openPage } from '../helpers/browser.js';

const LONDON = 'Europe/London';
let browser: Browser;
let h: AppHarness;
let server: Server;
let alex: Participant;
let p: GuardedPage | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  h = new AppHarness({
    settings: { crisisLines: ['Helpline: call 0800 1111 or visit https://help.example.org'] },
  });
  h.now = at(LONDON, '2026-03-02T19:00');
  alex = h.enrolDirect(h.actor('alex'), LONDON, '20:00');
  const started = await startWebServer(
    createWebApp({ deps: h.deps, clock: { now: () => h.now } }),
    '127.0.0.1',
    0,
  );
  server = started.server;
  h.deps.settings.publicUrl = `http://127.0.0.1:${started.port}`;
});
afterEach(async () => {
  await p?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await h.close();
});

const TYPED = '\nFirst line, after an empty one\nsecond <b>line</b> & 🌿';

it('a form saved after its link expired comes back saying so, with every answer still in it', async () => {
  p = await openPage(browser);
  p.page.setDefaultTimeout(5000);
  await p.page.goto(linkFor(h.deps, alex, 'checkin', h.now, '2026-03-02'));
  expect(await p.page.locator('textarea').getAttribute('maxlength')).toBe('8000');
  expect(await p.page.locator('footer a').getAttribute('href')).toBe('https://help.example.org');
  // Every scale is required: the browser sends nothing until each has an answer.
  const picks = { mood: '4', sleep: '3', energy: '2', anxiety: '5' };
  for (const [name, value] of Object.entries(picks)) {
    await p.page.locator(`input[name="${name}"][value="${value}"]`).check();
  }
  await p.page.locator('textarea').fill(TYPED);

  // Past the link's expiry the browser has dropped the session cookie (its Max-Age ran out), and the hourly
  // clean-up has removed the link.
  h.now += 36 * HOUR + MINUTE;
  housekeeping(h.deps, h.now);
  await p.context.clearCookies();
  const saved = p.page.waitForResponse((res) => res.request().method() === 'POST');
  await p.page.getByRole('button', { name: 'Save my check-in' }).click();
  expect((await saved).status()).toBe(410);
  expect(await p.page.locator('h1').textContent()).toBe('This page’s link has expired');
  expect(await p.page.locator('main').textContent()).toContain('type /checkin in your chat with Interlude');
  expect(await p.page.locator('textarea').inputValue()).toBe(TYPED);
  for (const [name, value] of Object.entries(picks)) {
    expect(await p.page.locator(`input[name="${name}"][value="${value}"]`).isChecked()).toBe(true);
  }
  expect(h.store.checkins.all(alex.id)).toEqual([]);
  expect(p.pageErrors).toEqual([]);
  expect(p.cspViolations).toEqual([]);
});
