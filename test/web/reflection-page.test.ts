/**
 * The reflection page a /summary link opens, served by the real Express app on 127.0.0.1: two server-drawn charts,
 * and the person's own words shown back exactly (escaped, never markup), reopenable until the link expires.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/actor.js';
import { HOUR } from '../../src/domain/types.js';
import { recordCheckin } from '../../src/features/check-in/checkin.js';
import { escapeHtml } from '../../src/web/html.js';
import { AppHarness, at } from '../helpers/app-harness.js';

const ZONE = 'Europe/London';
const local = (s: string) => at(ZONE, s);
const TODAY = '2026-03-10';

const XSS_SCRIPT = '<script>alert(1)</script>';
const XSS_ATTR = '"><img src=x onerror=alert(1)>';
const EMOJI = 'Felt the tide turn 🌊💙 — small steps 👣🏽';
const RTL = 'היום הרגשתי שקט. اليوم شعرت بالهدوء';
const MULTILINE = 'First line\n   then an indented second & a <tag>';
const INTENTION_OLD = 'Meet worry with "curiosity" & kindness';
const INTENTION_NOW = `Rest when tired ${EMOJI}`;
const ACTION_OPEN = '<b>Walk</b> after lunch';
const ACTION_DONE = 'Call my sister 📞';
const OLD_JOURNAL = 'An entry from long ago, outside the 30 days';

let h: AppHarness;
let alex: Actor;
let prompts: string[];

/** A check-in on a day, answering that day's prompt (the way the form does). */
async function checkInOn(date: string, mood: number, reflection: string | null): Promise<void> {
  h.now = local(`${date}T09:00`);
  const form = (await h.command(alex, 'checkin')).form;
  if (reflection !== null) prompts.push(form?.promptText ?? '');
  recordCheckin(
    h.deps,
    h.me(alex),
    { mood: String(mood), sleep: '3', energy: '4', anxiety: '2', reflection: reflection ?? '', tags: '' },
    { localDate: form?.localDate, promptId: form?.promptId, source: 'web' },
    h.now,
  );
}

async function on(date: string, name: string, sub: string, text: string): Promise<void> {
  h.now = local(`${date}T12:00`);
  await h.command(alex, name, sub, { text });
}

beforeEach(async () => {
  h = new AppHarness();
  prompts = [];
  await h.servePages();
  alex = h.actor('alex');
  h.now = local('2026-02-01T10:00');
  await h.enrol(alex, ZONE, '20:00');
  await on('2026-02-05', 'journal', 'write', OLD_JOURNAL);
  await on('2026-02-20', 'intention', 'set', INTENTION_OLD);
  await checkInOn('2026-02-08', 9, 'Outside the 30 days');
  await checkInOn('2026-02-09', 3, MULTILINE); // the first of the 30 days that end today
  await checkInOn('2026-03-05', 5, XSS_SCRIPT);
  await checkInOn('2026-03-07', 6, null);
  await checkInOn('2026-03-09', 7, XSS_ATTR);
  await checkInOn(TODAY, 8, RTL);
  await on('2026-03-06', 'journal', 'write', XSS_ATTR);
  await on('2026-03-08', 'journal', 'write', EMOJI);
  await on('2026-03-08', 'intention', 'set', INTENTION_NOW);
  await on('2026-03-01', 'action', 'add', ACTION_DONE);
  await on('2026-03-01', 'action', 'add', ACTION_OPEN);
  h.now = local('2026-03-04T18:00');
  await h.command(alex, 'action', 'done', { number: '1' });
  h.now = local(`${TODAY}T09:30`);
});
afterEach(async () => {
  await h.close();
});

/** The link in the /summary reply (the only way a person gets one). */
async function summaryLink(): Promise<string> {
  const m = await h.command(alex, 'summary');
  const link = m.blocks.find((b) => b.type === 'link');
  if (link?.type !== 'link') throw new Error('no link in /summary');
  return link.url;
}

const decodeHtml = (s: string) =>
  s.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '',
  );

/** What each <blockquote> holds, decoded: the words exactly as the page shows them. */
const quotes = (body: string) =>
  [...body.matchAll(/<blockquote dir="auto">([\s\S]*?)<\/blockquote>/g)].map((m) => decodeHtml(m[1] ?? ''));

/** The text of the section under an <h2>, up to the next one. */
const section = (body: string, title: string) => body.split(`<h2>${title}</h2>`)[1]?.split('<h2>')[0] ?? '';

describe('the reflection page', () => {
  it('draws the last 7 and the last 30 days as inline SVG charts with their text alternatives', async () => {
    const res = await fetch(await summaryLink());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const body = await res.text();
    const svgs = [...body.matchAll(/<svg [^>]*role="img" aria-label="([^"]*)"/g)].map((m) => m[1]);
    // 4–10 Mar: 5, 6, 7, 8 → 4 check-ins averaging 6.5; 30 days from 14 Feb adds the 3: 29 / 5 = 5.8.
    expect(svgs).toEqual([
      'Mood, sleep and energy, 4 Mar – 10 Mar: 4 check-ins, average mood 6.5',
      'Mood, sleep and energy, 9 Feb – 10 Mar: 5 check-ins, average mood 5.8',
    ]);
    expect(section(body, 'The last 7 days')).toContain('<div class="chart"><svg');
    expect(section(body, 'The last 30 days')).toContain('>Mood, sleep and energy</text>');
    // No script anywhere: the CSP forbids it and the page needs none.
    expect(body).not.toMatch(/<script/i);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it("shows the person's words exactly, escaped: reflections with their prompts, journal, intentions, actions", async () => {
    const body = await (await fetch(await summaryLink())).text();
    expect(body).not.toMatch(/<script|<img|<b>|<tag>/i);
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(body).toContain(EMOJI);
    expect(body).toContain(RTL);

    // Newest first, each exactly as written (line breaks and inner spaces kept); nothing from before the 30 days.
    expect(quotes(section(body, 'What you reflected on'))).toEqual([RTL, XSS_ATTR, XSS_SCRIPT, MULTILINE]);
    for (const p of prompts.slice(1)) expect(section(body, 'What you reflected on')).toContain(escapeHtml(p));
    expect(quotes(section(body, 'Journal'))).toEqual([EMOJI, XSS_ATTR]);
    expect(body).not.toContain(OLD_JOURNAL);
    expect(body).not.toContain('Outside the 30 days');

    const intentions = section(body, 'Intentions');
    expect(quotes(intentions)).toEqual([INTENTION_NOW, INTENTION_OLD]);
    expect(intentions).toMatch(/Current, set Sun 8 Mar[\s\S]*<h3>Earlier<\/h3>[\s\S]*Fri 20 Feb/);

    const actions = section(body, 'Action plans');
    expect(actions).toContain(
      `<h3>Open</h3><ul><li><span class="muted">#2</span> <span dir="auto">${escapeHtml(ACTION_OPEN)}</span></li></ul>`,
    );
    expect(actions).toContain(
      `<h3>Done</h3><ul><li><span class="muted">#1</span> <span dir="auto">${ACTION_DONE}</span> <span class="muted">— done Wed 4 Mar</span>`,
    );
  });

  it("shows only this person's data", async () => {
    const other = h.actor('blake');
    await h.enrol(other, ZONE, '20:00');
    await h.command(other, 'journal', 'write', { text: 'Blake private words' });
    const body = await (await fetch(await summaryLink())).text();
    expect(body).not.toContain('Blake private words');
    expect(quotes(section(body, 'Journal'))).toEqual([EMOJI, XSS_ATTR]);
  });

  it('opens again and again until the link expires, then says so kindly (410)', async () => {
    const url = await summaryLink();
    const issuedAt = h.now;
    for (const later of [0, HOUR, 20 * HOUR, 36 * HOUR - 1]) {
      h.now = issuedAt + later;
      const res = await fetch(url);
      expect({ later, status: res.status }).toEqual({ later, status: 200 });
      expect(await res.text()).toContain('<h1>Your reflection</h1>');
    }
    const link = h.store.db
      .prepare<[], { used_at: number | null }>("SELECT used_at FROM links WHERE purpose = 'reflection'")
      .get();
    expect(link?.used_at).toBeNull();

    h.now = issuedAt + 36 * HOUR;
    const expired = await fetch(url);
    expect(expired.status).toBe(410);
    const page = await expired.text();
    expect(page).toContain('This link has expired');
    expect(page).toContain('type /summary in your chat');
    expect(page).not.toContain(EMOJI);
  });

  it('an altered token finds nothing and shows nothing', async () => {
    const url = await summaryLink();
    const res = await fetch(`${url.slice(0, -2)}xx`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(RTL);
  });
});
