/**
 * The typed line the console and Slack share (src/platforms/parse-line.ts): free text never loses its first word
 * to a subcommand or option that happens to look like it, and a text option takes the rest of the line verbatim.
 */
import { describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from '../../commands/registry.js';
import { defineCommand, leaf } from '../../src/app/command.js';
import { registryOf } from '../../src/app/run-command.js';
import { option } from '../../src/domain/option-kinds.js';
import { parseCommandLine } from '../../src/platforms/parse-line.js';
import { message, text } from '../../src/views/message.js';

const registry = registryOf(ALL_COMMANDS());
const parse = (line: string) => parseCommandLine(line, registry);

describe('free text keeps its first word', () => {
  it.each([
    ['/intention Set boundaries with work', 'set', 'Set boundaries with work'],
    ['/journal Write a letter to Dad', 'write', 'Write a letter to Dad'],
    ['/journal Text: the day went well', 'write', 'Text: the day went well'],
    ['/journal Read the letter again', 'write', 'Read the letter again'],
    ['/action Done with waiting: call the clinic', 'add', 'Done with waiting: call the clinic'],
    ['/journal write Text: kept too', 'write', 'Text: kept too'],
    ['/journal write hello', 'write', 'hello'],
    ['/journal write write the word twice', 'write', 'write the word twice'],
  ])('%s', (line, sub, words) => {
    expect(parse(line)).toEqual({ name: line.split(' ')[0]?.slice(1), sub, options: { text: words } });
  });

  it('the subcommand words still work written exactly', () => {
    expect(parse('/intention set Meet my worries')).toMatchObject({
      sub: 'set',
      options: { text: 'Meet my worries' },
    });
    expect(parse('/action done 2')).toMatchObject({ sub: 'done', options: { number: '2' } });
    expect(parse('/journal read')).toMatchObject({ sub: 'read', options: {} });
    expect(parse('/journal text:Slept well')).toMatchObject({
      sub: 'write',
      options: { text: 'Slept well' },
    });
    // A command without free text takes its subcommand in any case.
    expect(parse('/settings Time 08:30')).toMatchObject({ sub: 'time', options: { time: '08:30' } });
  });
});

describe('a text option takes the rest of the line', () => {
  const note = defineCommand({
    name: 'note',
    description: 'A test command with a date and then words',
    access: 'anyone',
    leaf: leaf({
      description: 'note',
      options: {
        on: option.date('When'),
        words: option.text('What', { noun: 'note' }),
        mood: option.integer('How', { min: 1, max: 10 }),
      },
      run: () => message(text('ok')),
    }),
  });
  const reg = registryOf([note]);

  it('once the text starts, nothing in it is read as an option', () => {
    expect(parseCommandLine('/note 2026-12-04 met Sam mood:8 on:2026-12-05', reg).options).toEqual({
      on: '2026-12-04',
      words: 'met Sam mood:8 on:2026-12-05',
    });
    expect(parseCommandLine('/note mood:8 words:Dear diary, on:Monday', reg).options).toEqual({
      mood: '8',
      words: 'Dear diary, on:Monday',
    });
  });

  it('an option name written in capitals is words, not an option', () => {
    expect(parseCommandLine('/note On:Monday I rested', reg).options).toEqual({
      on: 'On:Monday',
      words: 'I rested',
    });
  });
});
