import { REST } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DiscordMessenger } from '../../src/platforms/discord/discord-messenger.js';
import { unescapeDiscord } from '../../src/platforms/discord/escape.js';
import type { ChannelRef, Recipient } from '../../src/ports/messenger.js';
import { FakeDiscord, type RequestLogEntry } from '../fakes/discord/fake-discord.js';
import { bodyProblems, operationFor } from '../fakes/discord/openapi-check.js';
import { RecordingLogger } from '../helpers/recording-logger.js';
import { messengerContract } from './messenger-contract.js';

const GUILD = '300000000000000001';
const GROUP = '310000000000000001';
const CLOSED = '310000000000000002';
const PERSON = '500000000000000001';

const start = () =>
  FakeDiscord.start({
    guilds: [
      {
        id: GUILD,
        name: 'Clinic',
        channels: [
          { id: GROUP, name: 'tuesday-group' },
          { id: CLOSED, name: 'announcements' },
        ],
      },
    ],
  });

const messengerOn = (fake: FakeDiscord, log = new RecordingLogger()) =>
  new DiscordMessenger(new REST({ api: fake.apiUrl }).setToken(fake.token), { answerInChat: false, log });

const channelRef = (channelId: string): ChannelRef => ({
  platform: 'discord',
  spaceExternalId: GUILD,
  channelId,
});
const person: Recipient = { platform: 'discord', spaceExternalId: GUILD, userId: PERSON, dmChannelId: null };

/** The JSON a request carried (multipart bodies carry it as payload_json). */
const jsonOf = (r: RequestLogEntry) => (r.body && 'payload_json' in r.body ? r.body.payload_json : r.body);
const isMessageWrite = (r: RequestLogEntry) =>
  (r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path)) ||
  (r.method === 'PATCH' && /^\/channels\/\d+\/messages\/\d+$/.test(r.path));

messengerContract('Discord (loopback fake, @discordjs/rest)', async () => {
  const fake = await start();
  fake.withholdPermission(CLOSED, 'send');
  const messenger = messengerOn(fake);
  const read = (channelId: string, id: string) =>
    unescapeDiscord(fake.messagesIn(channelId).find((m) => m.id === id)?.content ?? '');
  return {
    messenger,
    person,
    channel: channelRef(GROUP),
    readDirect: async () => fake.messagesTo(PERSON).map((m) => unescapeDiscord(m.content)),
    readPost: async (p) => p.messageIds.map((id) => read(p.channelId, id)).join(''),
    isPinned: async (p) => fake.pinnedIn(p.channelId).some((m) => m.id === p.messageIds[0]),
    pings: () =>
      fake.requests
        .filter(isMessageWrite)
        .filter((r) => JSON.stringify(jsonOf(r)?.allowed_mentions) !== '{"parse":[]}')
        .map((r) => `${r.method} ${r.path} allows mentions: ${JSON.stringify(jsonOf(r)?.allowed_mentions)}`),
    protocolProblems: () =>
      fake.requests.flatMap((r) => {
        const op = operationFor(r.method, r.path);
        if (op?.deprecated) return [`${r.method} ${r.path}: ${op.operationId} is deprecated`];
        return bodyProblems(r.method, r.path, jsonOf(r)).map((p) => `${r.method} ${r.path}: ${p}`);
      }),
    unknownMessageId: '199999999999999999',
    lacks: [],
    refusingChannel: channelRef(CLOSED),
    unreachable: () =>
      new DiscordMessenger(new REST({ api: 'http://127.0.0.1:1/api', retries: 0 }).setToken(fake.token), {
        answerInChat: false,
        log: new RecordingLogger(),
      }),
    close: () => fake.close(),
  };
});

describe('Discord channel posts, beyond the contract', () => {
  let fake: FakeDiscord;
  afterEach(async () => {
    await fake.close();
  });

  it('a pin without the Pin Messages permission is 50013, permanent, and says which permission', async () => {
    fake = await start();
    fake.withholdPermission(GROUP, 'pin');
    const channels = messengerOn(fake).channels;
    const posted = await channels.post(channelRef(GROUP), { blocks: [{ type: 'text', text: 'rules' }] });
    if (!posted.ok) throw new Error(posted.reason);
    const r = await channels.pin(posted.posted);
    expect(r).toMatchObject({ ok: false, permanent: true });
    expect(!r.ok && r.reason).toContain('50013');
    expect(!r.ok && r.reason).toContain('Pin Messages');
    expect(fake.pinnedIn(GROUP)).toEqual([]);
  });

  it('a channel full of pins is 30003, permanent', async () => {
    fake = await start();
    fake.setMaxPins(1);
    const channels = messengerOn(fake).channels;
    const post = async (text: string) => {
      const r = await channels.post(channelRef(GROUP), { blocks: [{ type: 'text', text }] });
      if (!r.ok) throw new Error(r.reason);
      return r.posted;
    };
    expect(await channels.pin(await post('first'))).toEqual({ ok: true });
    const r = await channels.pin(await post('second'));
    expect(r).toMatchObject({ ok: false, permanent: true });
    expect(!r.ok && r.reason).toContain('30003');
  });

  it('a resent post with the same key is dropped by Discord (nonce): one message, the same ref', async () => {
    fake = await start();
    const channels = messengerOn(fake).channels;
    const m = { blocks: [{ type: 'text' as const, text: 'Alert: the group room changed' }] };
    const a = await channels.post(channelRef(GROUP), m, { idempotencyKey: 'alert:1' });
    const b = await channels.post(channelRef(GROUP), m, { idempotencyKey: 'alert:1' });
    expect(a.ok && b.ok && b.posted).toEqual(a.ok && a.posted);
    expect(fake.messagesIn(GROUP)).toHaveLength(1);
  });

  it('the fake holds an edit to Discord’s description: a body outside it is 50035', async () => {
    fake = await start();
    const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
    const channels = messengerOn(fake).channels;
    const posted = await channels.post(channelRef(GROUP), { blocks: [{ type: 'text', text: 'x' }] });
    if (!posted.ok) throw new Error(posted.reason);
    const path = `/channels/${GROUP}/messages/${posted.posted.messageIds[0]}` as const;
    const refused = await rest
      .patch(path, { body: { content: 'y', allowed_mentions: { parse: 'everyone' } } })
      .catch((e: { code: number }) => e.code);
    expect(refused).toBe(50035);
    expect(bodyProblems('PATCH', path, { attachments: [{ id: 0 }] })).not.toEqual([]);
    expect(bodyProblems('PATCH', path, { attachments: [{ id: '0' }], content: 'ok' })).toEqual([]);
  });
});
