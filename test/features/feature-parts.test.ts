/**
 * A feature's nudge kinds and its part of /export and /forget are registrations in the feature: a test feature
 * here adds a weekly nudge, an export section with a CSV, and a step of its own for /forget, and the real app
 * (SQLite, the in-process queue, the delivery path, the command registry) plans, sends, words, holds back,
 * exports and erases them without a line of shared code knowing about it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { csvAttachment } from '../../src/app/export-data.js';
import { type Feature, partsOf } from '../../src/app/feature.js';
import { planNudge } from '../../src/app/plan-nudges.js';
import type { Participant } from '../../src/domain/entities.js';
import { FEATURES } from '../../src/features/index.js';
import { buttonId } from '../../src/views/button-id.js';
import { AppHarness, at } from '../helpers/app-harness.js';

const ZONE = 'Europe/London';
const local = (s: string) => at(ZONE, s);
const LINE = 'Your week is ready to look back on, whenever you like.';

const erased: number[] = [];

/** A weekly reminder, as the weekly reflection feature will add one. */
const weekly: Feature = {
  name: 'weekly-test',
  nudges: [
    {
      id: 'weekly.reminder',
      quietHours: 'hold-back',
      // Not wanted once the person has said they looked (a check-in that day stands in for it here).
      settled: ({ deps, participant, delivery }) =>
        deps.store.checkins.existsOn(participant.id, delivery.localDate),
      message: ({ delivery }) => ({
        blocks: [{ type: 'text', text: LINE }],
        buttons: [
          { id: buttonId('weekly.open', { date: delivery.localDate }), label: 'Open', style: 'primary' },
        ],
      }),
    },
  ],
  buttons: {
    'weekly.open': ({ params }) => ({ blocks: [{ type: 'text', text: `Your week up to ${params.date}.` }] }),
  },
  exportPart: {
    collect: (store, p) => ({ weeks: [{ participant: p.userId, kept: store.sessions.list(p.id).length }] }),
    files: (data) => [
      csvAttachment(
        'interlude-weeks.csv',
        ['participant', 'kept'],
        (data.weeks as { participant: string; kept: number }[]).map((w) => [w.participant, w.kept]),
      ),
    ],
  },
  forgetPart: (_deps, p) => {
    erased.push(p.id);
  },
};

let h: AppHarness;
afterEach(async () => {
  await h.close();
  erased.length = 0;
});

async function enrolled(): Promise<Participant> {
  h = new AppHarness({ features: [weekly] });
  h.now = local('2026-03-01T09:00');
  return h.enrolDirect(h.actor('wren'), ZONE, '20:00');
}

const sendWeekly = async (p: Participant, localDate: string, dueAt: number) => {
  h.now = dueAt;
  const planned = await planNudge(
    h.deps,
    { participantId: p.id, kind: 'weekly.reminder', localDate, dueAt },
    dueAt,
  );
  await h.queue.drain();
  return planned;
};

describe('a nudge kind registered by a feature', () => {
  it('is planned, sent with its own words and buttons, and its button reaches the feature', async () => {
    const p = await enrolled();
    expect(await sendWeekly(p, '2026-03-08', local('2026-03-08T18:00'))).toBe(true);
    const [sent] = h.messenger.to('wren');
    expect(sent?.key).toBe(`${p.id}:weekly.reminder:2026-03-08`);
    expect(sent?.message.blocks).toEqual([{ type: 'text', text: LINE }]);
    const open = sent?.message.buttons?.[0]?.id ?? '';
    expect(h.action(h.actor('wren'), open).blocks).toEqual([
      { type: 'text', text: 'Your week up to 2026-03-08.' },
    ]);
    expect(h.store.deliveries.byKey(sent?.key ?? '')?.status).toBe('sent');
    // Planning it again (a second tick, a second process) sends nothing more.
    expect(await sendWeekly(p, '2026-03-08', local('2026-03-08T18:00'))).toBe(false);
    expect(h.messenger.to('wren')).toHaveLength(1);
  });

  it('keeps to its quiet-hours rule, pauses and its own "no longer wanted"', async () => {
    const p = await enrolled();
    // 'hold-back': due inside the person's quiet hours (22:00-07:00), it is recorded as missed, never sent.
    await sendWeekly(p, '2026-03-08', local('2026-03-08T23:00'));
    expect(h.store.deliveries.byKey(`${p.id}:weekly.reminder:2026-03-08`)?.status).toBe('missed');
    // Its own rule: already answered that day, so cancelled.
    h.store.checkins.add(
      p.id,
      '2026-03-15',
      { mood: 6, sleep: 3, energy: 3, anxiety: 2, reflection: null, tags: [] },
      null,
      'web',
      h.now,
    );
    await sendWeekly(p, '2026-03-15', local('2026-03-15T18:00'));
    expect(h.store.deliveries.byKey(`${p.id}:weekly.reminder:2026-03-15`)?.status).toBe('cancelled');
    // Paused people get no nudge of any kind.
    await h.command(h.actor('wren'), 'pause');
    await sendWeekly(p, '2026-03-22', local('2026-03-22T18:00'));
    expect(h.store.deliveries.byKey(`${p.id}:weekly.reminder:2026-03-22`)?.status).toBe('cancelled');
    expect(h.messenger.to('wren')).toEqual([]);
    // Its rows are in the person's export with the check-in's.
    const data = JSON.parse((await h.command(h.actor('wren'), 'export')).files?.[0]?.data ?? '{}');
    expect(data.nudges.map((n: { kind: string; status: string }) => [n.kind, n.status])).toEqual([
      ['weekly.reminder', 'missed'],
      ['weekly.reminder', 'cancelled'],
      ['weekly.reminder', 'cancelled'],
    ]);
  });

  it('is the only way a kind gets in: an unregistered kind is refused, and a stray row is never sent', async () => {
    const p = await enrolled();
    await expect(
      planNudge(
        h.deps,
        { participantId: p.id, kind: 'nobody.owns', localDate: '2026-03-08', dueAt: h.now },
        h.now,
      ),
    ).rejects.toThrow(/no feature registers the nudge kind nobody.owns/);
    // A row left by a feature since removed: cancelled, with the reason in the row and the log.
    const stray = h.store.deliveries.insert(
      { participantId: p.id, kind: 'gone.kind', localDate: '2026-03-08', dueAt: h.now, status: 'pending' },
      h.now,
    );
    await h.outbox.enqueue({ deliveryId: stray?.id ?? -1, key: stray?.key ?? '' }, h.now);
    await h.queue.drain();
    expect(h.store.deliveries.get(stray?.id ?? -1)).toMatchObject({
      status: 'cancelled',
      lastError: 'no feature sends nudges of kind gone.kind',
    });
    expect(h.messenger.sent).toEqual([]);
  });
});

describe('the registry', () => {
  it('has the check-in register its three nudge kinds, and refuses a kind claimed twice or a bad id', () => {
    h = new AppHarness();
    const kinds = partsOf(FEATURES).nudgeKinds;
    expect([...kinds.keys()]).toEqual(['checkin', 'followup', 'snooze']);
    expect([...kinds.values()].map((k) => k.quietHours)).toEqual(['chosen-time', 'hold-back', 'hold-back']);
    expect(() =>
      partsOf([...FEATURES, { name: 'again', nudges: kinds.get('snooze') ? [kinds.get('snooze')!] : [] }]),
    ).toThrow(/the nudge kind snooze is registered twice \(again by again\)/);
    const bad = { ...weekly, nudges: [{ ...weekly.nudges![0]!, id: 'has:colon' }] };
    expect(() => partsOf([bad])).toThrow(/not a valid id/);
  });
});

describe("a feature's part of /export and /forget", () => {
  it('adds its section and CSV after the ones that shipped, and its own step to /forget', async () => {
    const p = await enrolled();
    const actor = h.actor('wren');
    const m = await h.command(actor, 'export');
    expect(m.files?.map((f) => f.filename)).toEqual([
      'interlude-export.json',
      'interlude-checkins.csv',
      'interlude-journal.csv',
      'interlude-intentions.csv',
      'interlude-actions.csv',
      'interlude-sessions.csv',
      'interlude-weeks.csv',
    ]);
    const json = JSON.parse(m.files?.[0]?.data ?? '{}');
    expect(Object.keys(json)).toEqual([
      'exportedFormat',
      'profile',
      'sessions',
      'checkins',
      'journal',
      'intentions',
      'actions',
      'weeks',
      'nudges',
    ]);
    expect(json.weeks).toEqual([{ participant: 'wren', kept: 0 }]);
    expect(m.files?.at(-1)?.data).toBe('"participant","kept"\r\n"wren","0"\r\n');

    await h.command(actor, 'forget');
    h.action(actor, 'forget.confirm');
    expect(erased).toEqual([p.id]);
    expect(h.store.participants.get(p.id)).toBeNull();
  });
});
