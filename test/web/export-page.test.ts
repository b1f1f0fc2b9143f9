/**
 * The download page an /export link opens on Discord and Slack, served by the real Express app on 127.0.0.1 from a
 * real SQLite store: no data crosses the chat, only a private single-use link (design principle 1). The files are
 * built from the store at download time and must give back exactly what the person wrote.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/actor.js';
import { exportLinkMessage } from '../../src/app/export-data.js';
import { linkFor } from '../../src/app/links.js';
import { HOUR, MINUTE } from '../../src/domain/types.js';
import { recordCheckin } from '../../src/features/check-in/checkin.js';
import { collectPersonData, exportFiles } from '../../src/features/person-data.js';
import { escapeHtml } from '../../src/web/html.js';
import { AppHarness, at } from '../helpers/app-harness.js';

const ZONE = 'Europe/London';
const local = (s: string) => at(ZONE, s);

const XSS = '<script>alert("x")</script> & \'quotes\'';
const EMOJI = 'Felt the tide turn 🌊💙 — small steps 👣🏽';
const RTL = 'היום הרגשתי שקט. اليوم شعرت بالهدوء';
const MULTILINE = 'First line\n   then, "quoted", an indented second';
/** Exactly the longest entry /journal accepts: 4,000 characters as a person counts them (an emoji is one). */
const LONG_UNIT = [...'A long evening entry 🌙 & <wrote> "more" — café\n'];
const LONG = `${Array.from({ length: 3999 }, (_, i) => LONG_UNIT[i % LONG_UNIT.length]).join('')}.`;
const REFLECTION = `Calmer after the walk ${EMOJI} ${XSS}`;

const FILES = [
  'interlude-export.json',
  'interlude-checkins.csv',
  'interlude-journal.csv',
  'interlude-intentions.csv',
  'interlude-actions.csv',
  'interlude-sessions.csv',
];

let h: AppHarness;
let base: string;
let alex: Actor;

beforeEach(async () => {
  h = new AppHarness();
  base = await h.servePages();
  alex = h.actor('alex');
  h.now = local('2026-03-01T10:00');
  await h.enrol(alex, ZONE, '20:00');
  for (const [date, mood, reflection] of [
    ['2026-03-02', 4, REFLECTION],
    ['2026-03-03', 7, RTL],
    ['2026-03-04', 6, ''],
  ] as const) {
    h.now = local(`${date}T20:00`);
    recordCheckin(
      h.deps,
      h.me(alex),
      { mood: String(mood), sleep: '3', energy: '4', anxiety: '2', reflection, tags: 'exercised' },
      { localDate: date, source: 'web' },
      h.now,
    );
  }
  for (const entry of [XSS, EMOJI, MULTILINE, LONG]) {
    h.now += MINUTE;
    await h.command(alex, 'journal', 'write', { text: entry });
  }
  await h.command(alex, 'intention', 'set', { text: `Rest when tired ${EMOJI}` });
  await h.command(alex, 'action', 'add', { text: '<b>Walk</b> after lunch' });
  h.now = local('2026-03-05T09:00');
});
afterEach(async () => {
  await h.close();
});

/** The link in the message /export gives on a chat platform. */
function exportLink(who: Actor = alex): string {
  const m = exportLinkMessage(h.deps, h.me(who), h.now);
  const link = m.blocks.find((b) => b.type === 'link');
  if (link?.type !== 'link') throw new Error('no link in the export message');
  return link.url;
}

/** Open a link and keep the session cookie it set, as a browser would. */
async function open(url: string): Promise<{ res: Response; body: string; cookie: string }> {
  const res = await fetch(url);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { res, body: await res.text(), cookie };
}

const download = (name: string, cookie: string) =>
  fetch(`${base}/export/${name}`, { headers: cookie ? { cookie } : {} });

/** The CSV cells of a file, parsed (RFC 4180: every cell quoted, quotes doubled). */
function csvRows(csv: string): string[][] {
  const rows: string[][] = [];
  const cell = /"((?:[^"]|"")*)"(,|\r\n)/g;
  let row: string[] = [];
  for (const m of csv.matchAll(cell)) {
    row.push((m[1] ?? '').replaceAll('""', '"'));
    if (m[2] === '\r\n') {
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

describe('the /export message', () => {
  it('holds no data and no files: a warm line and a private link that lasts an hour', () => {
    const m = exportLinkMessage(h.deps, h.me(alex), h.now);
    expect(m.sensitive).toBeUndefined();
    expect(m.files).toBeUndefined();
    const [line, link] = m.blocks;
    expect(line?.type).toBe('text');
    expect(line?.type === 'text' && line.text).toMatch(/private/);
    expect(line?.type === 'text' && line.text).toMatch(/works once/);
    expect(line?.type === 'text' && line.text).toMatch(/1 hour/);
    expect(link).toEqual({ type: 'link', label: 'Download your data', url: expect.stringMatching(/\/l\//) });
    expect(JSON.stringify(m)).not.toContain('tide turn');
    const row = h.store.db
      .prepare<[], { purpose: string; expires_at: number; created_at: number }>(
        "SELECT purpose, expires_at, created_at FROM links WHERE purpose = 'export'",
      )
      .get();
    expect(row && row.expires_at - row.created_at).toBe(HOUR);
  });
});

describe('the export download page', () => {
  it('lists every file with a description, a size and a download link, escaped, with no script', async () => {
    const { res, body, cookie } = await open(exportLink());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(cookie).toMatch(/^interlude_session=/);
    expect(body).toContain('<h1>Your data</h1>');
    expect(body).toContain(
      'These files hold everything Interlude stores about you. Keep them somewhere safe',
    );
    expect(body).not.toMatch(/<script/i);
    // The page lists files; it shows none of the person's words.
    expect(body).not.toContain('tide turn');
    const links = [...body.matchAll(/<a href="([^"]+)" download="([^"]+)">([^<]+)<\/a>/g)].map((m) => [
      m[1],
      m[2],
      m[3],
    ]);
    expect(links).toEqual(FILES.map((f) => [`/export/${f}`, escapeHtml(f), escapeHtml(f)]));
    const files = exportFiles(collectPersonData(h.store, h.me(alex)));
    for (const f of files) {
      const size = Buffer.byteLength(f.data);
      const shown = size < 1024 ? `${size} bytes` : `${(size / 1024).toFixed(1)} KB`;
      expect(body).toContain(`<p class="muted">${shown}</p>`);
    }
    expect(body).toContain('Your journal entries, exactly as you wrote them.');
  });

  it('each file downloads with its type, as an attachment nobody caches, and the stored text comes back exactly', async () => {
    const { cookie } = await open(exportLink());
    const got: Record<string, string> = {};
    for (const name of FILES) {
      const res = await download(name, cookie);
      expect({ name, status: res.status }).toEqual({ name, status: 200 });
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-type')).toBe(
        name.endsWith('.json') ? 'application/json' : 'text/csv; charset=utf-8',
      );
      got[name] = await res.text();
    }

    const json = JSON.parse(got['interlude-export.json'] ?? '') as ReturnType<typeof collectPersonData>;
    expect(json).toEqual(collectPersonData(h.store, h.me(alex)));
    expect(json.journal.map((j) => j.text)).toEqual([XSS, EMOJI, MULTILINE, LONG]);
    expect([...(json.journal[3]?.text ?? '')]).toHaveLength(4000);
    expect(json.checkins.map((c) => c.reflection)).toEqual([REFLECTION, RTL, null]);
    expect(json.intentions.map((i) => i.text)).toEqual([`Rest when tired ${EMOJI}`]);
    expect(json.actions.map((a) => a.text)).toEqual(['<b>Walk</b> after lunch']);

    const journal = csvRows(got['interlude-journal.csv'] ?? '');
    expect(journal[0]).toEqual(['date', 'text', 'recorded_at']);
    expect(journal.slice(1).map((r) => r[1])).toEqual([XSS, EMOJI, MULTILINE, LONG]);
    // The whole entry as one CSV cell: quoted, its quotes doubled, its line breaks kept.
    expect(got['interlude-journal.csv']).toContain(`"${LONG.replaceAll('"', '""')}"`);
    expect(csvRows(got['interlude-checkins.csv'] ?? '').map((r) => r[6])).toEqual([
      'reflection',
      REFLECTION,
      RTL,
      '',
    ]);
    expect(got['interlude-intentions.csv']).toContain(`Rest when tired ${EMOJI}`);
    expect(got['interlude-actions.csv']).toContain('<b>Walk</b> after lunch');
    expect(csvRows(got['interlude-sessions.csv'] ?? '')).toEqual([['date', 'status', 'recorded_at']]);
  });

  it('builds the files when they are downloaded, so they are current', async () => {
    const { cookie } = await open(exportLink());
    h.now += 10 * MINUTE;
    await h.command(alex, 'journal', 'write', { text: 'Written after the page opened' });
    const csv = await (await download('interlude-journal.csv', cookie)).text();
    expect(csv).toContain('Written after the page opened');
  });

  it('an unknown file name is a 404, with nothing in it', async () => {
    const { cookie } = await open(exportLink());
    for (const name of ['nope.csv', '..%2F..%2Fetc%2Fpasswd', 'interlude-export.JSON', '%3Cscript%3E']) {
      const res = await download(name, cookie);
      expect({ name, status: res.status }).toEqual({ name, status: 404 });
      expect(res.headers.get('content-disposition')).toBeNull();
      const body = await res.text();
      expect(body).not.toContain('tide turn');
      expect(body).not.toMatch(/<script/i);
    }
  });

  it('works once: a second open of the link is refused and opens no session', async () => {
    const url = exportLink();
    expect((await open(url)).res.status).toBe(200);
    const again = await open(url);
    expect(again.res.status).toBe(410);
    expect(again.body).toContain('This link was already used');
    expect(again.body).not.toContain('tide turn');
    expect(again.cookie).toBe('');
    expect(
      h.store.db
        .prepare<[], number>("SELECT COUNT(*) FROM web_sessions WHERE purpose = 'export'")
        .pluck()
        .get(),
    ).toBe(1);
  });

  it('an expired link is refused kindly, and the session ends with the hour', async () => {
    const url = exportLink();
    const issuedAt = h.now;
    const { cookie } = await open(url);
    h.now = issuedAt + HOUR - 1;
    expect((await download('interlude-journal.csv', cookie)).status).toBe(200);

    h.now = issuedAt + HOUR;
    const late = await download('interlude-journal.csv', cookie);
    expect(late.status).toBe(403);
    const latePage = await late.text();
    expect(latePage).toContain('Please open your link again');
    expect(latePage).toContain('/export');
    expect(latePage).not.toContain('tide turn');

    const unopened = exportLink();
    h.now += HOUR + MINUTE;
    const expired = await open(unopened);
    expect(expired.res.status).toBe(410);
    expect(expired.body).toContain('This link has expired');
    expect(expired.body).not.toContain('tide turn');
    expect(expired.cookie).toBe('');
  });

  it('needs the export session: no cookie, a made-up one, or another page’s session downloads nothing', async () => {
    for (const cookie of ['', 'interlude_session=made-up-token', 'other=1']) {
      const res = await download('interlude-export.json', cookie);
      expect({ cookie, status: res.status }).toEqual({ cookie, status: 403 });
      expect(await res.text()).not.toContain('tide turn');
    }
    // Alex's own reflection session is for the reflection page, not for the files.
    const reflection = await open(linkFor(h.deps, h.me(alex), 'reflection', h.now));
    expect(reflection.res.status).toBe(200);
    const res = await download('interlude-export.json', reflection.cookie);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('tide turn');
  });

  it("another person's session downloads only their own files, never this person's", async () => {
    const blake = h.actor('blake');
    await h.enrol(blake, ZONE, '20:00');
    await h.command(blake, 'journal', 'write', { text: 'Blake private words' });
    const alexSession = (await open(exportLink(alex))).cookie;
    const blakeSession = (await open(exportLink(blake))).cookie;
    expect(blakeSession).not.toBe(alexSession);

    for (const name of FILES) {
      const text = await (await download(name, blakeSession)).text();
      expect(text).not.toContain('tide turn');
      expect(text).not.toContain('A long evening entry');
    }
    const blakeJson = JSON.parse(await (await download('interlude-export.json', blakeSession)).text()) as {
      profile: { userId: string };
      journal: { text: string }[];
    };
    expect(blakeJson.profile.userId).toBe('blake');
    expect(blakeJson.journal.map((j) => j.text)).toEqual(['Blake private words']);
    const alexCsv = await (await download('interlude-journal.csv', alexSession)).text();
    expect(alexCsv).not.toContain('Blake private words');
  });

  it('after /forget, the link and an open session give nothing', async () => {
    const unopened = exportLink();
    const { cookie } = await open(exportLink());
    expect((await download('interlude-export.json', cookie)).status).toBe(200);

    await h.command(alex, 'forget');
    h.action(alex, 'forget.confirm');

    const res = await download('interlude-export.json', cookie);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('tide turn');
    const link = await open(unopened);
    expect(link.res.status).toBe(404);
    expect(link.body).not.toContain('tide turn');
    expect(link.cookie).toBe('');
  });

  it('audits nothing: downloading your own data is not someone looking at you', async () => {
    const { cookie } = await open(exportLink());
    for (const name of FILES) await download(name, cookie);
    expect(h.store.audit.forSubject(h.me(alex).id)).toEqual([]);
  });
});
