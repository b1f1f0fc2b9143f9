import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at } from '../../helpers/app-harness.js';
import { actionIds, SlackHarness, textOf, USERS } from './slack-harness.js';

const ZONE = 'Europe/Berlin';
const { robin, casey } = USERS;

/**
 * A slash command typed in a DM between two people arrives with a `D…` channel id too, and an in_channel reply
 * there is read by the friend. Only the app's own DM with the asker (the id conversations.open gave for them)
 * may get a visible reply.
 */
describe('Slack: who can read a reply to /interlude', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await SlackHarness.start(at(ZONE, '2026-05-04T07:00'), { env: { ANSWER_IN_CHAT: 'true' } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('someone not enrolled, in a DM with a friend: the crisis lines are for them alone', async () => {
    const between = h.fake.dmBetween(casey.id, robin.id);
    expect(between).toMatch(/^D/);
    const r = await h.command(casey.id, 'crisis', between);
    expect(r.payload.channel_name).toBe('directmessage');
    expect(textOf(r.body.blocks)).toContain('988');
    expect(r.body.response_type).toBe('ephemeral');
    // The crisis lines' addresses are real links (rich_text link elements), not text.
    expect(JSON.stringify(r.body.blocks)).toContain('{"type":"link","url":"https://988lifeline.org"}');
  });

  it('an enrolled person whose DM with the app is not known yet gets ephemeral replies, even in that DM', async () => {
    const offer = await h.command(robin.id, `start zone:${ZONE} time:08:00`);
    expect(offer.body.response_type).toBe('ephemeral');
    const agree = actionIds(offer.body.blocks).find((id) => id.startsWith('enrol.agree'));
    const done = await h.click(robin.id, agree ?? '');
    await done.waitForResponses(1);
    expect(h.participant(robin.id)?.dmChannelId).toBeNull();
    const r = await h.command(robin.id, 'help');
    expect(r.body.response_type).toBe('ephemeral');
  });

  it('once the nudge has opened the DM: visible there, ephemeral in a DM with a friend or any other D… id', async () => {
    await h.tick(at(ZONE, '2026-05-04T08:00'));
    const own = h.fake.dmChannels.get(robin.id);
    expect(h.participant(robin.id)?.dmChannelId).toBe(own);
    await h.command(robin.id, 'journal A quiet walk by the river');

    const inOwn = await h.command(robin.id, 'summary', own);
    expect(inOwn.body.response_type).toBe('in_channel');

    const withFriend = await h.command(robin.id, 'summary', h.fake.dmBetween(robin.id, casey.id));
    expect(withFriend.body.response_type).toBe('ephemeral');

    // Casey's DM with the app is someone else's conversation as far as Robin is concerned.
    const othersDm = await h.command(robin.id, 'summary', h.fake.dmChannelFor(casey.id));
    expect(othersDm.body.response_type).toBe('ephemeral');

    const inChannel = await h.command(robin.id, 'crisis', 'C0GENERAL01');
    expect(inChannel.body.response_type).toBe('ephemeral');
  });
});
