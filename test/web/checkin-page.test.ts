/**
 * The private check-in page over real HTTP: the real Express app on 127.0.0.1, a real SQLite store through the
 * app harness, links minted by the app (or delivered in a real nudge), and a fixed clock the test moves by hand.
 */
import type { Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken, linkFor, mintToken } from '../../src/app/links.js';
import { CHECKIN_FIELDS, CHECKIN_TAGS } from '../../src/domain/checkin-form.js';
import type { Participant } from '../../src/domain/entities.js';
import { promptById } from '../../src/domain/prompts/index.js';
import { HOUR, MINUTE } from '../../src/domain/types.js';
import { recordCheckin } from '../../src/features/check-in/checkin.js';
import { escapeHtml } from '../../src/web/html.js';
import { createWebApp, startWebServer } from '../../src/web/server.js';
import { AppHarness, at } from '../helpers/app-harness.js';

const LONDON = 'Europe/London';
const TODAY = '2026-03-02';

let h: AppHarness;
let server: Server;
let base: string;
let alex: Participant;

beforeEach(async () => {
  h = new AppHarness();
  h.now = at(LONDON, `${TODAY}T19:00`);
  alex = h.enrolDirect(h.actor('alex'), LONDON, '20:00');
  const app = createWebApp({ deps: h.deps, clock: { now: () => h.now } });
  const started = await startWebServer(app, '127.0.0.1', 0);
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
  headers: Headers;
}

const reply = async (res: Response): Promise<Reply> => ({
  status: res.status,
  body: await res.text(),
  headers: res.headers,
});

const get = async (url: string, cookie?: string): Promise<Reply> =>
  reply(await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} }));

/** A form post as a browser sends it: urlencoded, repeated keys for checkboxes. */
const post = async (fields: [string, string][], cookie?: string): Promise<Reply> =>
  reply(
    await fetch(`${base}/checkin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams(fields).toString(),
    }),
  );

interface Opened extends Reply {
  /** `name=value`, as the browser sends it back. */
  cookie: string;
  csrf: string;
}

/** GET a link as a browser does, keeping the session cookie and the form's CSRF token. */
async function open(url: string): Promise<Opened> {
  const r = await get(url);
  expect(r.status).toBe(200);
  const cookie = r.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(r.body)?.[1] ?? '';
  expect(cookie).toMatch(/^interlude_session=[A-Za-z0-9_-]{43}$/);
  expect(csrf).toMatch(/^[A-Za-z0-9_-]{32}$/);
  return { ...r, cookie, csrf };
}

const checkinLink = (date = TODAY) => linkFor(h.deps, alex, 'checkin', h.now, date);

const REFLECTION =
  'Calmer today 🌿🫶🏽 — שלום, مرحبا بالعالم <script>alert(1)</script> "><img src=x onerror=alert(1)> & done';

const answers = (o: { mood?: string; reflection?: string; csrf: string }): [string, string][] => [
  ['_csrf', o.csrf],
  ['mood', o.mood ?? '7'],
  ['sleep', '4'],
  ['energy', '3'],
  ['anxiety', '2'],
  ['reflection', o.reflection ?? REFLECTION],
  ['tags', 'exercised'],
  ['tags', 'time-outside'],
];

/** Every refusal: a kind page that says how to get a fresh link, and no raw error. */
function expectKindRefusal(r: Reply, status: number, title: RegExp): void {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/^text\/html/);
  expect(r.body).toMatch(title);
  expect(r.body).toContain('type /checkin in your chat with Interlude');
  expect(r.body).toContain('Nothing was saved');
  expect(r.body).not.toContain('<form');
  expect(r.body).not.toMatch(/Error|stack|at \//);
}

describe('opening a check-in link', () => {
  it('a link from a real nudge opens the form: every field from the definition, the day’s prompt, a CSRF token', async () => {
    // Yesterday was a session day: today the form carries the integration note and an integration prompt.
    h.store.sessions.add(alex.id, '2026-03-01', 'done', h.now);
    await h.tick(at(LONDON, `${TODAY}T20:00`));
    const nudge = h.messenger.to('alex')[0]?.message;
    const url = nudge?.blocks.find((b) => b.type === 'link')?.url ?? '';
    expect(url.startsWith(`${base}/l/`)).toBe(true);
    // The nudge itself carries no health content: the link is the way in.
    expect(JSON.stringify(nudge)).not.toMatch(/mood|sleep|anxiety|session/i);

    const page = await open(url);
    expect(page.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    for (const f of CHECKIN_FIELDS) {
      if (f.kind !== 'scale') continue;
      expect(page.body).toContain(`<legend>${escapeHtml(f.question)}</legend>`);
      const values = [
        ...page.body.matchAll(new RegExp(`type="radio" name="${f.key}" value="(\\d+)" required`, 'g')),
      ];
      expect(values.map((m) => Number(m[1]))).toEqual(
        Array.from({ length: f.max - f.min + 1 }, (_, i) => f.min + i),
      );
    }
    const tags = [...page.body.matchAll(/type="checkbox" name="tags" value="([a-z-]+)"/g)].map((m) => m[1]);
    expect(tags).toEqual([...CHECKIN_TAGS]);
    expect(page.body).toContain('<textarea id="reflection" name="reflection"');

    const promptId = h.store.prompts.forDate(alex.id, TODAY);
    const prompt = promptById(promptId ?? '');
    expect(prompt).toBeDefined();
    expect(page.body).toContain(`<label for="reflection">${escapeHtml(prompt?.text ?? '')}</label>`);
    expect(page.body).toContain('first days after a session');
    expect(page.body).toContain(`<input type="hidden" name="_csrf" value="${page.csrf}">`);
    expect(page.body).toContain('<form method="post" action="/checkin"');
    expect(page.body).not.toContain('<script');
  });

  it('a link can be reopened until it is submitted (each opening is its own session)', async () => {
    const url = checkinLink();
    const first = await open(url);
    const second = await open(url);
    expect(second.cookie).not.toBe(first.cookie);
    expect(second.csrf).not.toBe(first.csrf);
    expect(h.rowCounts().web_sessions).toBe(2);
  });
});

describe('submitting the form', () => {
  it('stores exactly what was sent, from the web, and shows it back escaped with the last 7 days', async () => {
    // Two days ago Alex checked in from the console: the week on the confirmation page shows it.
    recordCheckin(
      h.deps,
      alex,
      { mood: 5, sleep: 2, energy: 2, anxiety: 4 },
      { localDate: '2026-02-28', source: 'console' },
      at(LONDON, '2026-02-28T20:00'),
    );
    const page = await open(checkinLink());
    h.now += 5 * MINUTE;
    const r = await post(answers({ csrf: page.csrf }), page.cookie);

    expect(r.status).toBe(200);
    const stored = h.store.checkins.all(alex.id);
    expect(stored).toHaveLength(2);
    const row = stored.find((c) => c.localDate === TODAY);
    expect(row).toEqual({
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
      createdAt: h.now,
    });

    expect(r.body).toContain('<h1>Thank you — saved</h1>');
    expect(r.body).toContain(`<blockquote dir="auto">${escapeHtml(REFLECTION)}</blockquote>`);
    expect(r.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.body).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(r.body).not.toMatch(/<script/i);
    expect(r.body).not.toMatch(/<img/i);
    expect(r.body).toContain('🌿🫶🏽 — שלום, مرحبا بالعالم');

    expect(r.body).toContain('<h2>Your last 7 days</h2>');
    const week = [...(r.body.split('<footer>')[0] ?? '').matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]);
    expect(week).toEqual([
      'Tue 24 Feb: —',
      'Wed 25 Feb: —',
      'Thu 26 Feb: —',
      'Fri 27 Feb: —',
      'Sat 28 Feb: mood 5/10 · sleep 2/5 · energy 2/5 · anxiety 4/5',
      'Sun 1 Mar: —',
      'Mon 2 Mar: mood 7/10 · sleep 4/5 · energy 3/5 · anxiety 2/5',
    ]);
    // The link is spent in the same transaction as the save.
    expect(h.store.links.get(1)?.usedAt).toBe(h.now);
  });

  it.each([
    {
      what: 'a mood of 11',
      field: 'mood',
      mood: '11',
      reflection: 'A steady day',
      error: 'Mood goes from 1 to 10 — please pick a number in that range.',
    },
    {
      what: 'a 10,000-character reflection',
      field: 'reflection',
      mood: '7',
      reflection: 'a'.repeat(10_000),
      error: 'That reflection is 10,000 characters; I can keep up to 4,000 in one go.',
    },
    {
      what: 'a NUL byte in the reflection',
      field: 'reflection',
      mood: '7',
      reflection: 'before\u0000after',
      error: 'Your reflection has an invisible control character in it',
    },
  ])(
    '$what returns the form (422) with a kind error and the other answers kept; nothing is stored and the link still works',
    async ({ field, mood, reflection, error }) => {
      const url = checkinLink();
      const page = await open(url);
      const before = h.rowCounts();

      const r = await post(answers({ csrf: page.csrf, mood, reflection }), page.cookie);
      expect(r.status).toBe(422);
      expect(r.body).toMatch(
        new RegExp(`<p class="error" role="alert" id="form-error">[^<]*${escapeRe(error)}`),
      );
      expect(r.body).toContain('aria-describedby="form-error"');
      // The same problem beside its field, which names it (and only that field is marked).
      expect(r.body).toMatch(
        new RegExp(
          `<fieldset aria-describedby="${field}-error">\\n<legend>.*</legend>\\n<p class="error" id="${field}-error">[^<]*${escapeRe(error)}`,
        ),
      );
      expect(r.body.match(/class="error" id="[a-z]+-error"/g)).toHaveLength(1);
      // Everything else the person gave is still there to fix and resend.
      expect(r.body).toContain('name="sleep" value="4" required checked>');
      expect(r.body).toContain('name="energy" value="3" required checked>');
      expect(r.body).toContain('name="anxiety" value="2" required checked>');
      expect(r.body).toContain('name="tags" value="exercised" checked>');
      expect(r.body).toContain('name="tags" value="time-outside" checked>');
      expect(r.body).not.toContain('name="tags" value="connected" checked>');
      if (mood === '7') expect(r.body).toContain('name="mood" value="7" required checked>');
      expect(r.body).toContain(`aria-describedby="reflection-hint">\n${escapeHtml(reflection)}</textarea>`);
      expect(r.body).toContain(`name="_csrf" value="${page.csrf}"`);

      expect(h.rowCounts()).toEqual(before);
      expect(h.store.links.get(1)?.usedAt).toBeNull();

      // Fixed and sent again with the same session: saved.
      const fixed = await post(answers({ csrf: page.csrf, reflection: 'Better now' }), page.cookie);
      expect(fixed.status).toBe(200);
      expect(h.store.checkins.all(alex.id).map((c) => [c.mood, c.reflection])).toEqual([[7, 'Better now']]);
      // And the link, reopened now, says it was used.
      expectKindRefusal(await get(url), 410, /This link was already used/);
    },
  );
});

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('refusals: a kind page, a way to a fresh link, nothing stored', () => {
  it('reusing a link after a successful submit: 410, on reopening and on posting again', async () => {
    const url = checkinLink();
    const page = await open(url);
    expect((await post(answers({ csrf: page.csrf }), page.cookie)).status).toBe(200);
    const after = h.rowCounts();

    expectKindRefusal(await get(url), 410, /This link was already used/);
    expectKindRefusal(
      await post(answers({ csrf: page.csrf, mood: '2' }), page.cookie),
      410,
      /This link was already used/,
    );
    expect(h.rowCounts()).toEqual(after);
    expect(h.store.checkins.all(alex.id)).toHaveLength(1);
  });

  it('an altered token (one character changed): 404', async () => {
    const url = checkinLink();
    const token = url.slice(`${base}/l/`.length);
    const altered = `${token[0] === 'A' ? 'B' : 'A'}${token.slice(1)}`;
    const before = h.rowCounts();
    expectKindRefusal(await get(`${base}/l/${altered}`), 404, /This link does not work/);
    expect(h.rowCounts()).toEqual(before);
    // The real one still opens.
    await open(url);
  });

  it('an expired link (past 36 hours): 410', async () => {
    const url = checkinLink();
    h.now += 36 * HOUR + MINUTE;
    const before = h.rowCounts();
    expectKindRefusal(await get(url), 410, /This link has expired/);
    expect(h.rowCounts()).toEqual(before);
  });

  it('an unknown token, well formed and correctly signed: 404', async () => {
    const before = h.rowCounts();
    expectKindRefusal(
      await get(`${base}/l/${mintToken(h.deps.secrets.linkKey)}`),
      404,
      /This link does not work/,
    );
    expect(h.rowCounts()).toEqual(before);
  });

  it('a POST without the _csrf field, or with a wrong one: 403', async () => {
    const page = await open(checkinLink());
    const before = h.rowCounts();
    const noCsrf = answers({ csrf: '' }).filter(([k]) => k !== '_csrf');
    expectKindRefusal(await post(noCsrf, page.cookie), 403, /security token/);
    const wrong = `${page.csrf.slice(0, -1)}${page.csrf.endsWith('A') ? 'B' : 'A'}`;
    expectKindRefusal(await post(answers({ csrf: wrong }), page.cookie), 403, /security token/);
    expectKindRefusal(await post(answers({ csrf: `${page.csrf}x` }), page.cookie), 403, /security token/);
    expect(h.rowCounts()).toEqual(before);
  });

  it('a POST with no cookie, or a mangled one: 403', async () => {
    const page = await open(checkinLink());
    const before = h.rowCounts();
    expectKindRefusal(await post(answers({ csrf: page.csrf })), 403, /Please open your link again/);
    expectKindRefusal(
      await post(answers({ csrf: page.csrf }), 'interlude_session=%E0%A4%A'),
      403,
      /Please open your link again/,
    );
    expectKindRefusal(
      await post(answers({ csrf: page.csrf }), `interlude_session=${'x'.repeat(43)}`),
      403,
      /Please open your link again/,
    );
    expect(h.rowCounts()).toEqual(before);
    expect(h.log.entries.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('a reflection-purpose session cookie posting to /checkin: 403', async () => {
    // A stand-in reflection landing on the real app, so the cookie comes from a real link opened over HTTP.
    const app = createWebApp({
      deps: h.deps,
      clock: { now: () => h.now },
      landings: {
        reflection: (_ctx, _req, res, { session }) => {
          res.type('html').send(`<p>reflection ${session.csrfToken}</p>`);
        },
      },
    });
    const other = await startWebServer(app, '127.0.0.1', 0);
    try {
      const url = linkFor(h.deps, alex, 'reflection', h.now).replace(base, `http://127.0.0.1:${other.port}`);
      const r = await get(url);
      expect(r.status).toBe(200);
      const cookie = r.headers.getSetCookie()[0]?.split(';')[0] ?? '';
      const csrf = /reflection (\S+)<\/p>/.exec(r.body)?.[1] ?? '';
      expect(h.store.browserSessions.byTokenHash(hashToken(cookie.split('=')[1] ?? ''))?.purpose).toBe(
        'reflection',
      );
      const before = h.rowCounts();
      expectKindRefusal(await post(answers({ csrf }), cookie), 403, /Please open your link again/);
      expect(h.rowCounts()).toEqual(before);
      expect(h.store.checkins.all(alex.id)).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => other.server.close(() => resolve()));
    }
  });
});
