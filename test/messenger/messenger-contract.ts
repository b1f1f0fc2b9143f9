import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRef, Messenger, PostedRef, Recipient } from '../../src/ports/messenger.js';
import type { OutMessage } from '../../src/views/message.js';

/** Every optional capability the Messenger port declares. */
export const CAPABILITIES = ['channels'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** One adapter set up against its platform (a loopback fake, or the terminal), with ways to read what it did. */
export interface MessengerUnderTest {
  messenger: Messenger;
  /** Someone who accepts direct messages. */
  person: Recipient;
  /** A channel the bot may post, edit and pin in. */
  channel: ChannelRef;
  /** What the person reads in their DM: each of the bot's messages as shown, in order. */
  readDirect(): Promise<string[]>;
  /** What a reader of the channel sees of this post, exactly as shown. */
  readPost(posted: PostedRef): Promise<string>;
  isPinned(posted: PostedRef): Promise<boolean>;
  /** Everything sent so far that could ping someone (an allowed mention, a broadcast); empty when nothing could. */
  pings(): string[];
  /** Requests the platform would not take as they were made (an undescribed route, a body outside its schema). */
  protocolProblems(): string[];
  /** An id of the platform's kind that names no message. */
  unknownMessageId: string;
  /** Capabilities this adapter does not have here. */
  lacks: readonly Capability[];
  /** A channel where the platform refuses the bot (a permission withheld, not a member); absent if none can. */
  refusingChannel?: ChannelRef;
  /** The same adapter, with its platform out of reach; absent where nothing is out of reach. */
  unreachable?(): Messenger;
  close(): Promise<void>;
}

export type MakeMessenger = () => Promise<MessengerUnderTest>;

/** 4,000 characters of what people write: emoji with joiners, right-to-left text, zero-width characters, markup. */
export const HARD_WORDS = (() => {
  const parts = [
    'Slept badly 🌧️ but 👩‍👩‍👧 came over 🏳️‍🌈 ',
    'שלום, היום היה קשה ',
    'اليوم كان أفضل ',
    'zero\u200Bwidth\u200Djoin\u2060ed ',
    '*not bold* _not italic_ ~~not struck~~ `not code` ||not spoiler|| ',
    '<b>not html</b> [not a link](http://example.invalid) # not a heading > not a quote ',
    '@everyone @here <@123456789012345678> <@&123456789012345678> <!channel> <!everyone> <#C0123> ',
    '&amp; &lt; \\*escaped\\* :smile: ',
  ];
  let s = '';
  for (let i = 0; Array.from(s).length < 4000; i++) s += parts[i % parts.length];
  return Array.from(s).slice(0, 4000).join('');
})();

const words = (text: string): OutMessage => ({ blocks: [{ type: 'text', text }] });

/**
 * One behaviour for every Messenger adapter: Discord and Slack through their loopback fakes and the console run
 * these same cases (test/messenger/*-contract.test.ts).
 */
export function messengerContract(name: string, make: MakeMessenger): void {
  describe(`Messenger contract: ${name}`, () => {
    let h: MessengerUnderTest;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(async () => {
      const problems = h.protocolProblems();
      await h.close();
      expect(problems).toEqual([]);
    });

    /** The adapter's channel capability; every adapter under this contract has one. */
    const channels = () => {
      const c = h.messenger.channels;
      if (!c) throw new Error(`${name} has no channel capability`);
      return c;
    };
    const postOk = async (to: ChannelRef, m: OutMessage) => {
      const r = await channels().post(to, m);
      if (!r.ok) throw new Error(`post failed: ${r.reason}`);
      return r.posted;
    };

    it('sends a direct message the person reads exactly', async () => {
      const r = await h.messenger.sendDirect(h.person, words('Good morning 🌅 @everyone *hi*'), {
        idempotencyKey: 'contract:dm:1',
      });
      expect(r.ok).toBe(true);
      expect(await h.readDirect()).toEqual(['Good morning 🌅 @everyone *hi*']);
      expect(h.pings()).toEqual([]);
    });

    it('posts to a channel and reads back 4,000 hard characters exactly, pinging nobody', async () => {
      expect(Array.from(HARD_WORDS)).toHaveLength(4000);
      const posted = await postOk(h.channel, words(HARD_WORDS));
      expect(posted.platform).toBe(h.channel.platform);
      expect(posted.channelId).toBe(h.channel.channelId);
      expect(posted.messageIds.length).toBeGreaterThan(0);
      expect(await h.readPost(posted)).toBe(HARD_WORDS);
      expect(h.pings()).toEqual([]);
    });

    it('updates a post in place: the reader sees the new words, still pinging nobody', async () => {
      const posted = await postOk(h.channel, words('Group tonight at 7 🕖'));
      const r = await channels().update(posted, words('Group moved to 8 🕗 — @here stays text'));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.posted.messageIds[0]).toBe(posted.messageIds[0]);
      expect(await h.readPost(r.posted)).toBe('Group moved to 8 🕗 — @here stays text');
      expect(h.pings()).toEqual([]);
    });

    it('an update that needs more, then fewer, pieces keeps the first and reads back exactly', async () => {
      const posted = await postOk(h.channel, words('short'));
      const longer = await channels().update(posted, words(HARD_WORDS));
      expect(longer.ok).toBe(true);
      if (!longer.ok) return;
      expect(longer.posted.messageIds[0]).toBe(posted.messageIds[0]);
      expect(await h.readPost(longer.posted)).toBe(HARD_WORDS);
      const shorter = await channels().update(longer.posted, words('short again'));
      expect(shorter.ok && shorter.posted.messageIds).toEqual([posted.messageIds[0]]);
      if (shorter.ok) expect(await h.readPost(shorter.posted)).toBe('short again');
    });

    it('pins a post; pinning it again succeeds too', async () => {
      const posted = await postOk(h.channel, words('Group agreements 🤝'));
      expect(await h.isPinned(posted)).toBe(false);
      expect(await channels().pin(posted)).toEqual({ ok: true });
      expect(await h.isPinned(posted)).toBe(true);
      expect(await channels().pin(posted)).toEqual({ ok: true });
    });

    it('a capability the adapter lacks is absent, not a stub; the ones it has are there', () => {
      for (const cap of CAPABILITIES) {
        if (h.lacks.includes(cap)) expect(h.messenger[cap]).toBeUndefined();
        else expect(typeof h.messenger[cap]?.post).toBe('function');
      }
    });

    it('refuses health content for a channel, permanently, and posts nothing', async () => {
      const r = await channels().post(h.channel, { ...words('mood 3, slept 4h'), sensitive: true });
      expect(r).toMatchObject({ ok: false, permanent: true });
      const posted = await postOk(h.channel, words('after'));
      const u = await channels().update(posted, { ...words('mood 3'), sensitive: true });
      expect(u).toMatchObject({ ok: false, permanent: true });
      expect(await h.readPost(posted)).toBe('after');
    });

    it('editing or pinning a message that is not there is a permanent failure, not a throw', async () => {
      const ghost: PostedRef = {
        platform: h.channel.platform,
        channelId: h.channel.channelId,
        messageIds: [h.unknownMessageId],
      };
      const u = await channels().update(ghost, words('hello?'));
      expect(u).toMatchObject({ ok: false, permanent: true });
      expect(await channels().pin(ghost)).toMatchObject({ ok: false, permanent: true });
      expect(await channels().pin({ ...ghost, messageIds: [] })).toMatchObject({
        ok: false,
        permanent: true,
      });
    });

    it('a channel that refuses the bot is a permanent failure with a reason', async () => {
      if (!h.refusingChannel) return;
      const r = await channels().post(h.refusingChannel, words('hello'));
      expect(r).toMatchObject({ ok: false, permanent: true });
      expect(!r.ok && r.reason).toBeTruthy();
    });

    it('a platform out of reach is a failure worth retrying, for every call', async () => {
      if (!h.unreachable) return;
      const m = h.unreachable();
      const c = m.channels;
      expect(c).toBeDefined();
      if (!c) return;
      const posted: PostedRef = {
        platform: h.channel.platform,
        channelId: h.channel.channelId,
        messageIds: [h.unknownMessageId],
      };
      expect(await c.post(h.channel, words('hello'))).toMatchObject({ ok: false, permanent: false });
      expect(await c.update(posted, words('hello'))).toMatchObject({ ok: false, permanent: false });
      expect(await c.pin(posted)).toMatchObject({ ok: false, permanent: false });
      const dm = await m.sendDirect(h.person, words('hello'), { idempotencyKey: 'contract:dm:down' });
      expect(dm).toMatchObject({ ok: false, permanent: false });
    });
  });
}

/** Callers must handle a missing capability: this does not compile without the check. */
export function mustCheck(m: Messenger, to: ChannelRef): void {
  // @ts-expect-error `channels` may be absent
  void m.channels.post(to, words('x'));
}
