/**
 * The spine, end to end: the real planner writes delivery rows, the real in-process queue hands them to the real
 * `deliver`, and a recording messenger stands in for the platform. Every instant is fixed; the clock only moves
 * when a test ticks it.
 */
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLink } from '../../src/app/links.js';
import { PROMPTS } from '../../src/domain/prompts/index.js';
import { HOUR, MINUTE } from '../../src/domain/types.js';
import { UserError } from '../../src/errors.js';
import { recordCheckin } from '../../src/features/check-in/checkin.js';
import { checkinNudgeLines, followUpLine, snoozeLine } from '../../src/views/texts.js';
import { AppHarness, at, type SentMessage } from '../helpers/app-harness.js';

const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';

const ANSWERS = { mood: 6, sleep: 3, energy: 3, anxiety: 2, reflection: null, tags: [] };

let h: AppHarness;
afterEach(async () => {
  await h.close();
});

/** A sent nudge as `kind date HH:mm` on the person's own clock, e.g. `checkin 2026-03-02 08:00`. */
const describeSent = (m: SentMessage, zone: string): string => {
  const [, kind, date] = m.key.split(':');
  return `${kind} ${date} ${DateTime.fromMillis(m.at, { zone }).toFormat('HH:mm')}`;
};
const sentTo = (userId: string, zone: string): string[] =>
  h.messenger.to(userId).map((m) => describeSent(m, zone));

describe.each([LONDON, NEW_YORK])('daily nudges in %s', (zone) => {
  const alex = () => h.actor('alex');
  const local = (s: string) => at(zone, s);

  beforeEach(async () => {
    h = new AppHarness();
    h.now = local('2026-03-02T07:00');
    await h.enrol(alex(), zone, '08:00');
  });

  it('enrolling at 07:00 for 08:00 gives exactly one nudge at 08:00, and a second tick that minute gives none', async () => {
    const p = h.me(alex());
    expect(p.nextDueAt).toBe(local('2026-03-02T08:00'));
    expect(p.nextDueKind).toBe('checkin');

    expect(await h.tick(local('2026-03-02T07:59'))).toEqual({ planned: 0, missed: 0 });
    expect(h.messenger.sent).toEqual([]);

    expect(await h.tick(local('2026-03-02T08:00'))).toEqual({ planned: 1, missed: 0 });
    expect(sentTo('alex', zone)).toEqual(['checkin 2026-03-02 08:00']);

    expect(await h.tick(local('2026-03-02T08:00'))).toEqual({ planned: 0, missed: 0 });
    // A restart in the same minute re-enqueues only pending rows: the sent one stays sent.
    expect(await h.outbox.resync(h.now)).toBe(0);
    await h.queue.drain();
    expect(sentTo('alex', zone)).toEqual(['checkin 2026-03-02 08:00']);

    // The unique key is what makes it safe: planning the same nudge again writes nothing.
    const again = h.store.deliveries.insert(
      {
        participantId: p.id,
        kind: 'checkin',
        localDate: '2026-03-02',
        dueAt: local('2026-03-02T08:00'),
        status: 'pending',
      },
      h.now,
    );
    expect(again).toBeNull();
    expect(h.store.deliveries.forParticipant(p.id).map((d) => [d.key, d.status])).toEqual([
      [`${p.id}:checkin:2026-03-02`, 'sent'],
    ]);
    // The platform saw the delivery key as its idempotency key, and the DM channel is cached for next time.
    expect(h.messenger.sent[0]?.key).toBe(`${p.id}:checkin:2026-03-02`);
    expect(h.me(alex()).dmChannelId).toBe('dm-alex');
  });

  it('a nudge carries no health content: one warm line and the four buttons', async () => {
    const p = h.me(alex());
    // Health content written before the nudges, which must never travel in one.
    await h.command(alex(), 'journal', 'write', { text: 'SECRET journal: the session brought up my father' });
    await h.command(alex(), 'session', 'log', { date: '2026-03-01' });
    recordCheckin(
      h.deps,
      p,
      { ...ANSWERS, mood: 2, reflection: 'SECRET reflection about grief' },
      { source: 'web' },
      h.now,
    );
    await h.command(alex(), 'intention', 'set', { text: 'SECRET intention to be kind to myself' });

    // Today's nudge is cancelled (already answered); tomorrow's goes out.
    await h.tickEveryMinute(local('2026-03-02T07:59'), local('2026-03-03T08:00'));
    expect(sentTo('alex', zone)).toEqual(['checkin 2026-03-03 08:00']);
    const [nudge] = h.messenger.sent;
    expect(nudge).toBeDefined();
    const m = nudge?.message;
    expect(m?.blocks).toHaveLength(2);
    expect(m?.blocks[0]?.type).toBe('text');
    const line = m?.blocks[0]?.type === 'text' ? m.blocks[0].text : '';
    expect(checkinNudgeLines).toContain(line);
    // The second block is the private page: a live, signed check-in link for this person and day, nothing more.
    const link = m?.blocks[1];
    expect(link?.type).toBe('link');
    const url = link?.type === 'link' ? link.url : '';
    expect(url.startsWith(`${h.settings.publicUrl}/l/`)).toBe(true);
    const opened = checkLink(h.deps, url.slice(url.lastIndexOf('/') + 1), h.now);
    expect(opened.ok && opened.link).toMatchObject({
      participantId: p.id,
      purpose: 'checkin',
      localDate: '2026-03-03',
    });
    expect(m?.buttons?.map((a) => a.id)).toEqual([
      'checkin.open?date=2026-03-03',
      'nudge.skip?date=2026-03-03',
      'nudge.snooze?m=60',
      'nudge.snooze?m=180',
    ]);
    expect(m?.form).toBeUndefined();
    expect(m?.files).toBeUndefined();
    expect(m?.sensitive).toBeFalsy();

    // The random token could spell anything; the words checked are ours, so leave the URL out.
    const wire = JSON.stringify(m).replace(url, '');
    for (const word of ['SECRET', 'mood', 'Mood', 'session', 'Session', 'journal', 'father', 'grief']) {
      expect(wire).not.toContain(word);
    }
    for (const prompt of Object.values(PROMPTS).flat()) expect(wire).not.toContain(prompt.text);
  });

  it('sends one follow-up 3 hours after an unanswered nudge, and never a second', async () => {
    await h.tickEveryMinute(local('2026-03-02T07:00'), local('2026-03-03T07:59'));
    expect(sentTo('alex', zone)).toEqual(['checkin 2026-03-02 08:00', 'followup 2026-03-02 11:00']);
    const followUp = h.messenger.sent[1]?.message;
    expect(followUp?.blocks[0]).toEqual({ type: 'text', text: followUpLine });
    expect(followUp?.blocks[1]).toMatchObject({ type: 'link', label: 'Open your private check-in page' });
    expect(followUp?.buttons?.map((a) => a.id)).toEqual([
      'checkin.open?date=2026-03-02',
      'nudge.skip?date=2026-03-02',
    ]);
  });

  it('sends no follow-up once the person has answered', async () => {
    await h.tick(local('2026-03-02T08:00'));
    h.now = local('2026-03-02T09:10');
    recordCheckin(h.deps, h.me(alex()), ANSWERS, { localDate: '2026-03-02', source: 'web' }, h.now);
    await h.tickEveryMinute(local('2026-03-02T09:10'), local('2026-03-03T07:59'));
    expect(sentTo('alex', zone)).toEqual(['checkin 2026-03-02 08:00']);
  });

  it('cancels the nudge when the person checked in before it came', async () => {
    h.now = local('2026-03-02T07:30');
    recordCheckin(h.deps, h.me(alex()), ANSWERS, { source: 'chat' }, h.now);
    await h.tickEveryMinute(local('2026-03-02T07:30'), local('2026-03-03T08:00'));
    expect(sentTo('alex', zone)).toEqual(['checkin 2026-03-03 08:00']);
    const today = h.store.deliveries.byKey(`${h.me(alex()).id}:checkin:2026-03-02`);
    expect(today?.status).toBe('cancelled');
  });

  it('drops (does not move) a follow-up that would land in quiet hours', async () => {
    await h.command(alex(), 'settings', 'time', { time: '20:00' });
    await h.command(alex(), 'settings', 'quiet-hours', { hours: '22:00-07:00' });
    await h.tickEveryMinute(local('2026-03-02T07:00'), local('2026-03-03T19:59'));
    expect(sentTo('alex', zone)).toEqual(['checkin 2026-03-02 20:00']);
    expect(h.store.deliveries.forParticipant(h.me(alex()).id).map((d) => d.kind)).toEqual(['checkin']);
  });

  it('/skip today before the nudge: no nudge and no follow-up today, back tomorrow', async () => {
    h.now = local('2026-03-02T07:30');
    const reply = await h.command(alex(), 'skip');
    expect(reply.blocks[0]).toEqual({ type: 'text', text: 'Skipped today. Rest well — see you tomorrow.' });
    await h.tickEveryMinute(local('2026-03-02T07:30'), local('2026-03-03T08:00'));
    expect(sentTo('alex', zone)).toEqual(['checkin 2026-03-03 08:00']);
  });

  it('the Skip button on the nudge stops that day’s follow-up', async () => {
    await h.tick(local('2026-03-02T08:00'));
    const skipId = h.messenger.sent[0]?.message.buttons?.find((a) => a.label === 'Skip today')?.id ?? '';
    h.now = local('2026-03-02T08:05');
    h.action(alex(), skipId);
    await h.tickEveryMinute(local('2026-03-02T08:05'), local('2026-03-03T07:59'));
    expect(sentTo('alex', zone)).toEqual(['checkin 2026-03-02 08:00']);
  });

  it('/pause stops every nudge until /resume', async () => {
    h.now = local('2026-03-02T07:30');
    await h.command(alex(), 'pause');
    expect(h.me(alex()).nextDueAt).toBeNull();
    for (let t = local('2026-03-02T07:30'); t <= local('2026-03-05T12:00'); t += 15 * MINUTE) await h.tick(t);
    expect(h.messenger.sent).toEqual([]);

    h.now = local('2026-03-05T12:00');
    const reply = await h.command(alex(), 'resume');
    expect(reply.blocks[0]?.type === 'text' && reply.blocks[0].text).toContain('Welcome back');
    await h.tickEveryMinute(local('2026-03-05T12:00'), local('2026-03-06T08:00'));
    expect(sentTo('alex', zone)).toEqual(['checkin 2026-03-06 08:00']);
  });

  it('/pause until a date resumes by itself that morning', async () => {
    h.now = local('2026-03-02T07:30');
    const reply = await h.command(alex(), 'pause', undefined, { until: '2026-03-05' });
    expect(reply.blocks[0]?.type === 'text' && reply.blocks[0].text).toContain('Thursday 5 March 2026');
    for (let t = local('2026-03-02T07:30'); t <= local('2026-03-06T08:00'); t += 5 * MINUTE) await h.tick(t);
    expect(sentTo('alex', zone)).toEqual([
      'checkin 2026-03-05 08:00',
      'followup 2026-03-05 11:00',
      'checkin 2026-03-06 08:00',
    ]);
  });

  it('snooze 1 hour brings the nudge back once, and then no follow-up', async () => {
    await h.tick(local('2026-03-02T08:00'));
    const snooze = h.messenger.sent[0]?.message.buttons?.find((a) => a.label === 'Snooze 1 hour')?.id ?? '';
    h.now = local('2026-03-02T08:05');
    const reply = h.action(alex(), snooze);
    expect(reply.blocks[0]?.type === 'text' && reply.blocks[0].text).toContain('at 09:05');
    await h.tickEveryMinute(local('2026-03-02T08:05'), local('2026-03-03T07:59'));
    expect(sentTo('alex', zone)).toEqual(['checkin 2026-03-02 08:00', 'snooze 2026-03-02 09:05']);
    expect(h.messenger.sent[1]?.message.blocks[0]).toEqual({ type: 'text', text: snoozeLine });

    // Snoozing a second time that day is refused: the snoozed reminder was the day's one reminder.
    h.now = local('2026-03-02T09:10');
    expect(() => h.action(alex(), snooze)).toThrow(UserError);
  });

  it('refuses a snooze that would land in quiet hours, and changes nothing', async () => {
    await h.command(alex(), 'settings', 'time', { time: '20:00' });
    await h.command(alex(), 'settings', 'quiet-hours', { hours: '22:00-07:00' });
    await h.tickEveryMinute(local('2026-03-02T19:58'), local('2026-03-02T20:01'));
    expect(sentTo('alex', zone)).toEqual(['checkin 2026-03-02 20:00']);

    h.now = local('2026-03-02T21:30');
    const before = h.me(alex());
    const counts = h.rowCounts();
    let err: unknown;
    try {
      h.action(alex(), 'nudge.snooze?m=60');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('snooze-in-quiet-hours');
    expect((err as UserError).message).toContain('quiet hours');
    expect(h.me(alex())).toEqual(before);
    expect(h.rowCounts()).toEqual(counts);

    await h.tickEveryMinute(local('2026-03-02T21:30'), local('2026-03-03T07:59'));
    expect(sentTo('alex', zone)).toEqual(['checkin 2026-03-02 20:00']);
  });

  it('a permanent send failure marks the person unreachable and stops their nudges', async () => {
    h.messenger.reply = () => ({
      ok: false,
      permanent: true,
      reason: 'discord 50007: cannot send to this user',
    });
    await h.tick(local('2026-03-02T08:00'));
    const p = h.me(alex());
    expect(p.unreachable).toBe(true);
    expect(p.nextDueAt).toBeNull();
    const [row] = h.store.deliveries.forParticipant(p.id);
    expect(row?.status).toBe('failed');
    expect(row?.lastError).toContain('50007');
    expect(h.log.entries.filter((e) => e.level === 'warn').map((e) => e.msg)).toEqual([
      'participant unreachable',
    ]);

    h.messenger.reply = (to) => ({ ok: true, dmChannelId: `dm-${to.userId}` });
    for (let t = local('2026-03-02T08:01'); t <= local('2026-03-05T12:00'); t += 5 * MINUTE) await h.tick(t);
    expect(h.messenger.attempts).toHaveLength(1);
    expect(h.messenger.sent).toEqual([]);

    // /resume is how they come back once they open their DMs again.
    h.now = local('2026-03-05T12:00');
    await h.command(alex(), 'resume');
    await h.tickEveryMinute(local('2026-03-05T12:00'), local('2026-03-06T08:00'));
    expect(sentTo('alex', zone)).toEqual(['checkin 2026-03-06 08:00']);
  });

  it('a temporary send failure is retried, and sends once', async () => {
    let failures = 1;
    h.messenger.reply = (to) =>
      failures-- > 0
        ? { ok: false, permanent: false, reason: 'HTTP 503' }
        : { ok: true, dmChannelId: `dm-${to.userId}` };
    await h.tick(local('2026-03-02T08:00'));
    expect(h.messenger.attempts).toHaveLength(2);
    expect(sentTo('alex', zone)).toEqual(['checkin 2026-03-02 08:00']);
    const [row] = h.store.deliveries.forParticipant(h.me(alex()).id);
    expect([row?.status, row?.attempts]).toEqual(['sent', 1]);
  });
});

describe.each([LONDON, NEW_YORK])('restart recovery in %s', (zone) => {
  const alex = () => h.actor('alex');
  const local = (s: string) => at(zone, s);

  beforeEach(async () => {
    // The process plans, then dies before its queue delivers anything.
    h = new AppHarness({ startQueue: false });
    h.now = local('2026-03-02T07:00');
    await h.enrol(alex(), zone, '08:00');
    expect(await h.tick(local('2026-03-02T08:00'))).toEqual({ planned: 1, missed: 0 });
    expect(h.store.deliveries.pending(10).map((d) => d.dueAt)).toEqual([local('2026-03-02T08:00')]);
    expect(h.messenger.attempts).toEqual([]);
  });

  it('a row due 1 hour ago is delivered once after the restart', async () => {
    h.now = local('2026-03-02T09:00');
    await h.restart();
    expect(await h.outbox.resync(h.now)).toBe(1);
    await h.queue.drain();
    expect(sentTo('alex', zone)).toEqual(['checkin 2026-03-02 09:00']);

    // Recovering again (another restart) finds nothing pending.
    await h.restart();
    expect(await h.outbox.resync(h.now)).toBe(0);
    await h.queue.drain();
    expect(h.messenger.sent).toHaveLength(1);
    expect(h.store.deliveries.forParticipant(h.me(alex()).id).map((d) => d.status)).toEqual(['sent']);
  });

  it('a row due 3 hours ago (grace 2 hours) is marked missed and not sent', async () => {
    h.now = local('2026-03-02T11:00');
    await h.restart();
    expect(await h.outbox.resync(h.now)).toBe(1);
    await h.queue.drain();
    expect(h.messenger.attempts.filter((m) => m.key.includes(':checkin:'))).toEqual([]);
    const p = h.me(alex());
    expect(h.store.deliveries.byKey(`${p.id}:checkin:2026-03-02`)?.status).toBe('missed');
    expect(h.store.deliveries.pending(10)).toEqual([]);
  });

  it('a pending row for someone who paused (or skipped) before it went out is cancelled, not sent', async () => {
    await h.restart();
    h.now = local('2026-03-02T08:20');
    await h.command(alex(), 'pause');
    expect(await h.outbox.resync(h.now)).toBe(1);
    await h.queue.drain();
    expect(h.messenger.attempts).toEqual([]);
    expect(h.store.deliveries.byKey(`${h.me(alex()).id}:checkin:2026-03-02`)?.status).toBe('cancelled');
  });

  it('a recovered row that would now land in quiet hours is marked missed', async () => {
    await h.restart();
    h.now = local('2026-03-02T08:10');
    await h.command(alex(), 'settings', 'quiet-hours', { hours: '08:05-08:30' });
    expect(await h.outbox.resync(h.now)).toBe(1);
    await h.queue.drain();
    expect(h.messenger.attempts).toEqual([]);
    expect(h.store.deliveries.byKey(`${h.me(alex()).id}:checkin:2026-03-02`)?.status).toBe('missed');
  });
});

describe.each([LONDON, NEW_YORK])('downtime seen by the planner in %s', (zone) => {
  const alex = () => h.actor('alex');
  const local = (s: string) => at(zone, s);

  beforeEach(() => {
    h = new AppHarness();
  });

  it('after 5 hours down, the missed check-in is recorded as missed, never sent late, and tomorrow is planned', async () => {
    h.now = local('2026-03-02T07:00');
    await h.enrol(alex(), zone, '08:00');
    // No tick from 08:00 until 13:00.
    expect(await h.tick(local('2026-03-02T13:00'))).toEqual({ planned: 0, missed: 1 });
    const p = h.me(alex());
    expect(h.store.deliveries.forParticipant(p.id).map((d) => [d.kind, d.localDate, d.status])).toEqual([
      ['checkin', '2026-03-02', 'missed'],
    ]);
    expect([p.nextDueKind, p.nextDueAt]).toEqual(['checkin', local('2026-03-03T08:00')]);
    await h.tickEveryMinute(local('2026-03-02T13:00'), local('2026-03-03T08:00'));
    expect(sentTo('alex', zone)).toEqual(['checkin 2026-03-03 08:00']);
  });

  it('a nudge due just before quiet hours, seen late inside them, is marked missed', async () => {
    h.now = local('2026-03-02T07:00');
    await h.enrol(alex(), zone, '21:30');
    await h.command(alex(), 'settings', 'quiet-hours', { hours: '22:00-07:00' });
    // Down from 21:29 to 22:15: 45 minutes late is inside the grace window, but it is quiet time now.
    expect(await h.tick(local('2026-03-02T22:15'))).toEqual({ planned: 0, missed: 1 });
    expect(h.messenger.attempts).toEqual([]);
    await h.tickEveryMinute(local('2026-03-02T22:15'), local('2026-03-03T21:30'));
    expect(sentTo('alex', zone)).toEqual(['checkin 2026-03-03 21:30']);
  });

  it('a nudge seen 30 minutes late (inside the grace window) still goes out', async () => {
    h.now = local('2026-03-02T07:00');
    await h.enrol(alex(), zone, '08:00');
    expect(await h.tick(local('2026-03-02T08:30'))).toEqual({ planned: 1, missed: 0 });
    expect(sentTo('alex', zone)).toEqual(['checkin 2026-03-02 08:30']);
  });
});

describe('daylight saving in America/New_York', () => {
  const zone = NEW_YORK;
  const iso = (ms: number) => new Date(ms).toISOString();

  beforeEach(() => {
    h = new AppHarness();
  });

  const checkinsSent = (userId: string) =>
    h.messenger
      .to(userId)
      .filter((m) => m.key.includes(':checkin:'))
      .map((m) => `${m.key.split(':')[2]} ${iso(m.at)}`);

  it('02:30 on the spring-forward day (2026-03-08) gives exactly one nudge, at 03:00 EDT', async () => {
    h.now = at(zone, '2026-03-06T12:00');
    await h.enrol(h.actor('sam'), zone, '02:30');
    await h.tickEveryMinute(at(zone, '2026-03-07T00:00'), at(zone, '2026-03-09T23:59'));
    expect(checkinsSent('sam')).toEqual([
      '2026-03-07 2026-03-07T07:30:00.000Z', // 02:30 EST
      '2026-03-08 2026-03-08T07:00:00.000Z', // 02:30 does not exist; the clock jumps 02:00 → 03:00 EDT
      '2026-03-09 2026-03-09T06:30:00.000Z', // 02:30 EDT
    ]);
  });

  it('02:30 (and 01:30, which happens twice) on the fall-back day (2026-11-01) give exactly one nudge each', async () => {
    h.now = at(zone, '2026-10-30T12:00');
    await h.enrol(h.actor('sam'), zone, '02:30');
    await h.enrol(h.actor('kim'), zone, '01:30');
    await h.tickEveryMinute(at(zone, '2026-10-31T00:00'), at(zone, '2026-11-02T23:59'));
    expect(checkinsSent('sam')).toEqual([
      '2026-10-31 2026-10-31T06:30:00.000Z', // 02:30 EDT
      '2026-11-01 2026-11-01T07:30:00.000Z', // 02:30 EST, after the clocks went back
      '2026-11-02 2026-11-02T07:30:00.000Z',
    ]);
    expect(checkinsSent('kim')).toEqual([
      '2026-10-31 2026-10-31T05:30:00.000Z',
      '2026-11-01 2026-11-01T05:30:00.000Z', // the first 01:30 (EDT), never the second
      '2026-11-02 2026-11-02T06:30:00.000Z',
    ]);
  });
});

describe('the follow-up interval is a clinic setting', () => {
  it('uses followUpAfterHours from settings, not a constant', async () => {
    h = new AppHarness({ settings: { followUpAfterHours: 5 } });
    const zone = LONDON;
    h.now = at(zone, '2026-03-02T07:00');
    await h.enrol(h.actor('alex'), zone, '08:00');
    await h.tickEveryMinute(at(zone, '2026-03-02T07:00'), at(zone, '2026-03-02T08:00') + 6 * HOUR);
    expect(sentTo('alex', zone)).toEqual(['checkin 2026-03-02 08:00', 'followup 2026-03-02 13:00']);
  });
});
