import { describe, expect, it } from 'vitest';
import { ConsoleMessenger } from '../../src/platforms/console/console-messenger.js';
import { renderMessage } from '../../src/platforms/console/render.js';
import type { ChannelRef, Recipient } from '../../src/ports/messenger.js';
import type { OutMessage } from '../../src/views/message.js';
import { messengerContract } from './messenger-contract.js';

const group: ChannelRef = { platform: 'console', spaceExternalId: 'console', channelId: 'tuesday-group' };
const person: Recipient = {
  platform: 'console',
  spaceExternalId: 'console',
  userId: 'you',
  dmChannelId: null,
};

/** A text block as the terminal shows it (two spaces in front), read back as the words. */
const wordsOf = (rendered: string) => rendered.replace(/^ {2}/, '');

/** A terminal: what the console messenger printed, as text, and the DMs it showed. */
function terminal() {
  const out: string[] = [];
  const dms: { userId: string; m: OutMessage }[] = [];
  const messenger = new ConsoleMessenger(
    (userId, m) => dms.push({ userId, m }),
    (text) => out.push(text),
  );
  return { out, dms, messenger };
}

messengerContract('console (the terminal)', async () => {
  const t = terminal();
  /** The last thing printed for a post (its post or its latest edit), without the header line. */
  const lastShown = (id: string) => {
    const header = new RegExp(`^Interlude ▸ #\\S+ · post ${id}(, edited)?\\n`);
    const shown = t.out.filter((o) => header.test(o)).at(-1) ?? '';
    return shown.replace(header, '').replace(/\n$/, '');
  };
  return {
    messenger: t.messenger,
    person,
    channel: group,
    readDirect: async () => t.dms.map((d) => wordsOf(renderMessage(d.m))),
    readPost: async (p) => wordsOf(lastShown(p.messageIds[0]!)),
    isPinned: async (p) => t.messenger.channels?.isPinned(p) ?? false,
    // A terminal notifies nobody.
    pings: () => [],
    protocolProblems: () => [],
    unknownMessageId: '999',
    lacks: [],
    close: async () => {},
  };
});

describe('the console’s channel posts', () => {
  it('print as a channel message, an edit and a pin note; a second pin prints nothing', async () => {
    const t = terminal();
    const channels = t.messenger.channels!;
    const r = await channels.post(group, {
      blocks: [
        { type: 'heading', text: 'Group' },
        { type: 'text', text: 'at 7' },
      ],
    });
    if (!r.ok) throw new Error(r.reason);
    await channels.update(r.posted, { blocks: [{ type: 'text', text: 'at 8' }] });
    await channels.pin(r.posted);
    await channels.pin(r.posted);
    expect(t.out).toEqual([
      'Interlude ▸ #tuesday-group · post 1\n── Group ──\n  at 7\n',
      'Interlude ▸ #tuesday-group · post 1, edited\n  at 8\n',
      '📌 Interlude pinned post 1 in #tuesday-group\n',
    ]);
  });

  it('a post in one channel cannot be edited as if it were in another', async () => {
    const t = terminal();
    const r = await t.messenger.channels!.post(group, { blocks: [{ type: 'text', text: 'x' }] });
    if (!r.ok) throw new Error(r.reason);
    const moved = { ...r.posted, channelId: 'elsewhere' };
    expect(await t.messenger.channels!.pin(moved)).toMatchObject({ ok: false, permanent: true });
  });

  it('without somewhere to print channel posts, the capability is absent', async () => {
    const m = new ConsoleMessenger(() => {});
    expect(m.channels).toBeUndefined();
    expect('channels' in m && m.channels !== undefined).toBe(false);
    expect(await m.sendDirect(person, { blocks: [{ type: 'text', text: 'hi' }] })).toEqual({
      ok: true,
      dmChannelId: 'console:you',
    });
  });
});
