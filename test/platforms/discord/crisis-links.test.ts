import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unescapeDiscord } from '../../../src/platforms/discord/escape.js';
import type { FakeUser, Json } from '../../fakes/discord/types.js';
import { at } from '../../helpers/app-harness.js';
import { buttonIds, DiscordHarness, linkUrls } from './discord-harness.js';

const ZONE = 'America/Denver';
const dana: FakeUser = { id: '400000000000000011', username: 'dana' };
const WORDS = 'Walked to https://x.y today @everyone @here <@400000000000000011> <https://evil.example>';

/** What the bot sent back for an interaction: the callback body's data. */
const sentData = (h: DiscordHarness): Json[] =>
  h.fake.requests.filter((r) => r.route.includes('callback')).map((r) => r.body?.data ?? {});

describe('Discord: the bot’s own links are tappable, a person’s words are not', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await DiscordHarness.start(at(ZONE, '2026-07-01T09:00'), { env: { ANSWER_IN_CHAT: 'true' } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('/crisis shows the default crisis lines’ addresses unescaped, so Discord links them', async () => {
    const r = await h.command(dana, 'crisis');
    const content: string = r.data.content;
    expect(content).toContain('<https://988lifeline.org>');
    expect(content).toContain('<https://findahelpline.com>');
    expect(content).not.toContain('https\\:');
    expect(r.data.allowed_mentions).toEqual({ parse: [] });
    expect(unescapeDiscord(content)).toContain('call or text 988');
  });

  it('a journal entry holding an address and @everyone comes back escaped, with no link and no ping', async () => {
    const consent = await h.command(dana, 'start', { options: { zone: ZONE, time: '20:00' } });
    const agree = buttonIds(consent.data?.components).find((id) => id.startsWith('enrol.agree'));
    await h.click(dana, agree ?? '');
    await h.command(dana, 'journal', { sub: 'write', options: { text: WORDS } });
    const read = await h.command(dana, 'journal', { sub: 'read' });
    const content: string = read.data.content;
    expect(unescapeDiscord(content)).toContain(WORDS);
    expect(content).toContain('https\\://x.y');
    expect(content).not.toMatch(/(^|[^\\])@(everyone|here)/);
    expect(content).not.toMatch(/(^|[^\\])<@/);
    expect(content).not.toMatch(/(^|[^\\])<https?:/);
    expect(linkUrls(read.data.components)).toEqual([]);
    for (const d of sentData(h)) if (d.content) expect(d.allowed_mentions).toEqual({ parse: [] });
  });
});
