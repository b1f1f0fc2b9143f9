import { describe, expect, it } from 'vitest';
import { checkinSchema } from '../../src/domain/checkin-form.js';
import type { FormDefinition } from '../../src/domain/form.js';
import { fieldProblems, schemaOf } from '../../src/domain/form-schema.js';
import { MAX_TEXT_CHARS } from '../../src/domain/text-input.js';

/** Every kind of field, to show the one schema derived from a definition. */
const everyKind: FormDefinition = {
  id: 'every-kind',
  title: 'Every kind',
  submitLabel: 'Save',
  fields: [
    {
      key: 'calm',
      kind: 'scale',
      label: 'Calm',
      question: 'How calm?',
      min: 0,
      max: 4,
      lowHint: 'not',
      highHint: 'very',
    },
    {
      key: 'where',
      kind: 'choice',
      label: 'Place',
      question: 'Where were you?',
      options: [
        { value: 'home', label: 'at home' },
        { value: 'out', label: 'outside' },
      ],
    },
    {
      key: 'with',
      kind: 'multi-choice',
      label: 'Company',
      question: 'Who with?',
      noun: 'person',
      options: [
        { value: 'friend', label: 'a friend' },
        { value: 'family', label: 'family' },
      ],
      optional: true,
    },
    {
      key: 'note',
      kind: 'text',
      label: 'Note',
      question: 'Anything else?',
      what: 'note',
      optional: true,
      multiline: true,
    },
    {
      key: 'short',
      kind: 'text',
      label: 'Word',
      question: 'One word?',
      what: 'word',
      maxChars: 10,
      optional: true,
    },
    { key: 'day', kind: 'date', label: 'Day', question: 'Which day?' },
    { key: 'at', kind: 'time', label: 'Time', question: 'What time?', optional: true },
  ],
};
const schema = schemaOf(everyKind);
const base = { calm: '2', where: 'home', day: '2026-03-14' };

describe('schemaOf: one schema from a form definition', () => {
  it('reads every kind, labels or values, and leaves optional blanks empty', () => {
    expect(schema.parse({ ...base, where: 'Outside', with: 'a friend; family, friend', at: '8:05' })).toEqual(
      {
        calm: 2,
        where: 'out',
        with: ['friend', 'family'],
        note: null,
        short: null,
        day: '2026-03-14',
        at: '08:05',
      },
    );
    expect(schema.parse({ ...base, with: ['family'], note: '', at: ' ' })).toMatchObject({
      with: ['family'],
      note: null,
      at: null,
    });
  });

  it('takes plain whole numbers only on a scale, with the kind messages used today', () => {
    expect(schema.parse({ ...base, calm: ' 3 ' }).calm).toBe(3);
    for (const typed of ['1e1', '0x2', '2.', '2.5', 'two'])
      expect(fieldProblems(everyKind, { ...base, calm: typed }).calm).toBe(
        'Calm needs a whole number from 0 to 4.',
      );
    expect(fieldProblems(everyKind, { ...base, calm: '7' }).calm).toBe(
      'Calm goes from 0 to 4 — please pick a number in that range.',
    );
    expect(fieldProblems(everyKind, { ...base, calm: '' }).calm).toBe(
      'Calm needs a whole number from 0 to 4.',
    );
  });

  it('stores text with \\n line ends, within the one 4,000-character limit or the field’s own', () => {
    expect(schema.parse({ ...base, note: 'one\r\ntwo\rthree' }).note).toBe('one\ntwo\nthree');
    expect(schema.parse({ ...base, note: '🌿'.repeat(MAX_TEXT_CHARS) }).note).toHaveLength(
      MAX_TEXT_CHARS * 2,
    );
    expect(fieldProblems(everyKind, { ...base, note: 'a'.repeat(MAX_TEXT_CHARS + 1) }).note).toContain(
      'I can keep up to 4,000 in one go',
    );
    expect(fieldProblems(everyKind, { ...base, short: 'a'.repeat(11) }).short).toContain('up to 10');
  });

  it('refuses what is not offered, kindly, naming what is', () => {
    expect(fieldProblems(everyKind, { ...base, where: 'moon' }).where).toBe(
      "“moon” isn't one of the answers for Place. Choose from: at home, outside.",
    );
    expect(fieldProblems(everyKind, { ...base, with: 'a dog' }).with).toBe(
      "I don't have a person “a dog”. Choose from: a friend, family.",
    );
    expect(fieldProblems(everyKind, { ...base, day: '2026-02-30' }).day).toContain("isn't a date I can use");
    expect(fieldProblems(everyKind, base)).toEqual({});
  });

  it('is the check-in’s schema too: ids and labels for tags, the same messages', () => {
    const ok = checkinSchema.parse({
      mood: '7',
      sleep: '4',
      energy: '3',
      anxiety: '2',
      tags: 'Moved my body, slept-well',
    });
    expect(ok).toEqual({
      mood: 7,
      sleep: 4,
      energy: 3,
      anxiety: 2,
      reflection: null,
      tags: ['exercised', 'slept-well'],
    });
    const bad = checkinSchema.safeParse({ mood: '7', sleep: '4', energy: '3', anxiety: '2', tags: 'napped' });
    expect(bad.error?.issues[0]?.message).toBe(
      "I don't have a tag “napped”. Choose from: slept well, moved my body, time outside, connected with someone, meditated, journaled, ate well, made something, hard day.",
    );
  });
});
