/**
 * Commands on the console, end to end (src/main.ts's wiring, a real SQLite file): /help shows only what the
 * person may run, typed free text keeps every word, and inside a check-in every line is an answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Participant } from '../../src/domain/entities.js';
import { reopenStore, runConsole } from '../platforms/console/harness.js';

const dir = mkdtempSync(join(tmpdir(), 'interlude-console-commands-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const START = '2026-11-23T06:00:00Z';
const ENROL = ['/start Europe/London 08:00', '1'];

function personIn(data: string, user = 'you') {
  const store = reopenStore(data);
  const space = store.spaces.ensure('console', 'local', 'Console', Date.parse(START));
  const p = store.participants.find(space.id, user) as Participant;
  return { store, p };
}

describe('/help on the console', () => {
  it('lists what the person may run: no /setup (the console has no roles), /dashboard only as a facilitator', async () => {
    const run = await runConsole(join(dir, 'help'), START, ['/help', ':facilitator on', '/help']);
    const [before, after] = run.output.split('you › :facilitator on');
    expect(before).toContain('/journal — ');
    expect(before).not.toContain('/setup — ');
    expect(before).not.toContain('/dashboard — ');
    expect(after).toContain('/dashboard — ');
    expect(after).not.toContain('/setup — ');
  });
});

describe('typed free text on the console', () => {
  it('keeps a first word that looks like a subcommand or an option name', async () => {
    const data = join(dir, 'words');
    await runConsole(data, START, [
      ...ENROL,
      '/intention Set boundaries with work',
      '/journal Write a letter to Dad',
      '/journal Text: what I could not say',
      '/journal write hello',
    ]);
    const { store, p } = personIn(data);
    expect(store.intentions.all(p.id).map((i) => i.text)).toEqual(['Set boundaries with work']);
    expect(store.journal.all(p.id).map((j) => j.text)).toEqual([
      'Write a letter to Dad',
      'Text: what I could not say',
      'hello',
    ]);
    store.close();
  });
});

describe('inside a check-in on the console, every line is an answer', () => {
  it('a reflection of ":advance 1w" does not move the clock, and "/forget" does not open the erase prompt', async () => {
    const data = join(dir, 'form');
    const run = await runConsole(data, START, [
      ...ENROL,
      '/checkin',
      '6',
      '3',
      '4',
      '2',
      ':advance 1w',
      'meditated',
      ':as sam',
      ...ENROL,
      '/checkin',
      '7',
      '4',
      '4',
      '1',
      '/forget',
      'meditated',
      ':now',
    ]);
    expect(run.output).not.toContain('Erase everything?');
    // The clock is still on the first day: a week's :advance would have planned and sent nudges.
    expect(run.output).toMatch(/Mon(day)? 23 Nov/);
    expect(run.output).not.toMatch(/Mon(day)? 30 Nov/);
    const you = personIn(data, 'you');
    expect(you.store.checkins.all(you.p.id).map((c) => c.reflection)).toEqual([':advance 1w']);
    const sam = personIn(data, 'sam');
    expect(sam.store.checkins.all(sam.p.id).map((c) => c.reflection)).toEqual(['/forget']);
    you.store.close();
    sam.store.close();
  });

  it('/cancel still puts the check-in aside, and the question says so', async () => {
    const run = await runConsole(join(dir, 'cancel'), START, [
      ...ENROL,
      '/checkin',
      '6',
      '/cancel',
      '/summary',
    ]);
    expect(run.output).toContain('every line you type now is an answer; type /cancel to stop');
    expect(run.output).toContain('Check-in put aside. Nothing was saved.');
    expect(run.output).toContain('you › /summary\nInterlude ▸ you');
  });

  it('words that ask for help still get the crisis lines first', async () => {
    const run = await runConsole(join(dir, 'help-words'), START, [...ENROL, '/checkin', 'help']);
    expect(run.output).toContain('If you need help right now');
  });
});
