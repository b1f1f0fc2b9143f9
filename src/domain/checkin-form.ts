import type { z } from 'zod';
import {
  type FormDefinition,
  type MultiChoiceField,
  type ScaleField,
  type TextField,
  withQuestion,
} from './form.js';
import { multiChoiceSchema, scaleSchema, schemaOf, textSchema } from './form-schema.js';

export { blankToUndefined, normaliseLineEnds } from './form-schema.js';

/**
 * The daily check-in, defined once as a form (see form.ts). Every surface (console, web page, Discord modal, Slack
 * view) renders this definition with its generic form renderer and validates with `checkinSchema`, so an answer
 * means the same thing wherever it was given, and every surface shows the same tag labels.
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

const scale = (
  key: 'mood' | 'sleep' | 'energy' | 'anxiety',
  label: string,
  question: string,
  max: number,
  lowHint: string,
  highHint: string,
): ScaleField & { key: typeof key } => ({
  key,
  kind: 'scale',
  label,
  question,
  min: 1,
  max,
  lowHint,
  highHint,
});

const reflection: TextField & { key: 'reflection' } = {
  key: 'reflection',
  kind: 'text',
  label: 'Reflection',
  // The phase's prompt, filled in per person (`checkinFormFor`).
  question: 'Your reflection',
  what: 'reflection',
  multiline: true,
  optional: true,
};

const tags: MultiChoiceField & { key: 'tags' } = {
  key: 'tags',
  kind: 'multi-choice',
  label: 'Tags',
  question: 'Anything from today to note?',
  noun: 'tag',
  options: CHECKIN_TAGS.map((value) => ({ value, label: TAG_LABELS[value] })),
  optional: true,
};

const fields = [
  scale('mood', 'Mood', 'How is your mood today, from 1 to 10?', 10, 'very low', 'very good'),
  scale('sleep', 'Sleep', 'How did you sleep last night, from 1 to 5?', 5, 'poorly', 'very well'),
  scale('energy', 'Energy', 'How is your energy, from 1 to 5?', 5, 'drained', 'full of energy'),
  scale('anxiety', 'Anxiety', 'How anxious do you feel, from 1 to 5?', 5, 'calm', 'very anxious'),
  reflection,
  tags,
] as const;

export const checkinFormDefinition: FormDefinition = {
  id: 'checkin',
  title: 'Check-in',
  submitLabel: 'Save my check-in',
  fields,
};

/** The check-in as a person sees it on a day: the reflection asks that day's prompt. */
export const checkinFormFor = (promptText: string): FormDefinition =>
  withQuestion(checkinFormDefinition, 'reflection', promptText);

export type CheckinField = (typeof fields)[number];
/** The fields in the order they are asked. */
export const CHECKIN_FIELDS: readonly CheckinField[] = fields;

const [mood, sleep, energy, anxiety] = fields;

/** The mood question on its own: chat asks it with a scale of buttons before the rest. */
export const moodField: ScaleField = mood;

/** One field at a time (the console asks one question at a time; a mood button carries one answer). */
export const fieldSchemas = {
  mood: scaleSchema(mood),
  sleep: scaleSchema(sleep),
  energy: scaleSchema(energy),
  anxiety: scaleSchema(anxiety),
  reflection: textSchema(reflection),
  tags: multiChoiceSchema(tags),
} as const;

export interface ValidCheckin {
  mood: number;
  sleep: number;
  energy: number;
  anxiety: number;
  reflection: string | null;
  tags: CheckinTag[];
}
export type CheckinInput = Record<string, unknown>;

export const checkinSchema = schemaOf(checkinFormDefinition) as unknown as z.ZodType<
  ValidCheckin,
  CheckinInput
>;
