/**
 * The facilitator's view, end to end on the real Express app: /dashboard gives a one-time sign-in link, the
 * roster lists only members of that space who chose to share, every member page is audit-logged first, and
 * nobody else's existence or health data leaks through any path.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/actor.js';
import type { Participant } from '../../src/domain/entities.js';
import { HOUR } from '../../src/domain/types.js';
import { recordCheckin } from '../../src/features/check-in/checkin.js';
import { AppHarness, at } from '../helpers/app-harness.js';

const ZONE = 'Europe/London';
const local = (s: string) => at(ZONE, s);
const XSS = '<script>alert(1)</script> and "><img src=x onerror=alert(1)>';

let h: AppHarness;
let base: string;
const lead = () => h.actor('lead', { isFacilitator: true, displayName: 'Lead Facilitator' });
const otherLead = () =>
  h.actor('other-lead', { isFacilitator: true, spaceExternalId: 'guild-elsewhere', spaceName: 'Elsewhere' });
let alex: Participant;
let blake: Participant;
let casey: Participant;
let dana: Participant;

async function member(
  actor: Actor,
  share: boolean,
  moods: Record<string, number>,
  words: string,
): Promise<Participant> {
  h.now = local('2026-02-01T10:00');
  await h.enrol(actor, ZONE, '20:00');
  if (share) await h.command(actor, 'settings', 'sharing', { state: 'on' });
  for (const [date, mood] of Object.entries(moods)) {
    h.now = local(`${date}T09:00`);
    const answers = {
      mood: String(mood),
      sleep: '4',
      energy: '3',
      anxiety: '2',
      reflection: `${words} on ${date}`,
      tags: 'connected',
    };
    recordCheckin(h.deps, h.me(actor), answers, { source: 'web' }, h.now);
  }
  await h.command(actor, 'journal', 'write', { text: `${words}: journal stays private` });
  return h.me(actor);
}

beforeEach(async () => {
  h = new AppHarness();
  base = await h.servePages();
  alex = await member(
    h.actor('alex', { displayName: 'Alex' }),
    true,
    { '2026-03-01': 6, '2026-03-09': 4, '2026-03-10': 7 },
    XSS,
  );
  blake = await member(h.actor('blake', { displayName: 'Blake' }), true, { '2026-02-10': 5 }, 'Blake words');
  casey = await member(
    h.actor('casey', { displayName: 'Casey' }),
    false,
    { '2026-03-10': 2 },
    'Casey secret',
  );
  dana = await member(
    h.actor('dana', { displayName: 'Dana', spaceExternalId: 'guild-elsewhere', spaceName: 'Elsewhere' }),
    true,
    { '2026-03-10': 9 },
    'Dana elsewhere',
  );
  h.now = local('2026-03-10T18:00');
});
afterEach(async () => {
  await h.close();
});

async function dashboardUrl(actor: Actor): Promise<string> {
  const m = await h.command(actor, 'dashboard');
  const link = m.blocks.find((b) => b.type === 'link');
  if (link?.type !== 'link') throw new Error('no link in the /dashboard reply');
  return link.url;
}

const cookieOf = (res: Response): string => (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

/** Sign in with a fresh /dashboard link: the roster response and the session cookie. */
async function signIn(actor: Actor = lead()): Promise<{ cookie: string; roster: string }> {
  const res = await fetch(await dashboardUrl(actor));
  expect(res.status).toBe(200);
  return { cookie: cookieOf(res), roster: await res.text() };
}

const get = (path: string, cookie?: string) => fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });
const views = (action: string) =>
  h.store.audit.forSpace(alex.spaceId, 1000).filter((e) => e.action === action);

describe('/dashboard', () => {
  it('is refused to a patient, kindly, and issues nothing', async () => {
    const before = h.rowCounts();
    await expect(h.command(h.actor('alex'), 'dashboard')).rejects.toMatchObject({
      code: 'not-facilitator',
      message: expect.stringContaining('/dashboard is for the group'),
    });
    expect(h.rowCounts()).toEqual(before);
  });

  it("gives a facilitator who never enrolled a one-time link in their own name, and no one's data", async () => {
    const fresh = h.actor('new-lead', {
      isFacilitator: true,
      spaceExternalId: 'guild-new',
      spaceName: 'New group',
    });
    const m = await h.command(fresh, 'dashboard');
    expect(m.sensitive).toBeFalsy();
    const text = JSON.stringify(m.blocks);
    for (const s of ['Alex', 'Blake', XSS]) expect(text).not.toContain(s);
    const space = h.store.spaces.find('discord', 'guild-new');
    const link = h.store.db.prepare("SELECT * FROM links WHERE purpose = 'dashboard'").get() as Record<
      string,
      unknown
    >;
    expect(link).toMatchObject({
      space_id: space?.id,
      user_id: 'new-lead',
      participant_id: null,
      used_at: null,
    });
    const roster = await (await fetch(await dashboardUrl(fresh))).text();
    expect(roster).toContain('No one has chosen to share yet');
  });

  it('signs in once: the link opens the roster, a second open is refused (410)', async () => {
    const url = await dashboardUrl(lead());
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict; Max-Age=43200/);
    const again = await fetch(url);
    expect(again.status).toBe(410);
    const page = await again.text();
    expect(page).toContain('This link was already used');
    expect(page).toContain('type /dashboard');
    expect(page).not.toContain('Alex');
    expect(again.headers.get('set-cookie')).toBeNull();
  });

  it('lists only the members of that space who chose to share, with their last 14 days', async () => {
    const { roster } = await signIn();
    expect(
      [...roster.matchAll(/<h2><a href="\/dashboard\/member\/(\d+)">([^<]*)<\/a><\/h2>/g)].map((m) => [
        Number(m[1]),
        m[2],
      ]),
    ).toEqual([
      [alex.id, 'Alex'],
      [blake.id, 'Blake'],
    ]);
    for (const hidden of ['Casey', 'Dana', 'Casey secret', 'Dana elsewhere'])
      expect(roster).not.toContain(hidden);
    expect(roster).toContain('Last check-in: Tue 10 Mar · answered 3 of the last 14 days');
    expect(roster).toContain('Last check-in: Tue 10 Feb · answered 0 of the last 14 days');
    const alexCard = roster.split('<section class="card">')[1] ?? '';
    expect(alexCard).toContain('<caption>Mood (1-10), Wed 25 Feb – Tue 10 Mar</caption>');
    expect([...alexCard.matchAll(/<td>(\d+)<\/td>/g)].map((m) => Number(m[1]))).toEqual([6, 4, 7]);
    expect(alexCard.match(/no answer/g)).toHaveLength(11);
    // The roster carries no words: no reflection, no journal.
    expect(roster).not.toContain('alert(1)');
    expect(roster).not.toContain('journal');
    // Showing the roster is itself a view of each listed member's data.
    expect(views('view-roster').map((e) => [e.actorUserId, e.subjectParticipantId])).toEqual([
      ['lead', blake.id],
      ['lead', alex.id],
    ]);
  });

  it('GET /dashboard with the session shows the roster again; the other space sees only its own', async () => {
    const { cookie } = await signIn();
    const again = await get('/dashboard', cookie);
    expect(again.status).toBe(200);
    const page = await again.text();
    expect(page).toContain('>Alex</a>');
    expect(page).not.toContain('Dana');
    const elsewhere = await signIn(otherLead());
    expect(elsewhere.roster).toContain('>Dana</a>');
    for (const s of ['Alex', 'Blake', 'Casey']) expect(elsewhere.roster).not.toContain(s);
  });
});

describe("a member's page", () => {
  it('logs exactly one audit row per view, first, then shows the 30-day chart, check-ins and reflections', async () => {
    const { cookie } = await signIn();
    for (let n = 1; n <= 2; n++) {
      h.now += 60_000;
      const res = await get(`/dashboard/member/${alex.id}`, cookie);
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toMatch(
        /<svg [^>]*role="img" aria-label="Mood, sleep and energy, 9 Feb – 10 Mar: 3 check-ins, average mood 5\.7"/,
      );
      expect(page).toContain(
        '<tr><th scope="row">Tue 10 Mar</th><td>7</td><td>4</td><td>3</td><td>2</td><td class="wide">connected with someone</td></tr>',
      );
      expect(page).not.toMatch(/<script|<img/i);
      expect(page).toContain(
        '&lt;script&gt;alert(1)&lt;/script&gt; and &quot;&gt;&lt;img src=x onerror=alert(1)&gt; on 2026-03-10',
      );
      expect(page).not.toContain('journal stays private');
      const rows = views('view-member');
      expect(rows).toHaveLength(n);
      expect(rows[0]).toMatchObject({
        spaceId: alex.spaceId,
        actorUserId: 'lead',
        subjectParticipantId: alex.id,
        at: h.now,
      });
    }
    expect(h.store.audit.forSubject(blake.id).filter((e) => e.action === 'view-member')).toEqual([]);
  });

  it('is the same 404 for a member of another space, one not sharing, one who stopped, an unknown id and a bad id', async () => {
    const { cookie } = await signIn();
    const unknown = await get('/dashboard/member/987654', cookie);
    expect(unknown.status).toBe(404);
    const expected = await unknown.text();
    expect(expected).toContain('No one to show here');
    await h.command(h.actor('blake'), 'settings', 'sharing', { state: 'off' });
    for (const path of [
      `/dashboard/member/${dana.id}`,
      `/dashboard/member/${casey.id}`,
      `/dashboard/member/${blake.id}`,
      '/dashboard/member/abc',
      '/dashboard/member/0',
      '/dashboard/member/-1',
    ]) {
      const res = await get(path, cookie);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(await res.text()).toBe(expected);
    }
    expect(views('view-member')).toEqual([]);
    expect(h.store.audit.forSpace(dana.spaceId, 10)).toEqual([]);
  });

  it("refuses a patient's session (check-in or reflection) with a kind 403 and logs nothing", async () => {
    const summary = await h.command(h.actor('alex'), 'summary');
    const url = summary.blocks.find((b) => b.type === 'link');
    const patient = cookieOf(await fetch(url?.type === 'link' ? url.url : ''));
    expect(patient).toMatch(/^interlude_session=/);
    for (const path of ['/dashboard', `/dashboard/member/${alex.id}`, `/dashboard/member/${blake.id}`]) {
      const res = await get(path, patient);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      const page = await res.text();
      expect(page).toContain('This page is for facilitators');
      for (const s of ['Blake', 'alert(1)']) expect(page).not.toContain(s);
    }
    expect(h.store.audit.forSpace(alex.spaceId, 10)).toEqual([]);
  });

  it('after 12 hours, or with no session at all, asks the facilitator to sign in again', async () => {
    const { cookie } = await signIn();
    h.now += 12 * HOUR - 1;
    expect((await get(`/dashboard/member/${alex.id}`, cookie)).status).toBe(200);
    h.now += 1;
    const before = views('view-member').length;
    for (const c of [cookie, undefined, 'interlude_session=forged']) {
      for (const path of ['/dashboard', `/dashboard/member/${alex.id}`]) {
        const res = await get(path, c);
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
        const page = await res.text();
        expect(page).toContain('Please sign in again');
        expect(page).toContain('Type /dashboard');
        expect(page).not.toContain('Alex');
      }
    }
    expect(views('view-member')).toHaveLength(before);
  });
});
