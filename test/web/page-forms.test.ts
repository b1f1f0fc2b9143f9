/**
 * Health data comes in on the private page too (issue 12, part 4): in link mode on Discord and Slack, /journal,
 * /intention set, /action add and /session log answer with a single-use link to a page form, and what a person
 * types into the chat anyway is not kept. The console (no third party) and ANSWER_IN_CHAT keep the typed options.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from '../../commands/registry.js';
import { PAGE_FORM_TEXTS } from '../../src/app/page-form-texts.js';
import { discordCommands } from '../../src/platforms/discord/command-data.js';
import { unescapeDiscord } from '../../src/platforms/discord/escape.js';
import type { FakeUser } from '../fakes/discord/types.js';
import { at } from '../helpers/app-harness.js';
import { reopenStore, runConsole } from '../platforms/console/harness.js';
import { buttonIds, DiscordHarness, linkUrls } from '../platforms/discord/discord-harness.js';
import { actionIds, buttonUrls, SlackHarness, textOf, USERS } from '../platforms/slack/slack-harness.js';

const ZONE = 'Europe/Berlin';
const NOT_KEPT = 'did not keep what you typed in the chat';

interface Opened {
  status: number;
  body: string;
  cookie: string;
  csrf: string;
}

/** GET a link as a browser does, keeping its session cookie and the form's CSRF token. */
async function open(base: string, url: string): Promise<Opened> {
  const r = await fetch(`${base}${new URL(url).pathname}`, { redirect: 'manual' });
  const body = await r.text();
  return {
    status: r.status,
    body,
    cookie: r.headers.getSetCookie()[0]?.split(';')[0] ?? '',
    csrf: /name="_csrf" value="([^"]*)"/.exec(body)?.[1] ?? '',
  };
}

async function save(base: string, page: Opened, formId: string, fields: Record<string, string>) {
  const r = await fetch(`${base}/entry`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: page.cookie },
    body: new URLSearchParams({ _csrf: page.csrf, _form: formId, ...fields }),
  });
  return { status: r.status, body: await r.text() };
}

async function enrolDiscord(h: DiscordHarness, user: FakeUser): Promise<void> {
  const consent = await h.command(user, 'start', { options: { zone: ZONE, time: '08:00' } });
  const agree = buttonIds(consent.data?.components).find((id) => id.startsWith('enrol.agree'));
  await h.click(user, agree ?? '');
  expect(h.participant(user.id)).not.toBeNull();
}

describe('Discord in link mode: the words go on the page', () => {
  const alex: FakeUser = { id: '710000000000000001', username: 'alex' };
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await DiscordHarness.start(at(ZONE, '2026-03-02T07:00'));
    await enrolDiscord(h, alex);
  });
  afterAll(async () => {
    await h.close();
  });
  const pid = () => h.participant(alex.id)?.id ?? 0;

  it('/journal write with text: not kept from chat, said kindly, with a link; the page stores it once', async () => {
    const words = 'A hard evening, but the walk helped';
    const r = await h.command(alex, 'journal', { sub: 'write', options: { text: words } });
    expect(unescapeDiscord(r.data.content)).toContain(NOT_KEPT);
    const [url] = linkUrls(r.data.components);
    expect(url).toBeDefined();
    expect(h.deps.store.journal.all(pid())).toEqual([]);
    // The bot never echoes the words back through Discord.
    const botSaid = JSON.stringify(
      h.fake.requests.filter((q) => q.route.includes('callback')).map((q) => q.body),
    );
    expect(botSaid).not.toContain('the walk helped');

    const page = await open(h.baseUrl, url ?? '');
    expect(page.status).toBe(200);
    expect(page.body).toContain('What is on your mind?');
    expect(page.body).toMatch(/<textarea id="entry" name="entry"/);
    const saved = await save(h.baseUrl, page, 'journal', { entry: words });
    expect(saved.status).toBe(200);
    expect(saved.body).toContain('Saved to your journal');
    expect(h.deps.store.journal.all(pid()).map((e) => e.text)).toEqual([words]);

    // Single use: the same form again, or the link again, stores nothing more.
    expect((await save(h.baseUrl, page, 'journal', { entry: 'again' })).status).toBe(410);
    expect((await open(h.baseUrl, url ?? '')).status).toBe(410);
    expect(h.deps.store.journal.all(pid())).toHaveLength(1);
  });

  it('/journal write alone answers with the link, and a bad answer comes back with the words kept', async () => {
    const r = await h.command(alex, 'journal', { sub: 'write' });
    const content = unescapeDiscord(r.data.content);
    expect(content).toContain(PAGE_FORM_TEXTS.onPage('a journal entry'));
    expect(content).not.toContain(NOT_KEPT);
    const page = await open(h.baseUrl, linkUrls(r.data.components)[0] ?? '');
    const blank = await save(h.baseUrl, page, 'journal', { entry: '   ' });
    expect(blank.status).toBe(422);
    const long = 'x'.repeat(4001);
    const tooLong = await save(h.baseUrl, page, 'journal', { entry: long });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body).toContain(long);
    // The link was not used up by the refused answers.
    expect((await save(h.baseUrl, page, 'journal', { entry: 'Second entry' })).status).toBe(200);
    expect(h.deps.store.journal.all(pid()).map((e) => e.text)).toContain('Second entry');
  });

  it('/intention set, /action add and /session log each open their own form and store through their use case', async () => {
    const intention = await h.command(alex, 'intention', { sub: 'set', options: { text: 'typed in chat' } });
    expect(unescapeDiscord(intention.data.content)).toContain(NOT_KEPT);
    const ip = await open(h.baseUrl, linkUrls(intention.data.components)[0] ?? '');
    expect(
      (await save(h.baseUrl, ip, 'intention', { intention: 'Meet my worries with curiosity' })).status,
    ).toBe(200);

    const action = await h.command(alex, 'action', { sub: 'add' });
    const ap = await open(h.baseUrl, linkUrls(action.data.components)[0] ?? '');
    const added = await save(h.baseUrl, ap, 'action', { action: 'Call my sister on Sunday' });
    expect(added.body).toContain('Added as #1');

    const session = await h.command(alex, 'session', { sub: 'log', options: { date: '2026-02-27' } });
    expect(unescapeDiscord(session.data.content)).toContain(NOT_KEPT);
    const sp = await open(h.baseUrl, linkUrls(session.data.components)[0] ?? '');
    expect(sp.body).toContain('value="2026-03-02"'); // today, to start with
    const noted = await save(h.baseUrl, sp, 'session-log', { date: '2026-02-27' });
    expect(noted.status).toBe(200);

    const s = h.deps.store;
    expect(s.intentions.all(pid()).map((i) => i.text)).toEqual(['Meet my worries with curiosity']);
    expect(s.actions.list(pid(), 'open').map((a) => a.text)).toEqual(['Call my sister on Sunday']);
    expect(s.sessions.list(pid()).map((x) => [x.date, x.status])).toEqual([['2026-02-27', 'done']]);
  });

  it('a form posted to another link’s session stores only what that link is for', async () => {
    const r = await h.command(alex, 'action', { sub: 'add' });
    const page = await open(h.baseUrl, linkUrls(r.data.components)[0] ?? '');
    // Named as a journal entry, but the link is an action link: the link decides.
    const saved = await save(h.baseUrl, page, 'journal', {
      action: 'Stretch each morning',
      entry: 'not this',
    });
    expect(saved.status).toBe(200);
    expect(h.deps.store.actions.list(pid(), 'open').map((a) => a.text)).toContain('Stretch each morning');
    expect(h.deps.store.journal.all(pid()).map((e) => e.text)).not.toContain('not this');
  });
});

describe('Slack in link mode: free text after /interlude journal is not kept', () => {
  const { robin } = USERS;
  let h: SlackHarness;
  beforeAll(async () => {
    h = await SlackHarness.start(at(ZONE, '2026-03-02T07:00'));
    const offer = await h.command(robin.id, `start zone:${ZONE} time:08:00`);
    const agree = actionIds(offer.body.blocks).find((id) => id.startsWith('enrol.agree'));
    await (await h.click(robin.id, agree ?? '')).waitForResponses(1);
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers with the link, stores nothing from chat, and the page stores the entry', async () => {
    const r = await h.command(robin.id, 'journal A quiet walk by the river');
    expect(textOf(r.body.blocks)).toContain(NOT_KEPT);
    const pid = h.participant(robin.id)?.id ?? 0;
    expect(h.deps.store.journal.all(pid)).toEqual([]);
    const [url] = buttonUrls(r.body.blocks);
    const page = await open(h.baseUrl, url ?? '');
    expect((await save(h.baseUrl, page, 'journal', { entry: 'A quiet walk by the river' })).status).toBe(200);
    expect(h.deps.store.journal.all(pid).map((e) => e.text)).toEqual(['A quiet walk by the river']);
    expect((await open(h.baseUrl, url ?? '')).status).toBe(410);
  });
});

describe('with ANSWER_IN_CHAT the typed options work as before', () => {
  const sam: FakeUser = { id: '710000000000000002', username: 'sam' };
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await DiscordHarness.start(at(ZONE, '2026-03-02T07:00'), { env: { ANSWER_IN_CHAT: 'true' } });
    await enrolDiscord(h, sam);
  });
  afterAll(async () => {
    await h.close();
  });

  it('/journal write text: stores it and says so, with no link', async () => {
    const r = await h.command(sam, 'journal', {
      sub: 'write',
      options: { text: 'Typed in chat, allowed here' },
    });
    expect(unescapeDiscord(r.data.content)).toContain('Saved to your journal');
    expect(linkUrls(r.data.components)).toEqual([]);
    const pid = h.participant(sam.id)?.id ?? 0;
    expect(h.deps.store.journal.all(pid).map((e) => e.text)).toEqual(['Typed in chat, allowed here']);
  });
});

describe('the console has no third party: the words are kept inline', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'interlude-page-forms-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('/journal, /intention, /action add and /session log store what was typed', async () => {
    const run = await runConsole(dir, '2026-03-02T06:00:00Z', [
      '/start Europe/London 08:00',
      '1',
      '/journal A line in the terminal',
      '/intention Rest when tired',
      '/action add Walk after lunch',
      '/session log 2026-02-27',
    ]);
    expect(run.output).not.toContain(NOT_KEPT);
    const store = reopenStore(dir);
    try {
      const p = store.participants.byPlatformUser('console', 'you')[0];
      const id = p?.id ?? 0;
      expect(store.journal.all(id).map((e) => e.text)).toEqual(['A line in the terminal']);
      expect(store.intentions.all(id).map((e) => e.text)).toEqual(['Rest when tired']);
      expect(store.actions.list(id, 'open').map((a) => a.text)).toEqual(['Walk after lunch']);
      expect(store.sessions.list(id).map((s) => s.date)).toEqual(['2026-02-27']);
    } finally {
      store.close();
    }
  });
});

describe('registration follows the chat-only declaration', () => {
  const writeOptions = (answerInChat: boolean) =>
    discordCommands(ALL_COMMANDS(), answerInChat)
      .find((c) => c.name === 'journal')
      ?.options.find((o) => o.name === 'write')?.options;

  it('link mode registers /journal write with no text option; ANSWER_IN_CHAT registers it, not required', () => {
    expect(writeOptions(false)).toEqual([]);
    expect(writeOptions(true)).toMatchObject([{ name: 'text', type: 3, required: false }]);
    const log = (answerInChat: boolean) =>
      discordCommands(ALL_COMMANDS(), answerInChat)
        .find((c) => c.name === 'session')
        ?.options.find((o) => o.name === 'log')?.options;
    expect(log(false)).toEqual([]);
    expect(log(true)?.map((o) => o.name)).toEqual(['date']);
  });
});
