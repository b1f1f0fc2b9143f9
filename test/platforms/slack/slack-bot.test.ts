import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEPT_OFF_CHAT } from '../../../src/app/privacy-texts.js';
import { at } from '../../helpers/app-harness.js';
import { actionIds, buttonUrls, FACILITATOR_GROUP, SlackHarness, textOf, USERS } from './slack-harness.js';

const ZONE = 'America/New_York';
const { robin, casey, fran, admin } = USERS;
const ENTRY = '*not bold* <@U0CASEY0001> :smile: & <script>x</script> 🌧️ שלום';

async function enrol(h: SlackHarness, user: string, time = '08:00'): Promise<void> {
  const offer = await h.command(user, `start zone:${ZONE} time:${time}`);
  const agree = actionIds(offer.body.blocks).find((id) => id.startsWith('enrol.agree'));
  expect(agree).toBeDefined();
  const done = await h.click(user, agree ?? '');
  await done.waitForResponses(1);
  expect(done.responses[0]?.replace_original).toBe(true);
  expect(h.participant(user)).not.toBeNull();
}

describe('Slack, HTTP mode: a real Bolt App receiving signed requests, against the loopback Slack', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    // The Sunday DST change in New York: 2026-03-08. Start the Friday before.
    h = await SlackHarness.start(at(ZONE, '2026-03-06T07:00'));
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers /interlude crisis before anyone has enrolled, in the acknowledgement itself', async () => {
    const r = await h.command(casey.id, 'crisis');
    expect(r.status).toBe(200);
    expect(textOf(r.body.blocks)).toContain('988');
    expect(h.participant(casey.id)).toBeNull();
  });

  it('refuses a bad signature, a missing one and a six-minute-old one with 401, and changes nothing', async () => {
    for (const signing of [
      { sign: 'bad' as const },
      { sign: 'missing' as const },
      { timestamp: Math.floor(Date.now() / 1000) - 360 },
    ]) {
      const r = await h.fake.slashCommand(h.eventsUrl, {
        user: robin.id,
        text: `start zone:${ZONE}`,
        ...signing,
      });
      expect(r.status).toBe(401);
    }
    expect(h.participant(robin.id)).toBeNull();
    expect(h.deps.store.spaces.find('slack', h.fake.teamId)).toBeNull();
  });

  it('enrols with /interlude start and the consent button', async () => {
    await enrol(h, robin.id);
    await h.command(robin.id, 'settings follow-up off');
    expect(h.participant(robin.id)).toMatchObject({ platform: 'slack', zone: ZONE, checkinTime: '08:00' });
  });

  it('names commands the Slack way in its own texts', async () => {
    const r = await h.command(robin.id, 'help');
    const t = textOf(r.body.blocks);
    expect(t).toContain('/interlude checkin');
    expect(t).not.toMatch(/(^|\s)\/checkin/m);
    expect(t).not.toContain('/interlude setup');
  });

  it('sends the nudge at 08:00 local across the DST change: a link button, skip and snooze, no health content', async () => {
    await h.tick(at(ZONE, '2026-03-06T07:59'));
    expect(h.fake.messagesTo(robin.id)).toHaveLength(0);
    await h.tick(at(ZONE, '2026-03-06T08:00'));
    const [nudge] = h.fake.messagesTo(robin.id);
    expect(buttonUrls(nudge?.blocks)[0]).toMatch(/\/l\//);
    expect(
      actionIds(nudge?.blocks)
        .filter((id) => !id.startsWith('link:'))
        .map((id) => id.split('?')[0]),
    ).toEqual(['nudge.skip', 'nudge.snooze', 'nudge.snooze']);
    expect(textOf(nudge?.blocks)).not.toMatch(/mood|sleep|anxi|session/i);
    const calls = h.fake.calls.length;
    // Sunday 8 March the clocks go forward: 08:00 is 12:00 UTC instead of 13:00.
    for (const day of ['2026-03-07', '2026-03-08', '2026-03-09']) {
      await h.tick(at(ZONE, `${day}T08:00`));
      expect(h.participant(robin.id)?.lastNudgeAt).toBe(at(ZONE, `${day}T08:00`));
    }
    expect(at(ZONE, '2026-03-08T08:00')).toBe(Date.parse('2026-03-08T12:00:00Z'));
    const made = h.fake.calls.slice(calls).map((c) => c.method);
    expect(made).toEqual(['chat.postMessage', 'chat.postMessage', 'chat.postMessage']);
    expect(h.fake.messagesTo(robin.id)).toHaveLength(4);
  });

  it('takes the answer on the private page the nudge’s button opens', async () => {
    const nudge = h.fake.messagesTo(robin.id).at(-1);
    const path = new URL(buttonUrls(nudge?.blocks)[0] ?? '').pathname;
    const page = await fetch(`${h.baseUrl}${path}`);
    expect(page.status).toBe(200);
    const cookie = page.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const post = await fetch(`${h.baseUrl}/checkin`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({
        _csrf: csrf,
        mood: '5',
        sleep: '3',
        energy: '3',
        anxiety: '3',
        reflection: ENTRY,
      }),
    });
    expect(post.status).toBe(200);
    expect(h.deps.store.checkins.all(h.participant(robin.id)?.id ?? 0)).toMatchObject([
      { localDate: '2026-03-09', mood: 5, reflection: ENTRY, source: 'web' },
    ]);
    expect(JSON.stringify(h.fake.calls)).not.toContain('not bold');
  });

  it('skip on the nudge replaces it; /interlude pause and resume', async () => {
    const nudge = h.fake.messagesTo(robin.id).at(-1);
    const skip = actionIds(nudge?.blocks).find((id) => id.startsWith('nudge.skip'));
    const r = await h.click(robin.id, skip ?? '', nudge?.ts);
    await r.waitForResponses(1);
    expect(textOf(r.responses[0]?.blocks)).toMatch(/Skipped/);
    const paused = await h.command(robin.id, 'pause');
    expect(textOf(paused.body.blocks)).toContain('/interlude resume');
    expect(h.participant(robin.id)?.paused).toBe(true);
    await h.command(robin.id, 'resume');
    expect(h.participant(robin.id)?.paused).toBe(false);
  });

  it('journal text typed in Slack is not kept (link mode): the page takes it; entries are read back only there', async () => {
    const typed = await h.command(
      robin.id,
      `journal ${ENTRY.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}`,
    );
    expect(textOf(typed.body.blocks)).toContain('did not keep what you typed');
    expect(buttonUrls(typed.body.blocks)).toHaveLength(1);
    const pid = h.participant(robin.id)?.id ?? 0;
    expect(h.deps.store.journal.all(pid)).toEqual([]);
    // Written on the page (test/web/page-forms.test.ts), then asked for in Slack.
    h.deps.store.journal.add(pid, '2026-03-29', ENTRY, h.now);
    const read = await h.command(robin.id, 'journal read');
    expect(textOf(read.body.blocks)).toContain(KEPT_OFF_CHAT);
    expect(JSON.stringify(h.fake.calls)).not.toContain('not bold');
  });

  it('/interlude export gives a private download link by default, no files', async () => {
    const r = await h.command(robin.id, 'export');
    expect(buttonUrls(r.body.blocks)).toHaveLength(1);
    expect(h.fake.files).toHaveLength(0);
  });

  it('refuses /interlude dashboard to a patient, and lets an admin choose the facilitators’ user group', async () => {
    const refused = await h.command(robin.id, 'dashboard', 'C0GENERAL01');
    expect(refused.body.response_type).toBe('ephemeral');
    expect(textOf(refused.body.blocks)).toContain('facilitators');
    const notAdmin = await h.command(
      casey.id,
      `setup facilitator-role <!subteam^${FACILITATOR_GROUP}|@facilitators>`,
    );
    expect(textOf(notAdmin.body.blocks)).toContain('for the people who run');
    const set = await h.command(
      admin.id,
      `setup facilitator-role <!subteam^${FACILITATOR_GROUP}|@facilitators>`,
    );
    expect(textOf(set.body.blocks)).toMatch(/^Done/);
    expect(h.deps.store.spaces.find('slack', h.fake.teamId)?.facilitatorRole).toBe(FACILITATOR_GROUP);
    const dash = await h.command(fran.id, 'dashboard', 'C0GENERAL01');
    expect(dash.body.response_type).toBe('ephemeral');
    expect(buttonUrls(dash.body.blocks)[0]).toMatch(/\/l\//);
  });

  it('a person Slack will not let us message is marked unreachable at once', async () => {
    await enrol(h, casey.id, '09:00');
    h.fake.blockDmsFrom(casey.id, 'user_disabled');
    await h.tick(at(ZONE, '2026-03-09T09:00'));
    expect(h.participant(casey.id)?.unreachable).toBe(true);
  });

  it('rides out 429s with Retry-After and delivers', async () => {
    h.fake.storm429({ count: 2, retryAfterSec: 1 });
    const before = h.fake.messagesTo(robin.id).length;
    await h.tick(at(ZONE, '2026-03-10T08:00'));
    expect(h.fake.count429()).toBeGreaterThanOrEqual(2);
    expect(h.fake.messagesTo(robin.id)).toHaveLength(before + 1);
  });

  it('/interlude forget asks, then erases', async () => {
    const ask = await h.command(robin.id, 'forget');
    const confirm = actionIds(ask.body.blocks).find((id) => id.startsWith('forget.confirm'));
    const done = await h.click(robin.id, confirm ?? '');
    await done.waitForResponses(1);
    expect(h.participant(robin.id)).toBeNull();
  });
});
