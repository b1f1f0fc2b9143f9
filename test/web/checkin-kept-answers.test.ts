/**
 * Issue 11, over real HTTP against the real Express app and a real SQLite file: the configured crisis lines in every
 * page's footer, links that say truly why they ended (after the hourly clean-up too), a form whose link expired
 * coming back with everything typed, over-long reflections kept in the box, the day a check-in is for, and the
 * form's number and line-end rules.
 */
import type { Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { housekeeping } from '../../src/app/housekeeping.js';
import { linkFor } from '../../src/app/links.js';
import { checkinSchema } from '../../src/domain/checkin-form.js';
import type { Participant } from '../../src/domain/entities.js';
import { HOUR, MINUTE } from '../../src/domain/types.js';
import { escapeHtml } from '../../src/web/html.js';
import { createWebApp, startWebServer } from '../../src/web/server.js';
import { AppHarness, at } from '../helpers/app-harness.js';

const LONDON = 'Europe/London';
const TODAY = '2026-03-02'; // a Monday

let h: AppHarness;
let server: Server;
let base: string;
let alex: Participant;

beforeEach(async () => {
  h = new AppHarness({
    settings: {
      crisisLines: [
        'Samaritans (UK & Ireland): call 116 123, or see https://www.samaritans.org.',
        'Our clinic <b>line</b>: "call us" on 0800 000 000',
      ],
    },
  });
  h.now = at(LONDON, `${TODAY}T19:00`);
  alex = h.enrolDirect(h.actor('alex'), LONDON, '20:00');
  const started = await startWebServer(
    createWebApp({ deps: h.deps, clock: { now: () => h.now } }),
    '127.0.0.1',
    0,
  );
  server = started.server;
  base = `http://127.0.0.1:${started.port}`;
  h.deps.settings.publicUrl = base;
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await h.close();
});

interface Reply {
  status: number;
  body: string;
  cookie: string;
}

async function send(url: string, init: RequestInit = {}): Promise<Reply> {
  const res = await fetch(url, { redirect: 'manual', ...init });
  return {
    status: res.status,
    body: await res.text(),
    cookie: res.headers.getSetCookie()[0]?.split(';')[0] ?? '',
  };
}

const hidden = (body: string, name: string): string =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1] ?? 'absent';

/** The form's hidden fields, as a browser would send them back with the answers. */
const formOf = (page: Reply) => ({
  _csrf: hidden(page.body, '_csrf'),
  _ticket: hidden(page.body, '_ticket'),
});

const post = (fields: [string, string][], cookie = ''): Promise<Reply> =>
  send(`${base}/checkin`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });

const answers = (form: { _csrf: string; _ticket: string }, o: { mood?: string; reflection?: string } = {}) =>
  [
    ['_csrf', form._csrf],
    ['_ticket', form._ticket],
    ['mood', o.mood ?? '6'],
    ['sleep', '4'],
    ['energy', '3'],
    ['anxiety', '2'],
    ['reflection', o.reflection ?? 'Kept <b>every</b> word\r\nof it & more'],
    ['tags', 'time-outside'],
  ] as [string, string][];

const textareaHolds = (body: string, text: string): boolean =>
  body.includes(`aria-describedby="reflection-hint">\n${escapeHtml(text)}</textarea>`);

describe('the footer', () => {
  it('shows the configured crisis lines, escaped, with their addresses as links, on every page', async () => {
    const pages = [await send(linkFor(h.deps, alex, 'checkin', h.now, TODAY)), await send(`${base}/nowhere`)];
    for (const page of pages) {
      const footer = page.body.slice(page.body.indexOf('<footer>'));
      expect(footer).toContain(
        '<li>Samaritans (UK &amp; Ireland): call 116 123, or see <a href="https://www.samaritans.org">https://www.samaritans.org</a>.</li>',
      );
      expect(footer).toContain(
        '<li>Our clinic &lt;b&gt;line&lt;/b&gt;: &quot;call us&quot; on 0800 000 000</li>',
      );
      expect(footer).toContain('not an emergency service');
      expect(footer).not.toContain('988');
    }
  });
});

describe('a link after it ended', () => {
  it('still says it expired, or was used, after the hourly clean-up has removed it', async () => {
    const unused = linkFor(h.deps, alex, 'checkin', h.now, TODAY);
    const used = linkFor(h.deps, alex, 'checkin', h.now, TODAY);
    const page = await send(used);
    expect((await post(answers(formOf(page)), page.cookie)).status).toBe(200);

    h.now += 36 * HOUR + MINUTE;
    expect(housekeeping(h.deps, h.now).links).toBe(2);
    const expired = await send(unused);
    expect(expired.status).toBe(410);
    expect(expired.body).toContain('This link has expired');
    expect(expired.body).not.toContain('copied incompletely');
    const spent = await send(used);
    expect(spent.status).toBe(410);
    expect(spent.body).toContain('This link was already used');
  });
});

describe('a form saved after its link expired', () => {
  it('comes back with everything typed and the true reason; after a new link in this browser it saves', async () => {
    const page = await send(linkFor(h.deps, alex, 'checkin', h.now, TODAY));
    const form = formOf(page);
    h.now += 36 * HOUR + MINUTE;
    housekeeping(h.deps, h.now);
    const before = h.rowCounts();

    // The browser dropped the cookie when the link expired; a browser that still sends it is told the same.
    for (const cookie of ['', page.cookie]) {
      const r = await post(answers(form), cookie);
      expect(r.status).toBe(410);
      expect(r.body).toContain('<h1>This page’s link has expired</h1>');
      expect(r.body).toContain('The link for your check-in for Monday 2 March has run out');
      expect(r.body).toContain('type /checkin in your chat with Interlude');
      expect(r.body).not.toContain('opened in this browser');
      expect(textareaHolds(r.body, 'Kept <b>every</b> word\r\nof it & more')).toBe(true);
      expect(r.body).toContain('name="mood" value="6" required checked>');
      expect(r.body).toContain('name="anxiety" value="2" required checked>');
      expect(r.body).toContain('name="tags" value="time-outside" checked>');
      expect(h.rowCounts()).toEqual(before);
    }

    // A new link, opened in this browser; the old page, saved again, comes back with this session's token.
    const kept = await post(answers(form));
    const fresh = await send(linkFor(h.deps, alex, 'checkin', h.now));
    const again = await post(answers(formOf(kept)), fresh.cookie);
    expect(again.status).toBe(409);
    expect(again.body).toContain('You opened a new link, so these answers will be saved for today.');
    expect(hidden(again.body, '_csrf')).toBe(hidden(fresh.body, '_csrf'));
    expect(textareaHolds(again.body, 'Kept <b>every</b> word\r\nof it & more')).toBe(true);
    expect(h.store.checkins.all(alex.id)).toEqual([]);

    const saved = await post(answers(formOf(again)), fresh.cookie);
    expect(saved.status).toBe(200);
    expect(h.store.checkins.all(alex.id).map((c) => [c.localDate, c.mood, c.reflection])).toEqual([
      ['2026-03-04', 6, 'Kept <b>every</b> word\nof it & more'],
    ]);
  });
});

describe('a reflection over the limit', () => {
  it.each([
    { what: 'a 120,000-character paste', text: 'a'.repeat(120_000), count: '120,000' },
    { what: '9,000 emoji', text: '🌿'.repeat(9_000), count: '9,000' },
  ])('$what: the 4,000-character message, and the text kept in the box', async ({ text, count }) => {
    const page = await send(linkFor(h.deps, alex, 'checkin', h.now, TODAY));
    expect(page.body).toMatch(/<textarea [^>]*maxlength="8000"/);
    const r = await post(answers(formOf(page), { reflection: text }), page.cookie);
    expect(r.status).toBe(422);
    expect(r.body).toContain(`That reflection is ${count} characters; I can keep up to 4,000 in one go.`);
    expect(textareaHolds(r.body, text)).toBe(true);
    expect(h.store.checkins.all(alex.id)).toEqual([]);
  });

  it('too large to read at all: says the real limit and never that nothing was lost', async () => {
    const page = await send(linkFor(h.deps, alex, 'checkin', h.now, TODAY));
    const r = await post(answers(formOf(page), { reflection: '🌿'.repeat(120_000) }), page.cookie);
    expect(r.status).toBe(413);
    expect(r.body).toContain('The reflection can hold up to 4,000 characters');
    expect(r.body).not.toMatch(/nothing you wrote was lost/i);
    expect(h.store.checkins.all(alex.id)).toEqual([]);
  });
});

describe('the day a check-in is for', () => {
  it('says "Today’s check-in" only for today in the person’s zone, and names any other day', async () => {
    const today = await send(linkFor(h.deps, alex, 'checkin', h.now, TODAY));
    expect(today.body).toContain('<h1>Today’s check-in</h1>');
    const yesterday = await send(linkFor(h.deps, alex, 'checkin', h.now, '2026-03-01'));
    expect(yesterday.body).toContain('<h1>Check-in for Sunday 1 March</h1>');
    expect(yesterday.body).not.toContain('Today’s check-in');

    // 11:30 UTC on 1 March is already 2 March in Auckland: that link is for today there.
    const kiri = h.enrolDirect(h.actor('kiri'), 'Pacific/Auckland', '20:00');
    h.now = at('UTC', '2026-03-01T11:30');
    expect((await send(linkFor(h.deps, kiri, 'checkin', h.now, TODAY))).body).toContain(
      '<h1>Today’s check-in</h1>',
    );
  });
});

describe('numbers and line ends', () => {
  it.each(['1e1', '0x5', '5.0', '+5', '٥', '5 5'])('refuses mood=%s, saving nothing', async (mood) => {
    const page = await send(linkFor(h.deps, alex, 'checkin', h.now, TODAY));
    const r = await post(answers(formOf(page), { mood }), page.cookie);
    expect(r.status).toBe(422);
    expect(r.body).toContain('Mood needs a whole number from 1 to 10.');
    expect(h.store.checkins.all(alex.id)).toEqual([]);
  });

  it('takes plain digits with white space around them, and stores line ends as \\n', async () => {
    const page = await send(linkFor(h.deps, alex, 'checkin', h.now, TODAY));
    const r = await post(
      answers(formOf(page), { mood: ' 7 ', reflection: 'one\r\ntwo\rthree\n\nfour' }),
      page.cookie,
    );
    expect(r.status).toBe(200);
    expect(h.store.checkins.all(alex.id).map((c) => [c.mood, c.reflection])).toEqual([
      [7, 'one\ntwo\nthree\n\nfour'],
    ]);
  });

  it('the same rules for every surface: the shared schema (chat modals) refuses 1e1 and normalises CRLF', () => {
    const base = { sleep: '3', energy: '3', anxiety: '3' };
    expect(checkinSchema.safeParse({ ...base, mood: '1e1' }).success).toBe(false);
    expect(checkinSchema.safeParse({ ...base, mood: '0x5' }).success).toBe(false);
    expect(checkinSchema.parse({ ...base, mood: 8, reflection: 'a\r\nb' })).toMatchObject({
      mood: 8,
      reflection: 'a\nb',
    });
  });
});
