import { describe, expect, it } from 'vitest';
import { ConsoleMessenger } from '../../src/platforms/console/console-messenger.js';
import { RoutingMessenger } from '../../src/platforms/routing-messenger.js';
import type { ChannelRef, Messenger, Recipient } from '../../src/ports/messenger.js';

const text = (t: string) => ({ blocks: [{ type: 'text' as const, text: t }] });
const consoleRoom: ChannelRef = { platform: 'console', spaceExternalId: 'console', channelId: 'room' };
const discordRoom: ChannelRef = { platform: 'discord', spaceExternalId: '1', channelId: '2' };

/** A messenger with no optional capability at all. */
const directOnly: Messenger = { sendDirect: async () => ({ ok: true }) };

describe('RoutingMessenger and capabilities', () => {
  it('passes each platform’s channel capability through, and has none while no platform has one', async () => {
    const routing = new RoutingMessenger();
    expect(routing.channels).toBeUndefined();
    routing.set('discord', directOnly);
    expect(routing.channels).toBeUndefined();
    expect(routing.channelsFor('discord')).toBeUndefined();

    const out: string[] = [];
    const terminal = new ConsoleMessenger(
      () => {},
      (t) => out.push(t),
    );
    routing.set('console', terminal);
    expect(routing.channelsFor('console')).toBe(terminal.channels);
    const posted = await routing.channels?.post(consoleRoom, text('hello'));
    expect(posted).toEqual({
      ok: true,
      posted: { platform: 'console', channelId: 'room', messageIds: ['1'] },
    });
    if (posted?.ok) expect(await routing.channels?.pin(posted.posted)).toEqual({ ok: true });
    expect(out).toHaveLength(2);
  });

  it('a platform without channels here fails permanently; one not configured here fails for now', async () => {
    const routing = new RoutingMessenger();
    routing.set(
      'console',
      new ConsoleMessenger(
        () => {},
        () => {},
      ),
    );
    routing.set('discord', directOnly);
    expect(await routing.channels?.post(discordRoom, text('x'))).toMatchObject({
      ok: false,
      permanent: true,
    });
    const slackRoom: ChannelRef = { platform: 'slack', spaceExternalId: 'T', channelId: 'C' };
    expect(await routing.channels?.post(slackRoom, text('x'))).toMatchObject({ ok: false, permanent: false });
    const to: Recipient = { platform: 'slack', spaceExternalId: 'T', userId: 'U', dmChannelId: null };
    expect(await routing.sendDirect(to, text('x'), { idempotencyKey: 'k' })).toMatchObject({
      ok: false,
      permanent: false,
    });
  });
});
