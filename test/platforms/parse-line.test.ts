import { describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from '../../commands/registry.js';
import { registryOf } from '../../src/app/run-command.js';
import { parseCommandLine } from '../../src/platforms/parse-line.js';

const registry = registryOf(ALL_COMMANDS());
const parse = (line: string) => parseCommandLine(line, registry);

describe('console command lines', () => {
  it('fills options by position, the last taking the rest of the line exactly', () => {
    expect(parse('/start Europe/London 08:00')).toEqual({
      name: 'start',
      sub: undefined,
      options: { zone: 'Europe/London', time: '08:00' },
    });
    expect(parse('/journal   Two  spaces,  kept;  "quotes" 🌱')).toEqual({
      name: 'journal',
      sub: 'write',
      options: { text: 'Two  spaces,  kept;  "quotes" 🌱' },
    });
  });

  it('reads name:value and name=value options, including values with colons', () => {
    expect(parse('/start time:07:15 zone:Asia/Kathmandu').options).toEqual({
      time: '07:15',
      zone: 'Asia/Kathmandu',
    });
    expect(parse('/start zone=Pacific/Kiritimati').options).toEqual({ zone: 'Pacific/Kiritimati' });
  });

  it('picks subcommands, the default one, and the text one', () => {
    expect(parse('/settings')).toMatchObject({ name: 'settings', sub: 'show' });
    expect(parse('/settings quiet-hours 22:00-07:00')).toMatchObject({
      sub: 'quiet-hours',
      options: { hours: '22:00-07:00' },
    });
    expect(parse('/action done 2')).toMatchObject({ sub: 'done', options: { number: '2' } });
    expect(parse('/action Call my sister')).toMatchObject({
      sub: 'add',
      options: { text: 'Call my sister' },
    });
    expect(parse('/journal read')).toMatchObject({ sub: 'read', options: {} });
    // "read" followed by more words is an entry that starts with the word read.
    expect(parse('/journal read the letter again')).toMatchObject({
      sub: 'write',
      options: { text: 'read the letter again' },
    });
  });

  it('passes unknown names through for the app to refuse kindly', () => {
    expect(parse('/frobnicate now')).toEqual({ name: 'frobnicate', options: {} });
    expect(parse('/settings colour blue')).toMatchObject({ name: 'settings', sub: 'colour' });
  });
});
