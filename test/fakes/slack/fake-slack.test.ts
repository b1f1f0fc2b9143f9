import { LogLevel, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from './fake-slack.js';
import { RateLimiter } from './rate-limits.js';

const ALICE = { id: 'U0ALICE0001', name: 'alice', realName: 'Alice A', isAdmin: true, tz: 'Europe/London' };
const BOB = { id: 'U0BOB00001', name: 'bob' };
const BLOCKS = [
  { type: 'section', block_id: 'intro', text: { type: 'mrkdwn', text: '*Hello*' } },
  {
    type: 'actions',
    block_id: 'choices',
    elements: [{ type: 'button', action_id: 'open_modal', text: { type: 'plain_text', text: 'Open' } }],
  },
];
const MODAL = {
  type: 'modal' as const,
  callback_id: 'checkin',
  title: { type: 'plain_text' as const, text: 'Check-in' },
  blocks: [],
};

/** Fails with the Slack error code a WebClient call was answered with. */
async function slackError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { data?: { error?: string } }).data?.error ?? String(e);
  }
  throw new Error('expected the call to fail');
}

let fake: FakeSlack;
let client: WebClient;

beforeAll(async () => {
  fake = await FakeSlack.start({ users: [ALICE, BOB], usergroups: { S0FACILIT1: [ALICE.id, BOB.id] } });
  client = new WebClient(fake.botToken, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
});

afterAll(async () => {
  await fake?.close();
});

describe('FakeSlack Web API with a real WebClient', () => {
  it('auth.test answers the bot identity; a wrong token is invalid_auth; no token not_authed', async () => {
    const res = await client.auth.test();
    expect(res).toMatchObject({
      ok: true,
      team_id: 'T0FAKE0001',
      user_id: fake.botUserId,
      bot_id: fake.botId,
      is_enterprise_install: false,
    });
    expect(fake.calls[0]).toMatchObject({ method: 'auth.test', tokenType: 'bot', ok: true, status: 200 });
    const wrong = new WebClient('xoxb-wrong', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    expect(await slackError(wrong.auth.test())).toBe('invalid_auth');
    const none = new WebClient(undefined, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    expect(await slackError(none.auth.test())).toBe('not_authed');
    expect(await slackError(client.apps.connections.open({}))).toBe('not_allowed_token_type');
    expect(await slackError(client.apiCall('nope.nothing'))).toBe('unknown_method');
  });

  it('conversations.open: one stable D id per user; blocked and unknown users fail like Slack', async () => {
    const a = await client.conversations.open({ users: ALICE.id });
    const b = await client.conversations.open({ users: ALICE.id });
    expect(a.channel?.id).toMatch(/^D[0-9A-Z]{10}$/);
    expect(b.channel?.id).toBe(a.channel?.id);
    expect(fake.dmChannels.get(ALICE.id)).toBe(a.channel?.id);
    fake.unknownUser('U0GHOST0001');
    expect(await slackError(client.conversations.open({ users: 'U0GHOST0001' }))).toBe('user_not_found');
    fake.blockDmsFrom('U0GONE00001');
    expect(await slackError(client.conversations.open({ users: 'U0GONE00001' }))).toBe('user_disabled');
  });

  it('chat.postMessage records text and parsed blocks; chat.update and chat.postEphemeral too', async () => {
    const dm = fake.dmChannelFor(BOB.id);
    const res = await client.chat.postMessage({ channel: dm, text: 'hi bob', blocks: BLOCKS });
    expect(res).toMatchObject({ ok: true, channel: dm, message: { text: 'hi bob', bot_id: fake.botId } });
    expect(res.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(fake.messagesTo(BOB.id)).toMatchObject([{ text: 'hi bob', blocks: BLOCKS, ts: res.ts }]);
    expect(fake.calls.at(-1)?.params.blocks).toEqual(BLOCKS);
    // A user id as channel posts into that user's DM.
    const viaUser = await client.chat.postMessage({ channel: BOB.id, text: 'again' });
    expect(viaUser.channel).toBe(dm);
    await client.chat.update({ channel: dm, ts: res.ts!, text: 'edited', blocks: [] });
    expect(fake.messagesTo(BOB.id)[0]).toMatchObject({ text: 'edited', blocks: [], edits: 1 });
    const eph = await client.chat.postEphemeral({ channel: 'C0GENERAL01', user: BOB.id, text: 'psst' });
    expect(fake.ephemerals.at(-1)).toMatchObject({ user: BOB.id, text: 'psst', messageTs: eph.message_ts });
    fake.blockDmsFrom(BOB.id, 'messages_tab_disabled');
    expect(await slackError(client.chat.postMessage({ channel: dm, text: 'x' }))).toBe(
      'messages_tab_disabled',
    );
    fake.unblockDmsFrom(BOB.id);
  });

  it('a missing scope is missing_scope with needed and provided; a revoked token fails every call', async () => {
    fake.grantScopes(['commands', 'chat:write']);
    const answer = await client.conversations.open({ users: BOB.id }).catch((e: { data: unknown }) => e.data);
    expect(answer).toMatchObject({
      ok: false,
      error: 'missing_scope',
      needed: 'im:write',
      provided: 'commands,chat:write',
    });
    fake.grantScopes(null);
    expect((await client.conversations.open({ users: BOB.id })).ok).toBe(true);
    fake.revokeBotToken('account_inactive');
    expect(await slackError(client.chat.postMessage({ channel: BOB.id, text: 'x' }))).toBe(
      'account_inactive',
    );
    fake.revokeBotToken(null);
  });

  it('a DM between two people has a D… id the bot cannot post into', async () => {
    const between = fake.dmBetween(ALICE.id, BOB.id);
    expect(between).toMatch(/^D/);
    expect(fake.dmBetween(BOB.id, ALICE.id)).toBe(between);
    expect(between).not.toBe(fake.dmChannelFor(ALICE.id));
    expect(await slackError(client.chat.postMessage({ channel: between, text: 'x' }))).toBe(
      'channel_not_found',
    );
  });

  it('views.open takes a fresh trigger once; reuse and expiry are expired_trigger_id', async () => {
    const trigger = fake.issueTriggerId();
    const opened = await client.views.open({ trigger_id: trigger, view: MODAL });
    expect(opened.view).toMatchObject({ callback_id: 'checkin', type: 'modal', team_id: fake.teamId });
    expect(fake.views.at(-1)).toMatchObject({
      id: opened.view?.id,
      callbackId: 'checkin',
      triggerId: trigger,
    });
    expect(await slackError(client.views.open({ trigger_id: trigger, view: MODAL }))).toBe(
      'expired_trigger_id',
    );
    expect(await slackError(client.views.open({ trigger_id: '1.2.3', view: MODAL }))).toBe(
      'invalid_trigger_id',
    );
    const updated = await client.views.update({
      view_id: opened.view!.id!,
      hash: opened.view!.hash!,
      view: { ...MODAL, title: { type: 'plain_text', text: 'Thanks' } },
    });
    expect(updated.view?.hash).not.toBe(opened.view?.hash);
    const stale = client.views.update({ view_id: opened.view!.id!, hash: opened.view!.hash!, view: MODAL });
    expect(await slackError(stale)).toBe('hash_conflict');

    const quick = await FakeSlack.start({ triggerTtlMs: 50 });
    try {
      const c = new WebClient(quick.botToken, { slackApiUrl: quick.apiUrl, retryConfig: { retries: 0 } });
      const t = quick.issueTriggerId();
      await new Promise((r) => setTimeout(r, 80));
      expect(await slackError(c.views.open({ trigger_id: t, view: MODAL }))).toBe('expired_trigger_id');
    } finally {
      await quick.close();
    }
  });

  it('filesUploadV2 of two files: both recorded with their exact bytes, title and channel', async () => {
    const dm = fake.dmChannelFor(ALICE.id);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x10]);
    const res = await client.filesUploadV2({
      channel_id: dm,
      initial_comment: 'your week',
      file_uploads: [
        { file: png, filename: 'mood.png', title: 'Mood chart' },
        { content: 'día,ánimo\n1,3\n', filename: 'mood.csv' },
      ],
    });
    expect(res.ok).toBe(true);
    expect(fake.files).toHaveLength(2);
    const [chart, csv] = fake.files;
    expect(chart).toMatchObject({
      filename: 'mood.png',
      title: 'Mood chart',
      channel: dm,
      initialComment: 'your week',
    });
    expect(chart!.content.equals(png)).toBe(true);
    expect(csv).toMatchObject({ filename: 'mood.csv', title: 'mood.csv', channel: dm });
    expect(csv!.content.toString('utf8')).toBe('día,ánimo\n1,3\n');
    expect(csv!.declaredLength).toBe(Buffer.byteLength('día,ánimo\n1,3\n'));
    const complete = fake.calls.filter((c) => c.method === 'files.completeUploadExternal');
    expect(complete).toHaveLength(1);
    expect(complete[0]!.params.files).toEqual([
      { id: chart!.id, title: 'Mood chart' },
      { id: csv!.id, title: 'mood.csv' },
    ]);
  });

  it('users.info and usergroups.users.list come from the configured users and groups', async () => {
    const res = await client.users.info({ user: ALICE.id });
    expect(res.user).toMatchObject({
      id: ALICE.id,
      name: 'alice',
      real_name: 'Alice A',
      is_admin: true,
      is_owner: false,
      is_bot: false,
      tz: 'Europe/London',
      deleted: false,
    });
    expect(await slackError(client.users.info({ user: 'U0GHOST0001' }))).toBe('user_not_found');
    const group = await client.usergroups.users.list({ usergroup: 'S0FACILIT1' });
    expect(group.users).toEqual([ALICE.id, BOB.id]);
    expect(await slackError(client.usergroups.users.list({ usergroup: 'S0NOPE' }))).toBe('no_such_subteam');
  });

  it('a 429 storm: the WebClient waits Retry-After before each retry and gets through', async () => {
    const patient = new WebClient(fake.botToken, {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 3, minTimeout: 0, maxTimeout: 0 },
      logLevel: LogLevel.ERROR,
    });
    const before = fake.count429();
    const from = fake.calls.length;
    fake.storm429({ count: 2, retryAfterSec: 1 });
    const started = performance.now();
    const res = await patient.users.info({ user: BOB.id });
    expect(res.ok).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1900);
    expect(fake.count429() - before).toBe(2);
    const tries = fake.calls.slice(from);
    expect(tries.map((c) => [c.status, c.rateLimited, c.retryAfterSec])).toEqual([
      [429, true, 1],
      [429, true, 1],
      [200, false, undefined],
    ]);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(950);
    expect(tries[0]!.response).toEqual({ ok: false, error: 'ratelimited' });
  });
});

describe('FakeSlack rate limits', () => {
  it('per-method tier buckets and chat.postMessage per channel answer 429 with Retry-After', async () => {
    const limited = await FakeSlack.start({
      limits: { methods: { 'users.info': { perMinute: 60, burst: 2 } } },
    });
    try {
      const c = new WebClient(limited.botToken, {
        slackApiUrl: limited.apiUrl,
        rejectRateLimitedCalls: true,
      });
      await c.users.info({ user: BOB.id });
      await c.users.info({ user: BOB.id });
      await expect(c.users.info({ user: BOB.id })).rejects.toMatchObject({
        code: 'slack_webapi_rate_limited_error',
        retryAfter: 1,
      });
      const dm = limited.dmChannelFor(BOB.id);
      const other = limited.dmChannelFor(ALICE.id);
      for (let i = 0; i < 3; i++) await c.chat.postMessage({ channel: dm, text: `m${i}` });
      await expect(c.chat.postMessage({ channel: dm, text: 'm3' })).rejects.toMatchObject({ retryAfter: 1 });
      // Another channel has its own bucket.
      await c.chat.postMessage({ channel: other, text: 'elsewhere' });
      expect(limited.count429()).toBe(2);
      limited.setLimits(false);
      for (let i = 0; i < 10; i++) await c.chat.postMessage({ channel: dm, text: `free${i}` });
      expect(limited.count429()).toBe(2);
    } finally {
      await limited.close();
    }
  });

  it('scale multiplies refill rates; Retry-After stays whole seconds', async () => {
    const limiter = new RateLimiter({ scale: 10, postMessagePerChannel: { perMinute: 60, burst: 1 } });
    expect(limiter.decide('chat.postMessage', 'D1').retryAfterSec).toBeNull();
    expect(limiter.decide('chat.postMessage', 'D1').retryAfterSec).toBe(1);
    await new Promise((r) => setTimeout(r, 120));
    expect(limiter.decide('chat.postMessage', 'D1').retryAfterSec).toBeNull();
    const tier1 = new RateLimiter({});
    for (let i = 0; i < 3; i++) expect(tier1.decide('apps.connections.open').retryAfterSec).toBeNull();
    expect(tier1.decide('apps.connections.open').retryAfterSec).toBe(60);
  });
});
