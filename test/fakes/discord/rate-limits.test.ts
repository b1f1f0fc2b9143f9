import { type DiscordAPIError, REST, Routes } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { FakeDiscord } from './fake-discord.js';

const BOB_ID = '200000000000000012';

describe('rate limits against a bare @discordjs/rest REST', () => {
  it('paces itself on per-route headers without 429s', async () => {
    const paced = await FakeDiscord.start({ routeLimit: { limit: 3, windowMs: 150 } });
    try {
      const rest = new REST({ api: paced.apiUrl }).setToken(paced.token);
      const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: BOB_ID } })) as {
        id: string;
      };
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 9 }, (_, i) =>
          rest.post(Routes.channelMessages(channel.id), { body: { content: `m${i}` } }),
        ),
      );
      expect(performance.now() - started).toBeGreaterThanOrEqual(2 * 150);
      expect(paced.messagesIn(channel.id)).toHaveLength(9);
      expect(paced.count429()).toBe(0);
      const last = paced.requests.at(-1);
      expect(last).toMatchObject({ route: 'POST /channels/:id/messages', rateLimited: false, status: 200 });
    } finally {
      await paced.close();
    }
  });

  it('a client faster than the global rate gets global 429s, honours them and gets through', async () => {
    const greedy = await FakeDiscord.start({ globalRatePerSecond: 10 });
    try {
      const fast = new REST({ api: greedy.apiUrl, globalRequestsPerSecond: 500 }).setToken(greedy.token);
      const ids = Array.from({ length: 25 }, (_, i) => `4000000000000${String(i).padStart(5, '0')}`);
      const results = await Promise.all(
        ids.map((id) => fast.get(Routes.channel(id)).catch((e: DiscordAPIError) => e.code)),
      );
      expect(results).toEqual(ids.map(() => 10003));
      expect(greedy.count429()).toBeGreaterThan(0);
      const limited = greedy.requests.filter((r) => r.rateLimited);
      expect(limited.every((r) => r.status === 429)).toBe(true);
      expect(greedy.requests.filter((r) => !r.rateLimited)).toHaveLength(25);
    } finally {
      await greedy.close();
    }
  });
});
