import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEPT_OFF_CHAT } from '../../../src/app/privacy-texts.js';
import { nonceFor } from '../../../src/platforms/discord/discord-messenger.js';
import { unescapeDiscord } from '../../../src/platforms/discord/escape.js';
import type { FakeUser, Json } from '../../fakes/discord/types.js';
import { at } from '../../helpers/app-harness.js';
import {
  buttonIds,
  DiscordHarness,
  EPHEMERAL,
  FACILITATOR_ROLE,
  GUILD,
  linkUrls,
  MANAGE_GUILD,
} from './discord-harness.js';

const ZONE = 'Europe/London';
const alex: FakeUser = { id: '400000000000000001', username: 'alex', globalName: 'Alex' };
const blair: FakeUser = { id: '400000000000000002', username: 'blair' };
const sam: FakeUser = { id: '400000000000000003', username: 'sam', globalName: 'Sam (facilitator)' };
const owner: FakeUser = { id: '400000000000000004', username: 'owner' };

const JOURNAL = '**not bold** <@400000000000000003> @everyone # not a heading 🌧️ שלום <script>x</script>';

/** Everything Interlude sent to Discord, as one string: to check that no health data crossed the API. */
const everythingSent = (h: DiscordHarness) => JSON.stringify(h.fake.requests.map((r) => r.body));

async function enrol(h: DiscordHarness, user: FakeUser, time = '08:00', inServer = false): Promise<void> {
  const consent = await h.command(user, 'start', { options: { zone: ZONE, time }, guild: inServer });
  const agree = buttonIds(consent.data?.components).find((id) => id.startsWith('enrol.agree'));
  expect(agree).toBeDefined();
  const done = await h.click(user, agree ?? '', undefined, inServer);
  expect(done.type).toBe(7); // the consent message is replaced by the welcome
  expect(h.participant(user.id)).not.toBeNull();
}

describe('Discord, link mode (the default): a real discord.js Client against the loopback Discord', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await DiscordHarness.start(at(ZONE, '2026-03-02T07:00'));
  });
  afterAll(async () => {
    await h.close();
  });

  it('logs in over the gateway with the guilds and direct-message intents', () => {
    const identify = h.fake.gatewayEvents.find((e) => e.op === 2 && e.dir === 'in');
    const GUILDS = 1;
    const DIRECT_MESSAGES = 1 << 12;
    expect(identify?.d.intents).toBe(GUILDS | DIRECT_MESSAGES);
    expect(h.bot.discord?.client.isReady()).toBe(true);
  });

  it('answers /crisis before anyone has enrolled, at once', async () => {
    const r = await h.command(blair, 'crisis');
    expect(r.type).toBe(4);
    expect(unescapeDiscord(r.data.content)).toContain('988');
    expect(h.participant(blair.id)).toBeNull();
  });

  it('enrols through /start and the consent button', async () => {
    await enrol(h, alex);
    expect(h.participant(alex.id)).toMatchObject({ platform: 'discord', zone: ZONE, checkinTime: '08:00' });
  });

  it('sends the nudge at 08:00 local, not before: a warm line and a link button, no health content', async () => {
    await h.tick(at(ZONE, '2026-03-02T07:59'));
    expect(h.fake.messagesTo(alex.id)).toHaveLength(0);
    await h.tick(at(ZONE, '2026-03-02T08:00'));
    const [nudge] = h.fake.messagesTo(alex.id);
    expect(nudge).toBeDefined();
    const [url] = linkUrls(nudge?.components);
    expect(url).toMatch(/\/l\/[A-Za-z0-9_.-]+$/);
    expect(buttonIds(nudge?.components).map((id) => id.split('?')[0])).toEqual([
      'nudge.skip',
      'nudge.snooze',
      'nudge.snooze',
    ]);
    expect(nudge?.content).not.toMatch(/mood|sleep|anxi|session/i);
    const key = h.bot.runtime.store.db
      .prepare<[number], string>("SELECT key FROM deliveries WHERE participant_id = ? AND status = 'sent'")
      .pluck()
      .get(h.participant(alex.id)?.id ?? 0);
    expect(nudge?.nonce).toBe(nonceFor(key ?? ''));
    const sends = h.fake.requests.filter((r) => r.route === 'POST /channels/:id/messages');
    expect(sends.at(-1)?.body.enforce_nonce).toBe(true);
    expect(h.participant(alex.id)?.dmChannelId).toBe(h.fake.dmChannels.get(alex.id));
  });

  it('takes the answer on the private page the button opens', async () => {
    const nudge = h.fake.messagesTo(alex.id)[0];
    const path = new URL(linkUrls(nudge?.components)[0] ?? '').pathname;
    const page = await fetch(`${h.baseUrl}${path}`);
    expect(page.status).toBe(200);
    const body = await page.text();
    const cookie = page.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const csrf = /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
    const post = await fetch(`${h.baseUrl}/checkin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({
        _csrf: csrf,
        mood: '6',
        sleep: '4',
        energy: '3',
        anxiety: '2',
        reflection: JOURNAL,
      }),
    });
    expect(post.status).toBe(200);
    const p = h.participant(alex.id);
    expect(h.deps.store.checkins.all(p?.id ?? 0)).toMatchObject([
      { mood: 6, reflection: JOURNAL, source: 'web' },
    ]);
    expect(everythingSent(h)).not.toContain('not bold');
  });

  it('next day: one request per nudge with the DM channel cached', async () => {
    const before = h.fake.requests.length;
    await h.tick(at(ZONE, '2026-03-03T08:00'));
    const made = h.fake.requests.slice(before).map((r) => r.route);
    expect(made).toEqual(['POST /channels/:id/messages']);
  });

  it('skip and snooze buttons on the nudge replace it with what happened', async () => {
    const nudge = h.fake.messagesTo(alex.id).at(-1);
    const ids = buttonIds(nudge?.components);
    const snooze = ids.find((id) => id.startsWith('nudge.snooze'));
    const snoozed = await h.click(alex, snooze ?? '', nudge?.id);
    expect(snoozed.type).toBe(7);
    expect(unescapeDiscord(snoozed.data.content)).toMatch(/snooze|later|remind/i);
    expect(buttonIds(h.fake.messagesTo(alex.id).at(-1)?.components)).toEqual([]);
    const skip = ids.find((id) => id.startsWith('nudge.skip'));
    const skipped = await h.click(alex, skip ?? '', nudge?.id);
    expect(unescapeDiscord(skipped.data.content)).toMatch(/skip/i);
    expect(h.participant(alex.id)?.skipDates).toEqual(['2026-03-03']);
  });

  it('/pause pauses nudges, and says how to resume', async () => {
    const r = await h.command(alex, 'pause', {});
    expect(unescapeDiscord(r.data.content)).toMatch(/resume/i);
    expect(h.participant(alex.id)?.paused).toBe(true);
    await h.command(alex, 'resume');
    expect(h.participant(alex.id)?.paused).toBe(false);
  });

  it('keeps journal text off Discord: typed text is not kept, entries are shown only on the private page', async () => {
    const typed = await h.command(alex, 'journal', { sub: 'write', options: { text: JOURNAL } });
    expect(unescapeDiscord(typed.data.content)).toContain('did not keep what you typed');
    expect(linkUrls(typed.data.components)).toHaveLength(1);
    // Written on the page (test/web/page-forms.test.ts), then asked for in Discord.
    h.deps.store.journal.add(h.participant(alex.id)?.id ?? 0, '2026-03-29', JOURNAL, h.now);
    const read = await h.command(alex, 'journal', { sub: 'read' });
    expect(unescapeDiscord(read.data.content)).toContain(KEPT_OFF_CHAT);
    expect(linkUrls(read.data.components)).toHaveLength(1);
    const p = h.participant(alex.id);
    expect(h.deps.store.journal.all(p?.id ?? 0).map((e) => e.text)).toEqual([JOURNAL]);
    const botSaid = JSON.stringify(
      h.fake.requests.filter((r) => r.route.includes('callback')).map((r) => r.body),
    );
    expect(botSaid).not.toContain('not bold');
  });

  it('/export gives a private download link, not files, by default', async () => {
    const r = await h.command(alex, 'export');
    expect(r.files).toHaveLength(0);
    expect(r.data.components?.[0]?.components?.[0]?.label).toBe('Download your data');
  });

  it('refuses a facilitator command to a patient, privately', async () => {
    const r = await h.command(alex, 'dashboard', { guild: true, member: { roles: [] } });
    expect(r.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(unescapeDiscord(r.data.content)).toContain('facilitators');
  });

  it('lets a server admin choose the facilitator role, and then its members get /dashboard', async () => {
    const notAdmin = await h.command(sam, 'setup', {
      sub: 'facilitator-role',
      options: { role: FACILITATOR_ROLE },
      optionTypes: { role: 8 },
      guild: true,
      member: { roles: [], permissions: '0' },
    });
    expect(unescapeDiscord(notAdmin.data.content)).toContain('Manage Server');
    const set = await h.command(owner, 'setup', {
      sub: 'facilitator-role',
      options: { role: FACILITATOR_ROLE },
      optionTypes: { role: 8 },
      guild: true,
      member: { permissions: MANAGE_GUILD },
    });
    expect(unescapeDiscord(set.data.content)).toMatch(/^Done/);
    expect(h.deps.store.spaces.find('discord', GUILD.id)?.facilitatorRole).toBe(FACILITATOR_ROLE);
    const dash = await h.command(sam, 'dashboard', { guild: true, member: { roles: [FACILITATOR_ROLE] } });
    expect(dash.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(linkUrls(dash.data.components)[0]).toMatch(/\/l\//);
  });

  it('a person who closed their DMs (50007) is marked unreachable at once, without retries, and facilitators see it', async () => {
    await enrol(h, blair, '09:00', true);
    await h.command(blair, 'settings', { sub: 'sharing', options: { state: 'on' }, guild: true });
    h.fake.rejectDmsFrom(blair.id);
    const before = h.fake.requests.length;
    await h.tick(at(ZONE, '2026-03-03T09:00'));
    const tries = h.fake.requests.slice(before).filter((r) => r.route === 'POST /channels/:id/messages');
    expect(tries).toHaveLength(1);
    expect(tries[0]?.errorCode).toBe(50007);
    expect(h.participant(blair.id)?.unreachable).toBe(true);
    const settings = await h.command(blair, 'settings', { sub: 'show' });
    expect(unescapeDiscord(settings.data.content)).toContain('could not reach you');
    const dash = await h.command(sam, 'dashboard', { guild: true, member: { roles: [FACILITATOR_ROLE] } });
    const roster = await fetch(`${h.baseUrl}${new URL(linkUrls(dash.data.components)[0] ?? '').pathname}`);
    const html = await roster.text();
    expect(html).toContain('blair');
    expect(html).toContain('Nudges stopped: I could not send this member a direct message');
  });

  it('rides out a 429 storm: waits as told, and delivers everything', async () => {
    h.fake.storm429({ count: 3, retryAfterMs: 150 });
    const before = h.fake.count429();
    await h.tick(at(ZONE, '2026-03-04T08:00'));
    expect(h.fake.count429() - before).toBe(3);
    expect(h.fake.messagesTo(alex.id).filter((m) => m.createdAt > 0)).toHaveLength(3);
  });

  it('keeps working after Discord asks it to reconnect (op 7) and it resumes', async () => {
    const from = h.fake.gatewayEvents.length;
    h.fake.requestReconnect();
    await h.fake.waitForGatewayEvent((e) => e.op === 6 && e.dir === 'in', 5000, from);
    await h.fake.waitForGatewayEvent((e) => e.t === 'RESUMED', 5000, from);
    const r = await h.command(alex, 'help');
    expect(unescapeDiscord(r.data.content)).toContain('/checkin');
  });

  it('every interaction was answered within 3 s', () => {
    const callbacks = h.fake.requests.filter((r) => r.route.includes('callback'));
    expect(callbacks.length).toBeGreaterThan(10);
    expect(callbacks.every((c) => c.status < 300)).toBe(true);
  });
});

describe('Discord HTTP interactions endpoint', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await DiscordHarness.start(at(ZONE, '2026-03-02T07:00'));
  });
  afterAll(async () => {
    await h.close();
  });
  const url = () => `${h.baseUrl}/discord/interactions`;

  it('refuses a bad or missing signature with 401, and runs nothing', async () => {
    const handle = h.fake.slashCommand({
      user: alex,
      name: 'start',
      options: { zone: ZONE },
      via: 'http',
    } as Json);
    const body = JSON.stringify(handle.payload);
    const good = h.fake.signInteraction(body);
    const sig = good['X-Signature-Ed25519'] ?? '';
    // Flip one bit of the signature's last byte: always a different, wrong signature.
    const lastByte = (Number.parseInt(sig.slice(-2), 16) ^ 1).toString(16).padStart(2, '0');
    const forged = { ...good, 'X-Signature-Ed25519': `${sig.slice(0, -2)}${lastByte}` };
    for (const headers of [{}, forged, { ...good, 'X-Signature-Timestamp': '1' }]) {
      const r = await fetch(url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
      expect(r.status).toBe(401);
    }
    const tampered = body.replace(ZONE, 'Asia/Kathmandu');
    const r = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...good },
      body: tampered,
    });
    expect(r.status).toBe(401);
    expect(h.deps.store.spaces.find('discord', '@direct')).toBeNull();
    expect(
      h.fake.requests.filter((q) => q.route.includes('callback') || q.route.includes('webhook')),
    ).toHaveLength(0);
  });

  it('answers PING and a signed command in the HTTP response', async () => {
    const ping = { type: 1, id: '1', application_id: h.fake.applicationId, token: 't', version: 1 };
    const body = JSON.stringify(ping);
    const pong = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...h.fake.signInteraction(body) },
      body,
    });
    expect(await pong.json()).toEqual({ type: 1 });
    const handle = h.fake.slashCommand({ user: alex, name: 'crisis', via: 'http' } as Json);
    const r = await h.fake.postInteraction(url(), handle);
    expect(r.status).toBe(200);
    expect(r.body.type).toBe(4);
    expect(unescapeDiscord(r.body.data.content)).toContain('988');
  });
});

describe('one person across DMs and servers', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await DiscordHarness.start(at(ZONE, '2026-03-02T07:00'));
  });
  afterAll(async () => {
    await h.close();
  });

  it('someone who enrolled by DM is recognised in the server, and is not enrolled twice', async () => {
    await enrol(h, alex);
    const again = await h.command(alex, 'start', { options: { zone: ZONE }, guild: true });
    expect(unescapeDiscord(again.data.content)).toContain('already set up');
    const saved = await h.command(alex, 'journal', {
      sub: 'write',
      options: { text: 'from the server' },
      guild: true,
    });
    expect(saved.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(linkUrls(saved.data.components)).toHaveLength(1);
    expect(h.deps.store.participants.byPlatformUser('discord', alex.id)).toHaveLength(1);
  });
});
