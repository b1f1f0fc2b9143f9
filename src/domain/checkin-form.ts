import { z } from 'zod';
import { freeText } from './text-input.js';

/** A blank answer is a missing answer: `coerce.number` would otherwise read '' as 0. */
export const blankToUndefined = (v: unknown): unknown =>
  typeof v === 'string' && v.trim() === '' ? undefined : v;

/**
 * The daily check-in, defined once. Every surface (console, web page, Discord modal, Slack view) renders these
 * fields and validates with `checkinSchema`, so an answer means the same thing wherever it was given.
 */

export const CHECKIN_TAGS = [
  'slept-well',
  'exercised',
  'time-outside',
  'connected',
  'meditated',
  'journaled',
  'ate-well',
  'creative',
  'hard-day',
] as const;
export type CheckinTag = (typeof CHECKIN_TAGS)[number];

export const TAG_LABELS: Record<CheckinTag, string> = {
  'slept-well': 'slept well',
  exercised: 'moved my body',
  'time-outside': 'time outside',
  connected: 'connected with someone',
  meditated: 'meditated',
  journaled: 'journaled',
  'ate-well': 'ate well',
  creative: 'made something',
  'hard-day': 'hard day',
};

/**
 * Only plain digits (white space around them allowed) are a number here: `Number()` would also read `1e1`, `0x5`
 * or `5.`, which nobody means as an answer on a 1-10 scale. Anything else is left as text, and refused.
 */
const PLAIN_INTEGER = /^\s*\d+\s*$/;
const plainInteger = (v: unknown): unknown =>
  typeof v === 'string' && PLAIN_INTEGER.test(v) ? Number(v.trim()) : v;

/** Browsers send a textarea's line ends as CRLF and some pastes carry a lone CR: every surface stores LF. */
export const normaliseLineEnds = (v: unknown): unknown =>
  typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v;

const scale = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => plainInteger(blankToUndefined(v)),
    z
      .number({ error: `${label} needs a whole number from ${min} to ${max}.` })
      .int({ error: `${label} needs a whole number from ${min} to ${max}.` })
      .min(min, { error: `${label} goes from ${min} to ${max} — please pick a number in that range.` })
      .max(max, { error: `${label} goes from ${min} to ${max} — please pick a number in that range.` }),
  );

/** Accepts `a, b`, `a b` or an array; labels or ids; the empty answer means no tags. */
const tagList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) =>
    (Array.isArray(v) ? v : v.split(/[,;]+/)).map((t) => t.trim().toLowerCase()).filter(Boolean),
  )
  .pipe(
    z.array(
      z
        .string()
        .transform((t) => (Object.entries(TAG_LABELS).find(([, label]) => label === t)?.[0] ?? t) as string)
        .pipe(
          z.enum(CHECKIN_TAGS, {
            error: (issue) =>
              `I don't have a tag “${String(issue.input)}”. Choose from: ${CHECKIN_TAGS.join(', ')}.`,
          }),
        ),
    ),
  )
  .transform((tags) => [...new Set(tags)]);

export interface ScaleField {
  key: 'mood' | 'sleep' | 'energy' | 'anxiety';
  kind: 'scale';
  label: string;
  question: string;
  min: number;
  max: number;
  lowHint: string;
  highHint: string;
  optional: false;
}
export interface TextField {
  key: 'reflection';
  kind: 'text';
  label: string;
  question: string;
  optional: true;
}
export interface TagsField {
  key: 'tags';
  kind: 'tags';
  label: string;
  question: string;
  optional: true;
}
export type CheckinField = ScaleField | TextField | TagsField;

/** The fields in the order they are asked. The reflection question is the phase's prompt, filled in per person. */
export const CHECKIN_FIELDS: readonly CheckinField[] = [
  {
    key: 'mood',
    kind: 'scale',
    label: 'Mood',
    question: 'How is your mood today, from 1 to 10?',
    min: 1,
    max: 10,
    lowHint: 'very low',
    highHint: 'very good',
    optional: false,
  },
  {
    key: 'sleep',
    kind: 'scale',
    label: 'Sleep',
    question: 'How did you sleep last night, from 1 to 5?',
    min: 1,
    max: 5,
    lowHint: 'poorly',
    highHint: 'very well',
    optional: false,
  },
  {
    key: 'energy',
    kind: 'scale',
    label: 'Energy',
    question: 'How is your energy, from 1 to 5?',
    min: 1,
    max: 5,
    lowHint: 'drained',
    highHint: 'full of energy',
    optional: false,
  },
  {
    key: 'anxiety',
    kind: 'scale',
    label: 'Anxiety',
    question: 'How anxious do you feel, from 1 to 5?',
    min: 1,
    max: 5,
    lowHint: 'calm',
    highHint: 'very anxious',
    optional: false,
  },
  { key: 'reflection', kind: 'text', label: 'Reflection', question: '', optional: true },
  {
    key: 'tags',
    kind: 'tags',
    label: 'Tags',
    question: `Anything from today to note? (optional: ${CHECKIN_TAGS.join(', ')})`,
    optional: true,
  },
];

export const fieldSchemas = {
  mood: scale('Mood', 1, 10),
  sleep: scale('Sleep', 1, 5),
  energy: scale('Energy', 1, 5),
  anxiety: scale('Anxiety', 1, 5),
  reflection: z
    .preprocess(normaliseLineEnds, freeText('reflection', { optional: true }))
    .transform((s) => (s.length === 0 ? null : s)),
  tags: tagList,
} as const;

export const checkinSchema = z.object({
  mood: fieldSchemas.mood,
  sleep: fieldSchemas.sleep,
  energy: fieldSchemas.energy,
  anxiety: fieldSchemas.anxiety,
  reflection: fieldSchemas.reflection.nullish().transform((v) => v ?? null),
  tags: fieldSchemas.tags.optional().transform((v) => v ?? []),
});

export type CheckinInput = z.input<typeof checkinSchema>;
export type ValidCheckin = z.output<typeof checkinSchema>;
