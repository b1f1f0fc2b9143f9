/**
 * A fortnight in the console, end to end and in process: two people, Europe/London and America/New_York, from
 * enrolment on Monday 23 November 2026 to an export on Sunday 6 December. The runtime is built as src/main.ts
 * builds it (see harness.ts) over a real SQLite file, and stopped for five hours on the last Saturday morning to
 * show what a nudge due while the process was down becomes. Every instant is fixed by the script.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Participant } from '../../../src/domain/entities.js';
import { daysBetween } from '../../../src/domain/local-time.js';
import { promptById } from '../../../src/domain/prompts/index.js';
import { collectPersonData } from '../../../src/features/person-data.js';
import type { SqliteStore } from '../../../src/store/open-store.js';
import {
  ACTION,
  ALEX,
  type Answer,
  alexNudges,
  INTENTION,
  JOURNAL,
  PART_1,
  PART_2,
  RTL_REFLECTION,
  YOU,
  YOU_DELIVERIES,
  YOU_NUDGES_1,
  YOU_NUDGES_2,
} from './fortnight-script.js';
import { type ConsoleRun, reopenStore, runConsole } from './harness.js';
import { botMessages, type Entry, nudgeKindOf, nudgesFor, parseTranscript, repliesTo } from './transcript.js';

const iso = (s: string) => new Date(s).toISOString();

let dir: string;
let run1: ConsoleRun;
let run2: ConsoleRun;
let t1: Entry[];
let t2: Entry[];
let all: Entry[];
let store: SqliteStore;
let you: Participant;
let alex: Participant;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'interlude-fortnight-'));
  run1 = await runConsole(dir, '2026-11-23T06:00:00Z', PART_1);
  run2 = await runConsole(dir, '2026-12-05T11:00:00Z', PART_2);
  t1 = parseTranscript(run1.output);
  t2 = parseTranscript(run2.output);
  all = [...t1, ...t2];
  store = reopenStore(dir);
  const space = store.spaces.ensure('console', 'local', 'Console', Date.parse('2026-12-07T00:00:00Z'));
  const find = (user: string): Participant => {
    const p = store.participants.find(space.id, user);
    if (!p) throw new Error(`${user} is not enrolled`);
    return p;
  };
  you = find('you');
  alex = find('alex');
});

afterAll(() => {
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a fortnight in the console', () => {
  it('runs without a single error, apology or misunderstood line', () => {
    expect(run1.warnings).toHaveLength(1);
    expect(run1.warnings[0]).toContain(`saved in ${join(dir, 'encryption.key')}`);
    expect(run2.warnings).toEqual([]);
    expect([...run1.log.problems(), ...run2.log.problems()]).toEqual([]);
    expect(run2.recovered).toBe(0);
    for (const out of [run1.output, run2.output]) {
      expect(out).not.toContain('Sorry — something went wrong');
      expect(out).not.toContain("I didn't catch that");
      expect(out).not.toContain('That button has expired');
    }
  });

  it('enrols both people with the times they chose, and notes the sessions', () => {
    const replies = repliesTo(t1, 'you');
    expect(replies[1]).toContain(
      'Your first check-in will arrive on Monday 23 November at 08:00 (Europe/London).',
    );
    expect(replies[2]).toContain('• Right now: a session day.');
    expect(replies[3]).toContain('• Next session: Monday 7 December 2026');
    expect(repliesTo(t1, 'alex')[1]).toContain(
      'Your first check-in will arrive on Monday 23 November at 12:30 (America/New_York).',
    );
    expect(store.sessions.list(you.id).map((s) => [s.date, s.status])).toEqual([
      ['2026-11-23', 'done'],
      ['2026-12-07', 'planned'],
    ]);
  });

  it('nudges at 08:00 London time once per active day: one follow-up on the unanswered day, none when skipped or paused', () => {
    expect(nudgesFor(t1, 'you')).toEqual(YOU_NUDGES_1);
    expect(nudgesFor(t2, 'you')).toEqual(YOU_NUDGES_2);

    const checkinDays = [...YOU_NUDGES_1, ...YOU_NUDGES_2]
      .filter((n) => n.startsWith('checkin'))
      .map((n) => n.replace(/^checkin @ /, ''));
    expect(new Set(checkinDays).size).toBe(checkinDays.length);
    expect(checkinDays.every((d) => d.endsWith(' 08:00'))).toBe(true);
    const listed = [...YOU_NUDGES_1, ...YOU_NUDGES_2].join('\n');
    for (const quiet of ['Fri 27 Nov', 'Mon 30 Nov', 'Tue 1 Dec']) expect(listed).not.toContain(quiet);
    expect(listed.match(/followup @ /g)).toHaveLength(1);
  });

  it('puts no health content in a nudge: one warm line and its buttons', () => {
    const nudges = botMessages(all).filter((m) => m.nudgeAt !== null);
    // you: 10 nudges; alex: 14 check-ins and 12 follow-ups (none on the day they answered, Sunday's not yet due).
    expect(nudges).toHaveLength(10 + 14 + 12);
    for (const m of nudges) {
      expect(m.lines).toHaveLength(3);
      // The console also prints the private page's link (a signed token, nothing else).
      expect(m.lines[1]).toMatch(
        /^ {2}Open your private check-in page: http:\/\/localhost:3000\/l\/[\w-]+\.[\w-]+$/,
      );
      expect(m.lines[2]).toBe(
        nudgeKindOf(m) === 'checkin'
          ? '  [1] Check in   [2] Skip today   [3] Snooze 1 hour   [4] Snooze 3 hours'
          : '  [1] Check in   [2] Skip today',
      );
    }
  });

  it('says what skip, pause and resume did', () => {
    const replies = repliesTo(t1, 'you').flat();
    expect(replies).toContain('Skipped today. Rest well — see you tomorrow.');
    expect(replies).toContain(
      'Paused. No nudges until Sunday 6 December 2026, when they start again by themselves. /resume brings them back sooner.',
    );
    expect(replies).toContain(
      'Welcome back. Your next check-in comes on Wednesday 2 December at 08:00 (Europe/London).',
    );
  });

  it('nudges alex on their own clock, whatever the other person skips or pauses', () => {
    expect(nudgesFor(t1, 'alex')).toEqual(alexNudges('2026-11-23', 12, true));
    expect(nudgesFor(t2, 'alex')).toEqual(alexNudges('2026-12-05', 2, false));
    const rows = store.deliveries.forParticipant(alex.id);
    expect(rows.every((d) => d.status === 'sent' && d.sentAt === d.dueAt)).toBe(true);
    expect(
      rows.filter((d) => d.kind === 'checkin').map((d) => new Date(d.dueAt).toISOString().slice(11, 16)),
    ).toEqual(Array(14).fill('17:30'));
    expect(rows.filter((d) => d.kind === 'followup').map((d) => d.localDate)).not.toContain(ALEX.date);
  });

  it('asks every question in order, asks a bad answer again, and saves nothing else', () => {
    const youQuestions = botMessages(all, 'you').flatMap((m) =>
      m.lines.flatMap((l) => {
        const q = /^ {2}\((\d)\/6\) /.exec(l);
        return q ? [Number(q[1])] : [];
      }),
    );
    const once = [1, 2, 3, 4, 5, 6];
    expect(youQuestions).toEqual([1, ...once, ...YOU.slice(1).flatMap(() => once)]);

    const bad = repliesTo(t1, 'you').find((r) => r[0]?.startsWith('Mood goes'));
    expect(bad).toEqual([
      'Mood goes from 1 to 10 — please pick a number in that range.',
      '(1/6) How is your mood today, from 1 to 10? (1 = very low, 10 = very good)',
    ]);
    expect(repliesTo(all, 'you').filter((r) => r[0] === '── Thank you — saved ──')).toHaveLength(YOU.length);
    expect(repliesTo(t1, 'alex').filter((r) => r[0] === '── Thank you — saved ──')).toHaveLength(1);
  });

  it('shows each day the phase note and the prompt it stored, and follows the treatment phase', () => {
    const opened = repliesTo(all, 'you').filter((r) => r[0] === '── Check-in ──');
    expect(opened).toHaveLength(YOU.length);
    const shownPrompts = botMessages(all, 'you').flatMap((m) =>
      m.lines.flatMap((l) => (l.startsWith('  (5/6) ') ? [l.slice('  (5/6) '.length)] : [])),
    );
    YOU.forEach((x, i) => {
      const lines = opened[i] ?? [];
      const link = x.note ? 2 : 1;
      if (x.note) expect(lines[1]?.startsWith(x.note), `${x.date}: ${lines[1]}`).toBe(true);
      expect(lines[link]).toMatch(
        /^Or answer on your private page: http:\/\/localhost:3000\/l\/[\w-]+\.[\w-]+$/,
      );
      expect(lines[link + 1]).toBe(
        '(every line you type now is an answer; type /cancel to stop — nothing is saved until the last answer)',
      );
      const id = store.prompts.forDate(you.id, x.date);
      const prompt = id ? promptById(id) : undefined;
      expect(prompt?.phase, x.date).toBe(x.phase);
      expect(shownPrompts[i]).toBe(prompt?.text);
    });
    // Right after the session: the first integration day gets a gentle body check.
    expect(promptById(store.prompts.forDate(you.id, '2026-11-24') ?? '')?.theme).toBe('body-check');
    // Only the days a check-in was opened have a prompt (the unanswered, skipped and paused days have none).
    const history = YOU.map((x) => [x.date, store.prompts.forDate(you.id, x.date)] as const);
    for (const date of ['2026-11-25', '2026-11-27', '2026-11-30', '2026-12-01']) {
      expect(store.prompts.forDate(you.id, date)).toBeNull();
    }
    for (const [d1, p1] of history) {
      for (const [d2, p2] of history) {
        const gap = daysBetween(d1, d2);
        if (gap > 0 && gap < 7) expect(p1, `${d1} and ${d2}`).not.toBe(p2);
      }
    }
  });

  it('stores every check-in exactly as answered, at the instant it was answered', () => {
    const expected = (x: Answer, who: Participant) => ({
      localDate: x.date,
      mood: x.mood,
      sleep: x.sleep,
      energy: x.energy,
      anxiety: x.anxiety,
      reflection: x.reflection,
      tags: x.tags,
      promptId: store.prompts.forDate(who.id, x.date),
      source: 'console',
      createdAt: Date.parse(x.at),
    });
    const shape = ({ id: _id, participantId: _p, ...rest }: { id: number; participantId: number }) => rest;
    expect(store.checkins.all(you.id).map(shape)).toEqual(YOU.map((x) => expected(x, you)));
    expect(store.checkins.all(alex.id).map(shape)).toEqual([expected(ALEX, alex)]);
    expect(store.checkins.all(you.id)[1]?.reflection).toBe(RTL_REFLECTION);
  });

  it('keeps one delivery row per nudge with the status it ended in', () => {
    const rows = store.deliveries
      .forParticipant(you.id)
      .map((d) => [
        d.kind,
        d.localDate,
        d.status,
        new Date(d.dueAt).toISOString(),
        d.sentAt === null ? null : new Date(d.sentAt).toISOString(),
      ]);
    expect(rows).toEqual(
      YOU_DELIVERIES.map(([k, date, s, due, sent]) => [
        k,
        date,
        s,
        iso(due),
        sent === null ? null : iso(sent),
      ]),
    );
    expect(store.deliveries.pending(100)).toEqual([]);
  });

  it('stores the journal entry, intention and action as written', () => {
    expect(store.journal.all(you.id).map((j) => [j.localDate, j.text, j.createdAt])).toEqual([
      ['2026-11-28', JOURNAL, Date.parse('2026-11-28T08:00:00Z')],
    ]);
    expect(store.intentions.all(you.id).map((i) => [i.localDate, i.text])).toEqual([
      ['2026-12-02', INTENTION],
    ]);
    expect(store.actions.all(you.id).map((x) => [x.seq, x.text, x.status, x.doneAt])).toEqual([
      [1, ACTION, 'done', Date.parse('2026-12-04T08:00:00Z')],
    ]);
    expect(store.journal.all(alex.id)).toEqual([]);
  });

  it('exports to a file on disk that holds the same values', () => {
    const saved = repliesTo(t2, 'you')
      .flat()
      .filter((l) => l.startsWith('saved: '))
      .map((l) => l.slice('saved: '.length));
    const exportDir = join(dir, 'exports', 'you', '20261206T200000');
    expect(saved).toContain(join(exportDir, 'interlude-export.json'));
    expect(readdirSync(exportDir).sort()).toEqual(
      [
        'interlude-actions.csv',
        'interlude-checkins.csv',
        'interlude-export.json',
        'interlude-intentions.csv',
        'interlude-journal.csv',
        'interlude-sessions.csv',
      ].sort(),
    );
    const file = join(exportDir, 'interlude-export.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const json = JSON.parse(readFileSync(file, 'utf8')) as ReturnType<typeof collectPersonData>;

    expect(json.profile).toMatchObject({
      userId: 'you',
      zone: 'Europe/London',
      checkinTime: '08:00',
      paused: false,
      pausedUntil: null,
    });
    expect(json.checkins).toEqual(
      YOU.map((x) => ({
        date: x.date,
        mood: x.mood,
        sleep: x.sleep,
        energy: x.energy,
        anxiety: x.anxiety,
        promptId: store.prompts.forDate(you.id, x.date),
        reflection: x.reflection,
        tags: x.tags,
        source: 'console',
        recordedAt: iso(x.at),
      })),
    );
    expect(json.journal).toEqual([
      { date: '2026-11-28', text: JOURNAL, recordedAt: '2026-11-28T08:00:00.000Z' },
    ]);
    expect(json.intentions).toEqual([
      { date: '2026-12-02', text: INTENTION, recordedAt: '2026-12-02T08:00:00.000Z' },
    ]);
    expect(json.actions).toEqual([
      {
        number: 1,
        text: ACTION,
        status: 'done',
        createdAt: '2026-12-02T08:00:00.000Z',
        doneAt: '2026-12-04T08:00:00.000Z',
      },
    ]);
    expect(json.nudges.map((n) => [n.kind, n.date, n.status])).toEqual(
      YOU_DELIVERIES.map(([k, d, s]) => [k, d, s]),
    );
    // And nothing in the file differs from what the store holds now.
    expect(json).toEqual(JSON.parse(JSON.stringify(collectPersonData(store, you))));

    const csv = readFileSync(join(exportDir, 'interlude-checkins.csv'), 'utf8');
    expect(csv).toContain(`"${RTL_REFLECTION}","slept-well","console","2026-11-24T08:00:00.000Z"\r\n`);
  });
});
