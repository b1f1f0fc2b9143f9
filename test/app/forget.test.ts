/**
 * /forget as a person uses it: ask, confirm with the button, and afterwards nothing in the database (any table,
 * any column, blobs included) points at them, while everyone else's data is untouched and still opens.
 */

import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/actor.js';
import { prepareDelivery } from '../../src/app/deliver.js';
import type { Participant } from '../../src/domain/entities.js';
import { UserError } from '../../src/errors.js';
import { recordCheckin } from '../../src/features/check-in/checkin.js';
import { collectPersonData } from '../../src/features/person-data.js';
import type { OutMessage } from '../../src/views/message.js';
import { NOT_EMERGENCY } from '../../src/views/texts.js';
import { AppHarness, at, TEST_SETTINGS } from '../helpers/app-harness.js';

const ZONE = 'Europe/London';
const local = (s: string) => at(ZONE, s);

// Ids that cannot be confused with anything else in the file.
const GONE_USER = 'U-FORGET-7c1e9a';
const KEPT_USER = 'U-KEEP-2b9d44';

const PER_PERSON_TABLES = [
  'action_plans',
  'checkins',
  'deliveries',
  'intentions',
  'journal_entries',
  'links',
  'participants',
  'prompt_history',
  'sessions',
  'web_sessions',
];

let h: AppHarness;
let goneActor: Actor;
let keptActor: Actor;
let gone: Participant;
let kept: Participant;

/** Give one person a row in every per-person table, the way they would: commands, buttons, nudges. */
async function fill(actor: Actor, word: string): Promise<void> {
  h.now = local('2026-03-02T07:30');
  await h.command(actor, 'session', 'log', { date: '2026-02-27' });
  await h.command(actor, 'session', 'next', { date: '2026-03-20' });
  await h.command(actor, 'journal', 'write', { text: `${word} journal: the river walk helped` });
  await h.command(actor, 'intention', 'set', { text: `${word} intention: meet worry with curiosity` });
  await h.command(actor, 'action', 'add', { text: `${word} action: call my sister` });
  await h.command(actor, 'action', 'add', { text: `${word} action: walk after lunch` });
  await h.command(actor, 'action', 'done', { number: '1' });
  await h.command(actor, 'settings', 'sharing', { state: 'on' });
}

/** The first private-page link in a reply, opened in a browser-like fetch: the session cookie it sets. */
async function open(m: OutMessage): Promise<string> {
  const link = m.blocks.find((b) => b.type === 'link');
  const res = await fetch(link?.type === 'link' ? link.url : '');
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/**
 * Rows in links, web_sessions and audit_log the real way: the person opens their reflection page from /summary,
 * and also acts as a facilitator (dashboard sign-in, then the other person's page, which is audit-logged).
 */
async function usePages(actor: Actor, viewsPersonId: number): Promise<void> {
  await open(await h.command(actor, 'summary'));
  const cookie = await open(await h.command({ ...actor, isFacilitator: true }, 'dashboard'));
  const res = await fetch(`${h.settings.publicUrl}/dashboard/member/${viewsPersonId}`, {
    headers: { cookie },
  });
  expect(res.status).toBe(200);
}

async function checkIn(actor: Actor, word: string): Promise<void> {
  const nudge = h.messenger.to(actor.userId)[0]?.message;
  const open = nudge?.buttons?.find((a) => a.id.startsWith('checkin.open'))?.id ?? '';
  const form = h.action(actor, open).form;
  recordCheckin(
    h.deps,
    h.me(actor),
    {
      mood: '4',
      sleep: '2',
      energy: '3',
      anxiety: '4',
      reflection: `${word} reflection`,
      tags: 'hard-day, connected',
    },
    { localDate: form?.localDate, promptId: form?.promptId, source: 'web' },
    h.now,
  );
}

const perPersonCount = (table: string, id: number): number => {
  const column = table === 'participants' ? 'id' : 'participant_id';
  return (
    h.store.db
      .prepare<[number], number>(`SELECT COUNT(*) FROM "${table}" WHERE ${column} = ?`)
      .pluck()
      .get(id) ?? 0
  );
};

/**
 * Every cell of every table in sqlite_master: the participant id in a participant-id column, or the user id or
 * display name anywhere (blobs read as UTF-8, Latin-1 and hex).
 */
function scan(participantId: number): { tables: string[]; hits: string[]; cells: number } {
  const tables = h.store.db
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all();
  const needles = [GONE_USER, 'Forgettable Person'];
  const hexNeedles = needles.map((n) => Buffer.from(n, 'utf8').toString('hex'));
  const hits: string[] = [];
  let cells = 0;
  for (const table of tables) {
    const rows = h.store.db.prepare<[], Record<string, unknown>>(`SELECT * FROM "${table}"`).all();
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        cells++;
        const where = `${table}.${column}`;
        const isParticipantId = column === 'participant_id' || (table === 'participants' && column === 'id');
        if (isParticipantId && Number(value) === participantId) hits.push(`${where} = ${String(value)}`);
        const asText = Buffer.isBuffer(value)
          ? [value.toString('utf8'), value.toString('latin1'), value.toString('hex')]
          : [String(value)];
        for (const s of asText) {
          for (const n of [...needles, ...hexNeedles]) if (s.includes(n)) hits.push(`${where} contains ${n}`);
        }
      }
    }
  }
  return { tables, hits, cells };
}

beforeEach(async () => {
  h = new AppHarness();
  await h.servePages();
  // A distinctive participant id, so "no value equals the id" cannot pass or fail by accident on a small number.
  h.store.db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('participants', 770000)").run();
  goneActor = h.actor(GONE_USER, { displayName: 'Forgettable Person' });
  keptActor = h.actor(KEPT_USER, { displayName: 'Kept Person' });
  h.now = local('2026-03-02T07:00');
  gone = await h.enrol(goneActor, ZONE, '08:00');
  kept = await h.enrol(keptActor, ZONE, '08:00');
  await fill(goneActor, 'gone');
  await fill(keptActor, 'kept');
  await h.tick(local('2026-03-02T08:00'));
  h.now = local('2026-03-02T08:10');
  await checkIn(goneActor, 'gone');
  await checkIn(keptActor, 'kept');
  gone = h.me(goneActor);
  kept = h.me(keptActor);
  await usePages(goneActor, kept.id);
  await usePages(keptActor, gone.id);
});
afterEach(async () => {
  await h.close();
});

describe('/forget', () => {
  it('the fixture gives both people rows in every per-person table', () => {
    expect(gone.id).toBe(770001);
    const withParticipantId = h.store
      .tableNames()
      .filter((t) =>
        h.store.db
          .prepare<[string], string>('SELECT name FROM pragma_table_info(?)')
          .pluck()
          .all(t)
          .includes('participant_id'),
      );
    expect([...withParticipantId, 'participants'].sort()).toEqual(PER_PERSON_TABLES);
    for (const p of [gone, kept]) {
      for (const table of PER_PERSON_TABLES) {
        expect({ table, who: p.userId, rows: perPersonCount(table, p.id) > 0 }).toEqual({
          table,
          who: p.userId,
          rows: true,
        });
      }
    }
    expect(gone.dmChannelId).toBe(`dm-${GONE_USER}`);
    // Each looked at the other's page as a facilitator: the views are audit-logged both ways.
    const viewsOf = (id: number) =>
      h.store.audit
        .forSubject(id)
        .filter((e) => e.action === 'view-member')
        .map((e) => e.actorUserId);
    expect([viewsOf(gone.id), viewsOf(kept.id)]).toEqual([[KEPT_USER], [GONE_USER]]);
    // The scan below finds the person while they are there, in every per-person table.
    const before = scan(gone.id).hits;
    for (const table of PER_PERSON_TABLES)
      expect(before.some((hit) => hit.startsWith(`${table}.`))).toBe(true);
    expect(before).toEqual(expect.arrayContaining([`participants.user_id contains ${GONE_USER}`]));
  });

  it('asks first: /forget and "Keep my data" erase nothing', async () => {
    const before = h.rowCounts();
    const goneData = collectPersonData(h.store, gone);
    const ask = await h.command(goneActor, 'forget');
    expect(ask.buttons?.map((a) => [a.id, a.style])).toEqual([
      ['forget.confirm', 'danger'],
      ['forget.cancel', 'secondary'],
    ]);
    expect(h.rowCounts()).toEqual(before);
    const kept = h.action(goneActor, 'forget.cancel');
    expect(kept.blocks).toEqual([{ type: 'text', text: 'Kept. Nothing was erased.' }]);
    expect(h.rowCounts()).toEqual(before);
    expect(collectPersonData(h.store, h.me(goneActor))).toEqual(goneData);
  });

  it('after confirming, no row in any table holds their participant id or their user id', async () => {
    const keptBefore = collectPersonData(h.store, kept);
    await h.command(goneActor, 'forget');
    const done = h.action(goneActor, 'forget.confirm');
    expect(done.blocks[0]).toEqual({
      type: 'text',
      text: 'Done. Everything Interlude held about you has been erased. If you ever want to come back, /start begins afresh.',
    });
    expect(done.blocks).toContainEqual({
      type: 'notice',
      text: '/crisis still works at any time, for anyone.',
    });

    const { tables, hits, cells } = scan(gone.id);
    expect(tables).toEqual(expect.arrayContaining([...PER_PERSON_TABLES, 'spaces', 'sqlite_sequence']));
    expect(hits).toEqual([]);
    expect(cells).toBeGreaterThan(50);

    // Through the repositories too: nothing left to find.
    expect(h.store.participants.get(gone.id)).toBeNull();
    expect(h.store.participants.find(gone.spaceId, GONE_USER)).toBeNull();
    for (const table of PER_PERSON_TABLES)
      expect({ table, rows: perPersonCount(table, gone.id) }).toEqual({ table, rows: 0 });

    // Views of them are gone with them; their view of someone else stays on record, with the actor erased.
    expect(h.store.audit.forSubject(gone.id)).toEqual([]);
    expect(
      h.store.audit
        .forSubject(kept.id)
        .filter((e) => e.action === 'view-member')
        .map((e) => e.actorUserId),
    ).toEqual(['(erased)']);

    // The other person: every row still there, and every sealed field still opens to the same words.
    expect(collectPersonData(h.store, h.me(keptActor))).toEqual(keptBefore);
    expect(keptBefore.journal.map((j) => j.text)).toEqual(['kept journal: the river walk helped']);
    expect(keptBefore.checkins.map((c) => [c.reflection, c.tags])).toEqual([
      ['kept reflection', ['hard-day', 'connected']],
    ]);
    const read = await h.command(keptActor, 'journal', 'read');
    expect(read.blocks).toContainEqual({ type: 'quote', text: 'kept journal: the river walk helped' });
    for (const table of PER_PERSON_TABLES) expect(perPersonCount(table, kept.id)).toBeGreaterThan(0);
  });

  it('leaves no trace of their user id or name in the bytes of the database file or its WAL', async () => {
    h.action(goneActor, 'forget.confirm');
    const read = (f: string) => (existsSync(f) ? readFileSync(f) : Buffer.alloc(0));
    const bytes = Buffer.concat([read(h.t.file), read(`${h.t.file}-wal`)]);
    for (const n of [GONE_USER, 'Forgettable Person'])
      expect({ n, found: bytes.includes(Buffer.from(n)) }).toEqual({ n, found: false });
    expect(bytes.includes(Buffer.from(KEPT_USER))).toBe(true);
  });

  it('/crisis still works for the erased person; everything else asks them to /start again', async () => {
    h.action(goneActor, 'forget.confirm');
    const crisis = await h.command(goneActor, 'crisis');
    expect(crisis.blocks).toContainEqual({ type: 'list', items: TEST_SETTINGS.crisisLines });
    expect(crisis.blocks).toContainEqual({ type: 'notice', text: NOT_EMERGENCY });

    await expect(h.command(goneActor, 'journal', 'read')).rejects.toMatchObject({ code: 'not-enrolled' });
    expect(() => h.action(goneActor, 'forget.confirm')).toThrow(UserError);
    expect(h.store.participants.count()).toBe(1);
  });

  it('no nudge reaches them afterwards, even one already planned', async () => {
    const [planned] = h.store.deliveries.forParticipant(gone.id);
    h.action(goneActor, 'forget.confirm');
    const sentBefore = h.messenger.attempts.length;
    expect(prepareDelivery(h.deps, planned?.id ?? -1, h.now)).toEqual({ kind: 'skipped' });
    await h.tickEveryMinute(local('2026-03-02T08:10'), local('2026-03-03T08:00'));
    expect(h.messenger.attempts.slice(sentBefore).map((m) => m.to.userId)).toEqual([KEPT_USER]);
  });

  it('coming back with /start begins afresh with a new id and no old data', async () => {
    h.action(goneActor, 'forget.confirm');
    const again = await h.enrol(goneActor, ZONE, '09:00');
    expect(again.id).toBeGreaterThan(kept.id);
    const data = collectPersonData(h.store, again);
    expect([data.checkins, data.journal, data.intentions, data.actions, data.sessions]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
  });
});

describe('a nudge already queued when the person erases their data', () => {
  it('is taken back from the queue and never sent', async () => {
    // The queue holds jobs without running them, as if the workers were busy with a long backlog.
    const q = new AppHarness({ startQueue: false });
    try {
      q.now = local('2026-03-02T07:00');
      const me = q.actor('U-QUEUED-51f0');
      await q.enrol(me, ZONE, '08:00');
      expect(await q.tick(local('2026-03-02T08:00'))).toEqual({ planned: 1, missed: 0 });
      expect(await q.queue.depth()).toBe(1);
      q.action(me, 'forget.confirm');
      await new Promise((r) => setImmediate(r));
      expect(await q.queue.depth()).toBe(0);
      q.startQueue();
      await q.queue.drain();
      expect(q.messenger.attempts).toEqual([]);
    } finally {
      await q.close();
    }
  });
});
