import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../src/platforms/slack/manifest.js';
import { SlackMessenger } from '../../src/platforms/slack/slack-messenger.js';
import type { ChannelRef, Recipient } from '../../src/ports/messenger.js';
import type { FakeSlackMessage, Json } from '../fakes/slack/fake-slack.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { RecordingLogger } from '../helpers/recording-logger.js';
import { messengerContract } from './messenger-contract.js';

const TEAM = 'T0FAKE0001';
const GROUP = 'C0GROUP0001';
const ELSEWHERE = 'C0ELSEWHERE';
const PERSON = 'U0ALICE001';

const messengerOn = (fake: FakeSlack, log = new RecordingLogger()) =>
  new SlackMessenger(
    new WebClient(fake.botToken, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } }),
    {
      answerInChat: false,
      log,
    },
  );

const channelRef = (channelId: string): ChannelRef => ({
  platform: 'slack',
  spaceExternalId: TEAM,
  channelId,
});
const person: Recipient = { platform: 'slack', spaceExternalId: TEAM, userId: PERSON, dmChannelId: null };

/** What Slack shows of a message: the text of its plain_text sections and rich_text elements, in order. */
function shown(m: FakeSlackMessage): string {
  const texts: string[] = [];
  const walk = (x: Json): void => {
    if (!x || typeof x !== 'object') return;
    if ((x.type === 'plain_text' || x.type === 'text') && typeof x.text === 'string') texts.push(x.text);
    else for (const v of Array.isArray(x) ? x : Object.values(x)) walk(v);
  };
  walk(m.blocks);
  return texts.join('');
}

/** Broadcasts and mentions only form in mrkdwn (`<!everyone>`, `<@U…>`) or with link_names; plain_text never. */
const MRKDWN_PING = /<[!@#]/;

messengerContract('Slack (loopback fake, WebClient)', async () => {
  const fake = await FakeSlack.start({ users: [{ id: PERSON, name: 'alice' }] });
  fake.removeBotFrom(ELSEWHERE);
  const messenger = messengerOn(fake);
  const writes = () =>
    fake.calls.filter((c) => c.method === 'chat.postMessage' || c.method === 'chat.update');
  return {
    messenger,
    person,
    channel: channelRef(GROUP),
    readDirect: async () => fake.messagesTo(PERSON).map(shown),
    readPost: async (p) =>
      p.messageIds.map((ts) => shown(fake.messagesIn(p.channelId).find((m) => m.ts === ts)!)).join(''),
    isPinned: async (p) => fake.pinnedIn(p.channelId).some((m) => m.ts === p.messageIds[0]),
    pings: () =>
      writes().flatMap((c) => {
        const problems: string[] = [];
        if (MRKDWN_PING.test(String(c.params.text ?? ''))) problems.push(`${c.method}: text could mention`);
        if (c.params.link_names) problems.push(`${c.method}: link_names`);
        if (JSON.stringify(c.params.blocks ?? []).includes('"mrkdwn"'))
          problems.push(`${c.method}: mrkdwn block`);
        return problems;
      }),
    protocolProblems: () =>
      fake.calls
        .filter((c) =>
          ['unknown_method', 'invalid_blocks_format', 'invalid_arguments', 'no_text'].includes(c.error ?? ''),
        )
        .map((c) => `${c.method}: ${c.error}`),
    unknownMessageId: '1700000000.000001',
    lacks: [],
    refusingChannel: channelRef(ELSEWHERE),
    unreachable: () =>
      new SlackMessenger(
        new WebClient(fake.botToken, { slackApiUrl: 'http://127.0.0.1:1/api/', retryConfig: { retries: 0 } }),
        { answerInChat: false, log: new RecordingLogger() },
      ),
    close: () => fake.close(),
  };
});

describe('Slack channel posts, beyond the contract', () => {
  let fake: FakeSlack;
  afterEach(async () => {
    await fake.close();
  });

  it('pinning needs pins:write: without it, missing_scope names the scope, permanently; the manifest asks for it', async () => {
    fake = await FakeSlack.start();
    fake.grantScopes(BOT_SCOPES.filter((s) => s !== 'pins:write'));
    const log = new RecordingLogger();
    const channels = messengerOn(fake, log).channels;
    const posted = await channels.post(channelRef(GROUP), { blocks: [{ type: 'text', text: 'agreements' }] });
    if (!posted.ok) throw new Error(posted.reason);
    const r = await channels.pin(posted.posted);
    expect(r).toEqual({ ok: false, permanent: true, reason: 'slack missing_scope (needs pins:write)' });
    expect(JSON.stringify(log.problems())).toContain('add the bot scope pins:write');
    expect(BOT_SCOPES).toContain('pins:write');
    fake.grantScopes([...BOT_SCOPES]);
    expect(await channels.pin(posted.posted)).toEqual({ ok: true });
  });

  it('a channel the bot is not in is not_in_channel for a post, an edit and a pin', async () => {
    fake = await FakeSlack.start();
    const channels = messengerOn(fake).channels;
    const posted = await channels.post(channelRef(GROUP), { blocks: [{ type: 'text', text: 'x' }] });
    if (!posted.ok) throw new Error(posted.reason);
    fake.removeBotFrom(GROUP);
    const failed = { ok: false, permanent: true, reason: 'slack not_in_channel' };
    expect(await channels.update(posted.posted, { blocks: [{ type: 'text', text: 'y' }] })).toEqual(failed);
    expect(await channels.pin(posted.posted)).toEqual(failed);
    expect(await channels.post(channelRef(GROUP), { blocks: [{ type: 'text', text: 'z' }] })).toEqual(failed);
  });
});
