/** Every option kind, read from its declaration into a typed value, or refused with a kind message and a code. */
import { describe, expect, it } from 'vitest';
import { option } from '../../src/domain/option-kinds.js';
import { parseOption, parseOptions } from '../../src/domain/option-parse.js';
import { MAX_TEXT_CHARS } from '../../src/domain/text-input.js';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected a refusal');
};

describe('option kinds', () => {
  it('date and time: real dates and 24-hour times, with the messages of src/domain/local-time.ts', () => {
    expect(parseOption('date', option.date('d'), ' 2026-12-04 ')).toBe('2026-12-04');
    expect(refusal(() => parseOption('date', option.date('d'), '2026-02-30'))).toEqual(
      expect.objectContaining({ code: 'invalid-date', message: expect.stringContaining('“2026-02-30”') }),
    );
    expect(parseOption('time', option.time('t'), '8:05')).toBe('08:05');
    expect(refusal(() => parseOption('time', option.time('t'), '25:00')).message).toContain('24-hour');
  });

  it('time range: two times or off', () => {
    expect(parseOption('hours', option.timeRange('h'), '22:00-07:00')).toEqual({
      start: '22:00',
      end: '07:00',
    });
    expect(parseOption('hours', option.timeRange('h'), 'off')).toBeNull();
    expect(refusal(() => parseOption('hours', option.timeRange('h'), '22:00-22:00')).code).toBe(
      'invalid-time-range',
    );
  });

  it('duration: whole days, and a date only when the option says so', () => {
    const days = option.duration('d');
    const until = option.duration('d', { orDate: true, code: 'invalid-pause' });
    expect(parseOption('for', days, '7d')).toEqual({ days: 7 });
    expect(parseOption('for', days, '3 days')).toEqual({ days: 3 });
    expect(refusal(() => parseOption('for', days, '2026-12-01')).code).toBe('invalid-duration');
    expect(parseOption('until', until, '2026-12-01')).toEqual({ date: '2026-12-01' });
    expect(refusal(() => parseOption('until', until, 'soon'))).toMatchObject({
      code: 'invalid-pause',
      message:
        'I can pause until a date like 2026-12-01, or for a number of days like 7d — “soon” is neither.',
    });
  });

  it('zone: Area/City names, corrected for case; abbreviations refused with a suggestion', () => {
    expect(parseOption('zone', option.zone('z'), 'asia/kolkata')).toBe('Asia/Kolkata');
    const e = refusal(() => parseOption('zone', option.zone('z'), 'EST'));
    expect(e.code).toBe('invalid-zone');
    expect(e.message).toContain('daylight saving');
  });

  it('on/off: the words, and the true/false a Discord boolean arrives as', () => {
    const state = option.onOff('s');
    expect([parseOption('s', state, 'ON'), parseOption('s', state, 'true')]).toEqual([true, true]);
    expect([parseOption('s', state, 'off'), parseOption('s', state, 'false')]).toEqual([false, false]);
    expect(refusal(() => parseOption('s', state, 'maybe')).message).toContain('on or off');
  });

  it('choice: one of the declared words, any case; the declaration may word the refusal', () => {
    const day = option.choice('d', ['today', 'tomorrow'], { problem: () => 'I can skip today or tomorrow.' });
    expect(parseOption('day', day, 'Tomorrow')).toBe('tomorrow');
    expect(refusal(() => parseOption('day', day, 'yesterday')).message).toBe('I can skip today or tomorrow.');
    expect(refusal(() => parseOption('day', option.choice('d', ['a', 'b', 'c']), 'z')).message).toBe(
      "“z” isn't one I know — please choose a, b or c.",
    );
  });

  it('integer: whole numbers within the declared bounds; "#2" as /action list shows it', () => {
    const n = option.integer('n', { min: 1, max: 10 });
    expect(parseOption('n', n, '#2')).toBe(2);
    expect(refusal(() => parseOption('n', n, '2.5')).code).toBe('invalid-integer');
    expect(refusal(() => parseOption('n', n, '11')).message).toBe('Please give a whole number from 1 to 10.');
  });

  it('text: kept as written (ends trimmed), refused past its length with the 4,000-character wording', () => {
    const t = option.text('t', { noun: 'journal entry', maxLength: MAX_TEXT_CHARS, code: 'invalid-journal' });
    expect(parseOption('text', t, '  Two  spaces,\r\nkept  ')).toBe('Two  spaces,\nkept');
    const long = refusal(() => parseOption('text', t, 'y'.repeat(MAX_TEXT_CHARS + 1)));
    expect(long.code).toBe('invalid-journal');
    expect(long.message).toContain('4,001');
    expect(long.message).toContain('4,000');
    expect(
      refusal(() => parseOption('c', option.text('c', { noun: 'command name', maxLength: 5 }), 'abcdef'))
        .message,
    ).toBe('That command name is 6 characters; I can keep up to 5.');
  });

  it('role, user and channel: ids as Discord and Slack send them', () => {
    expect(parseOption('role', option.role('r'), '123456789012345678')).toBe('123456789012345678');
    expect(parseOption('role', option.role('r'), 'U0AAAAAAA U0BBBBBBB')).toBe('U0AAAAAAA,U0BBBBBBB');
    expect(parseOption('role', option.role('r'), 'none')).toBe('none');
    expect(refusal(() => parseOption('role', option.role('r'), '@everyone')).code).toBe('invalid-role');
    expect(parseOption('who', option.user('u'), 'U0AAAAAAA')).toBe('U0AAAAAAA');
    expect(refusal(() => parseOption('who', option.user('u'), 'bob')).code).toBe('invalid-user');
    expect(parseOption('where', option.channel('c'), 'C0AAAAAAA')).toBe('C0AAAAAAA');
    expect(refusal(() => parseOption('where', option.channel('c'), '#general')).code).toBe('invalid-channel');
  });

  it('a required option left out is named; an optional one is undefined; the first problem in order wins', () => {
    const specs = {
      date: option.date('The date, like 2026-12-04', { required: true }),
      note: option.text('A note', { noun: 'note' }),
    };
    expect(refusal(() => parseOptions(specs, { date: '  ' }))).toMatchObject({
      code: 'invalid-date',
      message: 'Please add date: The date, like 2026-12-04.',
    });
    expect(parseOptions(specs, { date: '2026-12-04' })).toEqual({ date: '2026-12-04', note: undefined });
    expect(refusal(() => parseOptions(specs, { date: 'x', note: '\u0000' })).code).toBe('invalid-date');
  });
});
