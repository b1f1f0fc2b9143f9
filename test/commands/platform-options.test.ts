/**
 * The same declarations on the real surfaces: Discord delivers native values (a boolean, an integer) that the app
 * reads by kind, and Slack's typed line keeps free text whole, like the console's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unescapeDiscord } from '../../src/platforms/discord/escape.js';
import type { FakeUser } from '../fakes/discord/types.js';
import { at } from '../helpers/app-harness.js';
import { buttonIds, DiscordHarness } from '../platforms/discord/discord-harness.js';
import { actionIds, SlackHarness, textOf, USERS } from '../platforms/slack/slack-harness.js';

const ZONE = 'Europe/London';
const BOOLEAN = 5;
const INTEGER = 4;

describe('Discord: native option values', () => {
  const kim: FakeUser = { id: '400000000000000011', username: 'kim' };
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await DiscordHarness.start(at(ZONE, '2026-03-02T07:00'));
    const consent = await h.command(kim, 'start', { options: { zone: ZONE, time: '08:00' } });
    const agree = buttonIds(consent.data?.components).find((id) => id.startsWith('enrol.agree'));
    await h.click(kim, agree ?? '');
  });
  afterAll(async () => {
    await h.close();
  });

  it('an on/off option arrives as a boolean and is read as on or off', async () => {
    await h.command(kim, 'settings', {
      sub: 'follow-up',
      options: { state: 'false' },
      optionTypes: { state: BOOLEAN },
    });
    expect(h.participant(kim.id)?.followUp).toBe(false);
    await h.command(kim, 'settings', {
      sub: 'follow-up',
      options: { state: 'true' },
      optionTypes: { state: BOOLEAN },
    });
    expect(h.participant(kim.id)?.followUp).toBe(true);
  });

  it('an integer option arrives as a number', async () => {
    // In link mode an action is added on the page (test/web/page-forms.test.ts); here it is simply there.
    h.deps.store.actions.add(h.participant(kim.id)?.id ?? 0, 'Walk after lunch', h.now);
    const r = await h.command(kim, 'action', {
      sub: 'done',
      options: { number: '1' },
      optionTypes: { number: INTEGER },
    });
    expect(unescapeDiscord(r.data.content)).toContain('Marked #1 done');
  });
});

describe('Slack: the typed line keeps free text whole', () => {
  const { robin } = USERS;
  let h: SlackHarness;
  beforeAll(async () => {
    // Typed words are kept from chat only with ANSWER_IN_CHAT (in link mode the page takes them).
    h = await SlackHarness.start(at(ZONE, '2026-03-02T07:00'), { env: { ANSWER_IN_CHAT: 'true' } });
    const offer = await h.command(robin.id, `start zone:${ZONE} time:08:00`);
    const agree = actionIds(offer.body.blocks).find((id) => id.startsWith('enrol.agree'));
    const done = await h.click(robin.id, agree ?? '');
    await done.waitForResponses(1);
  });
  afterAll(async () => {
    await h.close();
  });

  it('/interlude intention Set … and /interlude journal Write … store every word', async () => {
    await h.command(robin.id, 'intention Set boundaries with work');
    await h.command(robin.id, 'journal Write a letter to Dad');
    await h.command(robin.id, 'journal Text: what I could not say');
    const p = h.participant(robin.id);
    expect(h.deps.store.intentions.all(p?.id ?? 0).map((i) => i.text)).toEqual(['Set boundaries with work']);
    expect(h.deps.store.journal.all(p?.id ?? 0).map((j) => j.text)).toEqual([
      'Write a letter to Dad',
      'Text: what I could not say',
    ]);
  });

  it('/interlude help lists only what the person may run', async () => {
    const r = await h.command(robin.id, 'help');
    expect(textOf(r.body.blocks)).not.toContain('setup');
    expect(textOf(r.body.blocks)).not.toContain('dashboard');
  });
});
