/**
 * /export: one JSON file with everything, and CSV files that open in a spreadsheet. Both are read back here
 * (the CSVs with an RFC 4180 reader written for the test) and must give every value exactly as it was stored.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/actor.js';
import type { Participant } from '../../src/domain/entities.js';
import { recordCheckin } from '../../src/features/check-in/checkin.js';
import { collectPersonData, type PersonData } from '../../src/features/person-data.js';
import type { Attachment, OutMessage } from '../../src/views/message.js';
import { AppHarness, at } from '../helpers/app-harness.js';
import { csvObjects, parseCsv } from './rfc4180.js';

const ZONE = 'America/New_York';
const local = (s: string) => at(ZONE, s);
const iso = (ms: number) => new Date(ms).toISOString();

// Typed with a browser's \r\n: stored (and exported) with \n, everything else exactly as given.
const TYPED = 'Line one, with a comma\r\nline two "quoted" 👨‍👩‍👧‍👦\nשלום · أهلا\tand a tab';
const REFLECTION = TYPED.replace(/\r\n/g, '\n');
const JOURNAL = [
  '=SUM(A1:A2) is not a formula here; "double" quotes, commas, and\nnew lines',
  'Ame\u0301lie — combining marks stay as typed; <b>no markup</b>',
];
const INTENTIONS = ['Meet worry with curiosity', "Say 'no' when I mean it, then rest"];
const ACTIONS = ['Call my sister, Sunday "after dinner"', 'Walk 10 minutes\nafter lunch'];

const T = {
  enrol: local('2026-03-02T07:00'),
  sessions: local('2026-03-02T07:05'),
  journal0: local('2026-03-02T07:10'),
  journal1: local('2026-03-03T21:15'),
  intention0: local('2026-03-02T07:20'),
  intention1: local('2026-03-04T07:20'),
  action0: local('2026-03-02T07:30'),
  action1: local('2026-03-02T07:31'),
  done: local('2026-03-04T18:45'),
  nudge: local('2026-03-02T08:00'),
  checkin0: local('2026-03-02T08:20'),
  checkin1: local('2026-03-03T07:40'),
  nudge1: local('2026-03-03T08:00'),
};

let h: AppHarness;
let sam: Actor;
let p: Participant;

beforeEach(async () => {
  h = new AppHarness();
  sam = h.actor('sam', { displayName: 'Sam "the, walker"' });
  h.now = T.enrol;
  p = await h.enrol(sam, ZONE, '08:00');
  await h.command(sam, 'settings', 'quiet-hours', { hours: '22:00-07:00' });
  await h.command(sam, 'settings', 'follow-up', { state: 'off' });

  const step = async (at: number, fn: () => unknown) => {
    h.now = at;
    await fn();
  };
  await step(T.sessions, () => h.command(sam, 'session', 'log', { date: '2026-02-27' }));
  await step(T.sessions, () => h.command(sam, 'session', 'next', { date: '2026-03-20' }));
  await step(T.journal0, () => h.command(sam, 'journal', 'write', { text: JOURNAL[0] }));
  await step(T.intention0, () => h.command(sam, 'intention', 'set', { text: INTENTIONS[0] }));
  await step(T.action0, () => h.command(sam, 'action', 'add', { text: ACTIONS[0] }));
  await step(T.action1, () => h.command(sam, 'action', 'add', { text: ACTIONS[1] }));
  await h.tick(T.nudge);
  await step(T.checkin0, () =>
    recordCheckin(
      h.deps,
      h.me(sam),
      {
        mood: '7',
        sleep: '4',
        energy: '2',
        anxiety: '3',
        reflection: TYPED,
        tags: 'slept well, time-outside',
      },
      { localDate: '2026-03-02', source: 'web' },
      h.now,
    ),
  );
  // The next morning's nudge is cancelled because Sam checks in first, from the console, without a reflection.
  await step(T.checkin1, () =>
    recordCheckin(
      h.deps,
      h.me(sam),
      { mood: 10, sleep: 1, energy: 5, anxiety: 1 },
      { source: 'console' },
      h.now,
    ),
  );
  await h.tick(T.nudge1);
  await step(T.journal1, () => h.command(sam, 'journal', 'write', { text: JOURNAL[1] }));
  await step(T.intention1, () => h.command(sam, 'intention', 'set', { text: INTENTIONS[1] }));
  await step(T.done, () => h.command(sam, 'action', 'done', { number: '#1' }));
  p = h.me(sam);
});
afterEach(async () => {
  await h.close();
});

const file = (m: OutMessage, name: string): Attachment => {
  const f = m.files?.find((x) => x.filename === name);
  if (!f) throw new Error(`no ${name}`);
  return f;
};

describe('/export', () => {
  it('returns interlude-export.json and one CSV per kind of record, marked sensitive', async () => {
    const m = await h.command(sam, 'export');
    expect(m.sensitive).toBe(true);
    expect(m.files?.map((f) => [f.filename, f.contentType])).toEqual([
      ['interlude-export.json', 'application/json'],
      ['interlude-checkins.csv', 'text/csv; charset=utf-8'],
      ['interlude-journal.csv', 'text/csv; charset=utf-8'],
      ['interlude-intentions.csv', 'text/csv; charset=utf-8'],
      ['interlude-actions.csv', 'text/csv; charset=utf-8'],
      ['interlude-sessions.csv', 'text/csv; charset=utf-8'],
    ]);
  });

  it('the JSON holds every value exactly as it was given', async () => {
    const m = await h.command(sam, 'export');
    const json: unknown = JSON.parse(file(m, 'interlude-export.json').data);
    expect(json).toEqual(collectPersonData(h.store, p));
    const data = json as PersonData;

    expect(data.exportedFormat).toBe('interlude-export-v1');
    expect(data.profile).toEqual({
      platform: 'discord',
      space: { externalId: 'guild-riverside', name: 'Riverside Clinic' },
      userId: 'sam',
      displayName: 'Sam "the, walker"',
      zone: 'America/New_York',
      checkinTime: '08:00',
      quietHours: { start: '22:00', end: '07:00' },
      paused: false,
      pausedUntil: null,
      followUp: false,
      shareWithFacilitator: false,
      consentVersion: p.consentVersion,
      consentAt: iso(T.enrol),
      enrolledAt: iso(T.enrol),
    });
    expect(data.sessions).toEqual([
      { date: '2026-02-27', status: 'done', recordedAt: iso(T.sessions) },
      { date: '2026-03-20', status: 'planned', recordedAt: iso(T.sessions) },
    ]);
    expect(data.checkins).toEqual([
      {
        date: '2026-03-02',
        mood: 7,
        sleep: 4,
        energy: 2,
        anxiety: 3,
        promptId: null,
        reflection: REFLECTION,
        tags: ['slept-well', 'time-outside'],
        source: 'web',
        recordedAt: iso(T.checkin0),
      },
      {
        date: '2026-03-03',
        mood: 10,
        sleep: 1,
        energy: 5,
        anxiety: 1,
        promptId: null,
        reflection: null,
        tags: [],
        source: 'console',
        recordedAt: iso(T.checkin1),
      },
    ]);
    expect(data.journal).toEqual([
      { date: '2026-03-02', text: JOURNAL[0], recordedAt: iso(T.journal0) },
      { date: '2026-03-03', text: JOURNAL[1], recordedAt: iso(T.journal1) },
    ]);
    expect(data.intentions).toEqual([
      { date: '2026-03-02', text: INTENTIONS[0], recordedAt: iso(T.intention0) },
      { date: '2026-03-04', text: INTENTIONS[1], recordedAt: iso(T.intention1) },
    ]);
    expect(data.actions).toEqual([
      { number: 1, text: ACTIONS[0], status: 'done', createdAt: iso(T.action0), doneAt: iso(T.done) },
      { number: 2, text: ACTIONS[1], status: 'open', createdAt: iso(T.action1), doneAt: null },
    ]);
    expect(data.nudges).toEqual([
      { kind: 'checkin', date: '2026-03-02', dueAt: iso(T.nudge), status: 'sent', sentAt: iso(T.nudge) },
      { kind: 'checkin', date: '2026-03-03', dueAt: iso(T.nudge1), status: 'cancelled', sentAt: null },
    ]);
  });

  it('every CSV parses back (RFC 4180) to the same values as the JSON', async () => {
    const m = await h.command(sam, 'export');
    const data = JSON.parse(file(m, 'interlude-export.json').data) as PersonData;
    const csv = (name: string) => {
      const text = file(m, name).data;
      expect(text.endsWith('\r\n')).toBe(true);
      return csvObjects(text);
    };
    const cell = (v: string | number | null) => (v === null ? '' : String(v));

    const checkins = csv('interlude-checkins.csv');
    expect(checkins.header).toEqual([
      'date',
      'mood',
      'sleep',
      'energy',
      'anxiety',
      'prompt_id',
      'reflection',
      'tags',
      'source',
      'recorded_at',
    ]);
    expect(checkins.rows).toEqual(
      data.checkins.map((c) => ({
        date: c.date,
        mood: cell(c.mood),
        sleep: cell(c.sleep),
        energy: cell(c.energy),
        anxiety: cell(c.anxiety),
        prompt_id: cell(c.promptId),
        reflection: cell(c.reflection),
        tags: c.tags.join(';'),
        source: c.source,
        recorded_at: cell(c.recordedAt),
      })),
    );
    expect(checkins.rows[0]?.reflection).toBe(REFLECTION);
    expect(checkins.rows[0]?.tags?.split(';')).toEqual(['slept-well', 'time-outside']);
    expect(checkins.rows.map((r) => Number(r.mood))).toEqual([7, 10]);

    const journal = csv('interlude-journal.csv');
    expect(journal.header).toEqual(['date', 'text', 'recorded_at']);
    expect(journal.rows).toEqual(
      data.journal.map((j) => ({ date: j.date, text: j.text, recorded_at: j.recordedAt })),
    );
    expect(journal.rows.map((r) => r.text)).toEqual(JOURNAL);

    const intentions = csv('interlude-intentions.csv');
    expect(intentions.header).toEqual(['date', 'text', 'recorded_at']);
    expect(intentions.rows).toEqual(
      data.intentions.map((i) => ({ date: i.date, text: i.text, recorded_at: i.recordedAt })),
    );

    const actions = csv('interlude-actions.csv');
    expect(actions.header).toEqual(['number', 'text', 'status', 'created_at', 'done_at']);
    expect(actions.rows).toEqual(
      data.actions.map((a) => ({
        number: cell(a.number),
        text: a.text,
        status: a.status,
        created_at: cell(a.createdAt),
        done_at: cell(a.doneAt),
      })),
    );
    expect(actions.rows.map((r) => r.text)).toEqual(ACTIONS);

    const sessions = csv('interlude-sessions.csv');
    expect(sessions.header).toEqual(['date', 'status', 'recorded_at']);
    expect(sessions.rows).toEqual(
      data.sessions.map((s) => ({ date: s.date, status: s.status, recorded_at: s.recordedAt })),
    );
  });

  it('an empty history still exports well-formed files with headers only', async () => {
    const newcomer = h.actor('newcomer');
    await h.enrol(newcomer, ZONE, '20:00');
    const m = await h.command(newcomer, 'export');
    const data = JSON.parse(file(m, 'interlude-export.json').data) as PersonData;
    expect([data.checkins, data.journal, data.intentions, data.actions, data.sessions]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
    for (const f of m.files ?? []) {
      if (f.filename.endsWith('.csv')) expect(parseCsv(f.data)).toHaveLength(1);
    }
    // Nobody else's words leak into it.
    for (const f of m.files ?? []) expect(f.data).not.toContain('sister');
  });
});

describe('the RFC 4180 reader used above', () => {
  it('reads quoted fields with doubled quotes, commas and line breaks, and refuses malformed input', () => {
    expect(parseCsv('a,"b ""c"", d"\r\n"x\r\ny",\r\n')).toEqual([
      ['a', 'b "c", d'],
      ['x\r\ny', ''],
    ]);
    expect(parseCsv('"",""\r\n')).toEqual([['', '']]);
    expect(() => parseCsv('"open')).toThrow(/never closed/);
    expect(() => parseCsv('"a"b')).toThrow(/after a closing quote/);
    expect(() => parseCsv('a"b')).toThrow(/quote inside/);
  });
});
