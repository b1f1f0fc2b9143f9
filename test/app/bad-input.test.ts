/**
 * Whatever a person types (or a platform hands back as a button id), they get a specific, kind message, and the
 * database is exactly as it was: no half-written check-in, no stray row. What is accepted comes back exactly as
 * written, through the store and through /export's JSON and CSV files.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/actor.js';
import type { Participant } from '../../src/domain/entities.js';
import { UserError } from '../../src/errors.js';
import { recordCheckin } from '../../src/features/check-in/checkin.js';
import type { OutMessage } from '../../src/views/message.js';
import { AppHarness, at } from '../helpers/app-harness.js';
import { said } from './message-words.js';
import { csvObjects } from './rfc4180.js';

const ZONE = 'Europe/London';
const OK = { mood: '6', sleep: '3', energy: '3', anxiety: '2' };

let h: AppHarness;
let riley: Actor;
let p: Participant;

beforeEach(async () => {
  h = new AppHarness();
  h.now = at(ZONE, '2026-03-02T09:00');
  riley = h.actor('riley');
  p = await h.enrol(riley, ZONE, '20:00');
  // One action, so "/action done 99" is about a number that is not there rather than an empty list.
  await h.command(riley, 'action', 'add', { text: 'Walk ten minutes after lunch' });
  p = h.me(riley);
});
afterEach(async () => {
  await h.close();
});

/**
 * Run something that must be refused: it throws a UserError whose message contains every `mentions` string, and
 * no table gains or loses a row, and the person's own row is untouched.
 */
async function refused(run: () => unknown, mentions: string[], code?: string): Promise<UserError> {
  const counts = h.rowCounts();
  const before = h.store.participants.get(p.id);
  let caught: unknown;
  try {
    await run();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected a UserError').toBeInstanceOf(UserError);
  const err = caught as UserError;
  for (const m of mentions) expect(err.message).toContain(m);
  if (code) expect(err.code).toBe(code);
  // Kind: written for a person, never zod's or JavaScript's own words.
  expect(err.message).toMatch(/^[A-Z0-9“/#]/);
  expect(err.message).not.toMatch(/invalid_type|ZodError|undefined|NaN|Expected|received/);
  expect(h.rowCounts()).toEqual(counts);
  expect(h.store.participants.get(p.id)).toEqual(before);
  return err;
}

const checkin = (raw: Record<string, unknown>, meta: { promptId?: string; localDate?: string } = {}) =>
  recordCheckin(h.deps, h.me(riley), raw, { source: 'web', ...meta }, h.now);

const fileText = (m: OutMessage, name: string): string => {
  const f = m.files?.find((x) => x.filename === name);
  if (!f) throw new Error(`no ${name} in the export`);
  return f.data;
};

describe('check-in answers', () => {
  it.each([
    ['11', ['Mood', '1 to 10']],
    ['0', ['Mood', '1 to 10']],
    ['-3', ['Mood', '1 to 10']],
    ['abc', ['Mood', '1 to 10']],
    ['', ['Mood', '1 to 10']],
    ['   ', ['Mood', '1 to 10']],
    ['6.5', ['Mood', 'whole number', '1 to 10']],
  ])('refuses mood %j', async (mood, mentions) => {
    await refused(() => checkin({ ...OK, mood }), mentions, 'invalid-checkin');
  });

  it('refuses a missing mood and a numeric 11 alike', async () => {
    const { mood: _omit, ...noMood } = OK;
    await refused(() => checkin(noMood), ['Mood', '1 to 10'], 'invalid-checkin');
    await refused(() => checkin({ ...OK, mood: 11 }), ['Mood', '1 to 10'], 'invalid-checkin');
  });

  it('refuses sleep 6 (sleep goes to 5)', async () => {
    await refused(() => checkin({ ...OK, sleep: '6' }), ['Sleep', '1 to 5'], 'invalid-checkin');
  });

  it('refuses an unknown tag, naming it', async () => {
    await refused(
      () => checkin({ ...OK, tags: 'exercised, flew-to-mars' }),
      ['flew-to-mars', 'moved my body'],
      'invalid-checkin',
    );
  });

  it('refuses an out-of-date prompt id', async () => {
    await refused(() => checkin(OK, { promptId: 'no-such.prompt' }), ['/checkin'], 'unknown-prompt');
  });

  it('refuses a 10,000-character reflection, saying the limit, and stores nothing', async () => {
    const err = await refused(
      () => checkin({ ...OK, reflection: 'x'.repeat(10_000) }),
      ['10,000', '4,000', 'Nothing was saved'],
      'invalid-checkin',
    );
    expect(err.message).toContain('reflection');
    expect(h.store.checkins.all(p.id)).toEqual([]);
  });

  it('refuses a reflection with a NUL byte, and stores nothing', async () => {
    await refused(
      () => checkin({ ...OK, reflection: 'before\u0000after' }),
      ['control character', 'nothing was saved'],
    );
  });

  it('accepts a reflection of exactly 4,000 characters (counted as people count them) and reads it back identical', () => {
    const text = 'ab€🌊'.repeat(1000); // 4,000 characters, 5,000 UTF-16 units
    expect([...text]).toHaveLength(4000);
    const { checkin: saved } = checkin({ ...OK, reflection: text });
    expect(saved.reflection).toBe(text);
    expect(h.store.checkins.all(p.id).map((c) => c.reflection)).toEqual([text]);
    // One more character is refused.
    expect(() => checkin({ ...OK, reflection: `${text}a` })).toThrow(/4,001 characters.*4,000/);
  });
});

describe('free text', () => {
  it.each([
    ['journal', 'write', 'journal entry'],
    ['intention', 'set', 'intention'],
    ['action', 'add', 'action'],
  ])('/%s %s refuses 10,000 characters, saying the limit', async (name, sub, what) => {
    await refused(() => h.command(riley, name, sub, { text: 'y'.repeat(10_000) }), [what, '10,000', '4,000']);
  });

  it.each([
    ['journal', 'write'],
    ['intention', 'set'],
    ['action', 'add'],
  ])('/%s %s refuses a NUL byte, and an empty text', async (name, sub) => {
    await refused(() => h.command(riley, name, sub, { text: 'one\u0000two' }), ['control character']);
    await refused(() => h.command(riley, name, sub, { text: '   ' }), ['empty']);
    await refused(() => h.command(riley, name, sub, {}), ['empty']);
  });

  it('/journal accepts exactly 4,000 characters and reads them back identical', async () => {
    const text = `${'🫶🏽'.repeat(500)}${'z'.repeat(3000)}`; // 🫶🏽 is two characters: 1,000 + 3,000
    expect([...text]).toHaveLength(4000);
    await h.command(riley, 'journal', 'write', { text });
    expect(h.store.journal.all(p.id).map((j) => j.text)).toEqual([text]);
    const read = await h.command(riley, 'journal', 'read');
    expect(read.blocks).toContainEqual({ type: 'quote', text });
  });
});

describe('text that tries to be something else is kept exactly as written', () => {
  const TRICKY: Record<string, string> = {
    zwj: 'Family 👨‍👩‍👧‍👦, nurse 👩🏽‍⚕️, flag 🏳️‍🌈, heart 🫶🏽',
    rtl: 'שלום, אני מרגיש טוב יותר · أشعر بتحسن اليوم · mixed עם English',
    combining: 'Ame\u0301lie vs Amélie; Z\u0351\u0308\u035fa\u0336l\u0334g\u0335o',
    sql: "'); DROP TABLE participants;--",
    script: '<script>alert(1)</script>',
    img: '"><img src=x onerror=alert(1)>',
    csv: 'She said "no, not today",\nthen left; =HYPERLINK("x")',
    // A browser's \r\n is stored as \n (one line end everywhere); everything else stays exactly as written.
    crlf: 'first line\r\nsecond line\rthird',
  };
  const texts = Object.values(TRICKY).map((t) => t.replace(/\r\n?/g, '\n'));

  it('through every free-text field, the store, and /export JSON and CSV', async () => {
    for (const t of Object.values(TRICKY)) {
      await h.command(riley, 'journal', 'write', { text: t });
      await h.command(riley, 'intention', 'set', { text: t });
      await h.command(riley, 'action', 'add', { text: t });
      checkin({ ...OK, reflection: t });
    }
    // The tables survived the SQL-looking text.
    expect(h.store.participants.count()).toBe(1);

    expect(h.store.journal.all(p.id).map((j) => j.text)).toEqual(texts);
    expect(h.store.intentions.all(p.id).map((i) => i.text)).toEqual(texts);
    expect(h.store.actions.all(p.id).map((a) => a.text)).toEqual(['Walk ten minutes after lunch', ...texts]);
    expect(h.store.checkins.all(p.id).map((c) => c.reflection)).toEqual(texts);

    const out = await h.command(riley, 'export');
    const json = JSON.parse(fileText(out, 'interlude-export.json')) as {
      journal: { text: string }[];
      intentions: { text: string }[];
      actions: { text: string }[];
      checkins: { reflection: string | null }[];
    };
    expect(json.journal.map((j) => j.text)).toEqual(texts);
    expect(json.intentions.map((i) => i.text)).toEqual(texts);
    expect(json.actions.map((a) => a.text).slice(1)).toEqual(texts);
    expect(json.checkins.map((c) => c.reflection)).toEqual(texts);

    expect(csvObjects(fileText(out, 'interlude-journal.csv')).rows.map((r) => r.text)).toEqual(texts);
    expect(csvObjects(fileText(out, 'interlude-intentions.csv')).rows.map((r) => r.text)).toEqual(texts);
    expect(
      csvObjects(fileText(out, 'interlude-actions.csv'))
        .rows.map((r) => r.text)
        .slice(1),
    ).toEqual(texts);
    expect(csvObjects(fileText(out, 'interlude-checkins.csv')).rows.map((r) => r.reflection)).toEqual(texts);
  });

  it('is shown back as literal text, never as markup', async () => {
    await h.command(riley, 'journal', 'write', { text: TRICKY.script ?? '' });
    const read = await h.command(riley, 'journal', 'read');
    expect(read.blocks).toContainEqual({ type: 'quote', text: '<script>alert(1)</script>' });
  });
});

describe('settings, dates and times', () => {
  it('refuses an unknown zone in /start, naming it, and enrols nobody', async () => {
    const newbie = h.actor('newbie');
    const err = await refused(
      () => h.command(newbie, 'start', undefined, { zone: 'Mars/Olympus', time: '08:00' }),
      ['Mars/Olympus', 'Europe/London'],
    );
    expect(err.message).toMatch(/^I don't know the time zone/);
    expect(h.store.participants.find(p.spaceId, 'newbie')).toBeNull();
  });

  it('refuses an unknown zone in /settings zone, naming it', async () => {
    await refused(
      () => h.command(riley, 'settings', 'zone', { zone: 'Mars/Olympus' }),
      ['Mars/Olympus'],
      'invalid-zone',
    );
    await refused(() => h.command(riley, 'settings', 'zone', { zone: 'UTC+3' }), ['UTC+3'], 'invalid-zone');
  });

  it.each(['25:00', '12:60', '8', 'noon'])(
    'refuses the time %j in /settings time and in /start',
    async (time) => {
      await refused(
        () => h.command(riley, 'settings', 'time', { time }),
        [`“${time}”`, '24-hour'],
        'invalid-time',
      );
      await refused(
        () => h.command(h.actor('newbie'), 'start', undefined, { zone: ZONE, time }),
        [`“${time}”`, '24-hour'],
      );
    },
  );

  it('keeps a check-in time chosen inside quiet hours (issue 11), and refuses quiet hours with equal ends', async () => {
    await h.command(riley, 'settings', 'quiet-hours', { hours: '22:00-07:00' });
    const later = await h.command(riley, 'settings', 'time', { time: '23:30' });
    expect(said(later)).toContain('your check-in still comes at 23:30');
    expect(h.me(riley).checkinTime).toBe('23:30');
    const around = await h.command(riley, 'settings', 'quiet-hours', { hours: '23:00-07:00' });
    expect(said(around)).toContain('Your check-in stays at 23:30');
    await refused(
      () => h.command(riley, 'settings', 'quiet-hours', { hours: '22:00-22:00' }),
      ['22:00-22:00'],
    );
  });

  it('refuses 2026-02-30 in /session log and /session next, and /pause', async () => {
    await refused(
      () => h.command(riley, 'session', 'log', { date: '2026-02-30' }),
      ['2026-02-30'],
      'invalid-date',
    );
    await refused(
      () => h.command(riley, 'session', 'next', { date: '2026-02-30' }),
      ['2026-02-30'],
      'invalid-date',
    );
    await refused(
      () => h.command(riley, 'pause', undefined, { until: '2026-02-30' }),
      ['2026-02-30'],
      'invalid-pause',
    );
  });

  it('refuses a session logged in the future and one planned in the past, pointing to the other command', async () => {
    await refused(
      () => h.command(riley, 'session', 'log', { date: '2026-03-10' }),
      ['/session next 2026-03-10'],
      'session-in-future',
    );
    await refused(
      () => h.command(riley, 'session', 'next', { date: '2026-02-10' }),
      ['/session log 2026-02-10'],
      'session-in-past',
    );
  });

  it('refuses /action done 99 for an action that does not exist', async () => {
    await refused(
      () => h.command(riley, 'action', 'done', { number: '99' }),
      ['#99', '/action list'],
      'no-such-action',
    );
    await refused(
      () => h.command(riley, 'action', 'done', { number: 'first' }),
      ['/action done 2'],
      'invalid-action-number',
    );
  });

  it('refuses /settings follow-up maybe and /skip yesterday', async () => {
    await refused(() => h.command(riley, 'settings', 'follow-up', { state: 'maybe' }), ['on or off']);
    await refused(() => h.command(riley, 'skip', undefined, { day: 'yesterday' }), ['today or tomorrow']);
  });
});

describe('commands that do not exist', () => {
  it('an unknown command points to /help', async () => {
    await refused(() => h.command(riley, 'frobnicate'), ['/frobnicate', '/help'], 'unknown-command');
  });

  it('an unknown subcommand lists the ones there are', async () => {
    await refused(
      () => h.command(riley, 'journal', 'burn'),
      ['“burn”', '/journal write', '/journal read'],
      'unknown-subcommand',
    );
  });
});

describe('button ids with forged parameters', () => {
  it('nudge.snooze?m=5 is refused: only 1 or 3 hours', async () => {
    await refused(() => h.action(riley, 'nudge.snooze?m=5'), ['1 hour or 3 hours'], 'invalid-snooze');
    await refused(() => h.action(riley, 'nudge.snooze?m=60.5'), ['1 hour or 3 hours'], 'invalid-snooze');
    await refused(() => h.action(riley, 'nudge.snooze'), ['1 hour or 3 hours'], 'invalid-snooze');
    await refused(() => h.action(riley, 'nudge.snooze?m=soon'), ['1 hour or 3 hours'], 'invalid-snooze');
  });

  it('nudge.snooze?m=60 with no nudge today is refused kindly', async () => {
    await refused(() => h.action(riley, 'nudge.snooze?m=60'), ['/checkin'], 'nothing-to-snooze');
  });

  it('checkin.open?date=not-a-date is refused, naming the value', async () => {
    await refused(() => h.action(riley, 'checkin.open?date=not-a-date'), ['not-a-date']);
  });

  it('checkin.open with a date far from today opens today’s check-in instead', () => {
    const m = h.action(riley, 'checkin.open?date=2099-01-01');
    expect(m.form?.localDate).toBe('2026-03-02');
    const old = h.action(riley, 'checkin.open?date=2026-01-01');
    expect(old.form?.localDate).toBe('2026-03-02');
  });

  it('a check-in submitted for a forged date is recorded for today', () => {
    const { checkin: c } = checkin(OK, { localDate: '2030-01-01' });
    expect(c.localDate).toBe('2026-03-02');
  });

  it('nudge.skip?date=2026-02-30 is refused', async () => {
    await refused(() => h.action(riley, 'nudge.skip?date=2026-02-30'), ['2026-02-30']);
  });

  it('enrol.agree with a forged zone or time enrols nobody', async () => {
    const newbie = h.actor('newbie');
    await refused(() => h.action(newbie, 'enrol.agree?zone=Mars%2FOlympus&time=08:00'), ['Mars/Olympus']);
    await refused(() => h.action(newbie, 'enrol.agree?zone=Europe%2FLondon&time=25:00'), ['25:00']);
    await refused(() => h.action(newbie, 'enrol.agree'), ['time zone']);
  });

  it('an unknown verb says the button has expired', async () => {
    await refused(() => h.action(riley, 'participants.drop?id=1'), ['/help'], 'unknown-action');
    await refused(() => h.action(riley, ''), ['/help'], 'unknown-action');
  });
});
