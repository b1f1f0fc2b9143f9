/**
 * Words typed to the bot outside a command get one answer on every surface (the app's answerFreeText): a cry for
 * help gets the crisis lines at once, anything else a pointer to the commands. The console used to answer "I didn't
 * catch that" where Discord and Slack gave the crisis lines.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFreeText, asksForHelp } from '../../src/app/free-text.js';
import { crisisHeading, FREE_TEXT_POINTER } from '../../src/views/texts.js';
import type { FakeUser } from '../fakes/discord/types.js';
import { runConsole } from './console/harness.js';
import { DiscordHarness } from './discord/discord-harness.js';
import { SlackHarness, USERS } from './slack/slack-harness.js';

const T0 = Date.parse('2026-11-23T09:00:00Z');
const CRIES = [
  'help',
  'Help!',
  'I want to hurt myself',
  'i keep thinking about suicide',
  'I want to end my life',
];
const PLAIN = ['hello there', 'what can you do?'];
const SETTINGS = { crisisLines: ['Test Line: call 000-111 (https://example.org/help)'] };

describe('the one rule', () => {
  it.each(CRIES)('"%s" asks for help', (s) => {
    expect(asksForHelp(s)).toBe(true);
    expect(JSON.stringify(answerFreeText(SETTINGS, s))).toContain(crisisHeading);
  });
  it.each(PLAIN)('"%s" gets the pointer to the commands', (s) => {
    expect(asksForHelp(s)).toBe(false);
    expect(JSON.stringify(answerFreeText(SETTINGS, s))).toContain(FREE_TEXT_POINTER);
  });
});

describe('the console', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'interlude-free-text-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers a cry for help with the crisis lines, enrolled or not, and anything else with the pointer', async () => {
    const run = await runConsole(dir, '2026-11-23T09:00:00Z', ['I want to hurt myself', 'hello there']);
    const [cry, plain] = run.output.split('you › ').slice(1);
    expect(cry).toContain(crisisHeading);
    expect(cry).not.toContain("didn't catch");
    expect(plain).toContain(FREE_TEXT_POINTER);
  });

  it('in the middle of a check-in, "help" gets the crisis lines and the question again; nothing is lost', async () => {
    const run = await runConsole(join(dir, 'checkin'), '2026-11-23T09:00:00Z', [
      '/start Europe/London 08:00',
      '1',
      '/checkin',
      'help',
      '6',
    ]);
    const afterHelp = run.output.split('you › help')[1] ?? '';
    expect(afterHelp).toContain(crisisHeading);
    expect(afterHelp).not.toMatch(/whole number|between 1 and 10/i);
    // The mood question is asked again and "6" answers it.
    expect(afterHelp.split('you › 6')[1]).toMatch(/\(2\//);
  });

  it('a reflection that speaks of harming oneself is kept as written, and the crisis lines come at once', async () => {
    const run = await runConsole(join(dir, 'reflection'), '2026-11-23T09:00:00Z', [
      '/start Europe/London 08:00',
      '1',
      '/checkin',
      '3',
      '4',
      '2',
      '4',
      'some days I want to hurt myself',
    ]);
    const after = run.output.split('you › some days I want to hurt myself')[1] ?? '';
    expect(after).toContain(crisisHeading);
    // The reflection was taken as the answer: the next question (tags) follows.
    expect(after).toMatch(/\(6\//);
  });
});

describe('Discord', () => {
  let h: DiscordHarness;
  const robin: FakeUser = { id: '400000000000000071', username: 'robin' };
  beforeAll(async () => {
    h = await DiscordHarness.start(T0);
  });
  afterAll(() => h?.close());

  it('a DM asking for help gets the crisis lines; another DM gets the pointer', async () => {
    h.fake.dmMessage({ user: robin, content: 'I want to hurt myself' });
    await until(() => h.fake.messagesTo(robin.id).length >= 1);
    expect(h.fake.messagesTo(robin.id)[0]?.content).toContain(crisisHeading);
    h.fake.dmMessage({ user: robin, content: 'hello there' });
    await until(() => h.fake.messagesTo(robin.id).length >= 2);
    expect(h.fake.messagesTo(robin.id)[1]?.content).toContain('I work through commands');
  });
});

describe('Slack', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await SlackHarness.start(T0);
  });
  afterAll(() => h?.close());

  it('a DM asking for help gets the crisis lines', async () => {
    const channel = h.fake.dmChannelFor(USERS.robin.id);
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: 'T0TEAM00001',
      api_app_id: 'A0APP000001',
      event_id: 'Ev0FREETEXT1',
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: 'message',
        channel_type: 'im',
        channel,
        user: USERS.robin.id,
        text: 'I want to hurt myself',
        ts: '1700000000.000100',
        event_ts: '1700000000.000100',
      },
    });
    const r = await fetch(h.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...h.fake.signHeaders(body) },
      body,
    });
    expect(r.status).toBe(200);
    await until(() => h.fake.messagesIn(channel).length >= 1);
    expect(JSON.stringify(h.fake.messagesIn(channel)[0])).toContain(crisisHeading);
  });
});

async function until(ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
