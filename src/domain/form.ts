/**
 * A form, defined once as data: its fields, their kinds, limits and help. Every surface renders a definition with
 * one generic renderer (the private page, the console, a Discord or Slack modal) and validates its answers with the
 * one schema derived from it (`schemaOf` in form-schema.ts), so a new questionnaire is a new definition, not new code.
 */

interface FieldBase {
  /** The answer's name: the web form's field name, the modal input's id, the key in the answers. */
  key: string;
  /** A short name (≤ 45 characters), for modal labels and error messages: "Sleep". */
  label: string;
  /** The question as a person reads it. */
  question: string;
  /** One more line under the question, when it needs one. */
  help?: string;
  /** An optional field may be left blank; a required one may not. */
  optional?: boolean;
}

/** A whole number from `min` to `max` (a scale of at most 25 steps, which every surface can show as choices). */
export interface ScaleField extends FieldBase {
  kind: 'scale';
  min: number;
  max: number;
  /** What the ends mean: "very low", "very good". */
  lowHint: string;
  highHint: string;
  /** Words for particular points, shown beside the number. */
  labels?: Readonly<Record<number, string>>;
}

export interface ChoiceOption {
  /** What is stored: short, stable, no commas. */
  value: string;
  /** What every surface shows. */
  label: string;
}

export interface ChoiceField extends FieldBase {
  kind: 'choice';
  options: readonly ChoiceOption[];
}

/** Any number of the options (tags); its answer is a list of values, without repeats. */
export interface MultiChoiceField extends FieldBase {
  kind: 'multi-choice';
  options: readonly ChoiceOption[];
  /** What one option is called in a refusal: "tag". */
  noun: string;
}

export interface TextField extends FieldBase {
  kind: 'text';
  /** At most MAX_TEXT_CHARS (src/domain/text-input.ts), the default; a smaller limit is the field's own. */
  maxChars?: number;
  /** More than one line (a reflection), rather than a short phrase. */
  multiline?: boolean;
  /** What it is called in a sentence: "reflection", "intention". */
  what: string;
}

/** A calendar date, YYYY-MM-DD. */
export interface DateField extends FieldBase {
  kind: 'date';
}

/** A wall-clock time, HH:MM. */
export interface TimeField extends FieldBase {
  kind: 'time';
}

export type FormField = ScaleField | ChoiceField | MultiChoiceField | TextField | DateField | TimeField;
export type FieldKind = FormField['kind'];

export interface FormDefinition {
  /** Stable: forms are registered and submitted by it. */
  id: string;
  /** The page title and modal title (≤ 45 characters). */
  title: string;
  /** A line shown above the questions. */
  intro?: string;
  /** What the save button says. */
  submitLabel: string;
  fields: readonly FormField[];
}

/** Answers as surfaces collect them, before validation: text, or a list for multi-choice. */
export type RawAnswers = Record<string, string | string[] | undefined>;

/** The numbers a scale offers, in order. */
export const scaleSteps = (f: ScaleField): number[] =>
  Array.from({ length: f.max - f.min + 1 }, (_, i) => f.min + i);

/** A scale point as shown beside its number: "1 · very low", "3", "5 · very good". */
export function scalePointLabel(f: ScaleField, n: number): string {
  const word = f.labels?.[n] ?? (n === f.min ? f.lowHint : n === f.max ? f.highHint : '');
  return word ? `${n} · ${word}` : String(n);
}

/** The label of an option's value, or the value itself when it is not one of them. */
export const optionLabel = (f: ChoiceField | MultiChoiceField, value: string): string =>
  f.options.find((o) => o.value === value)?.label ?? value;

/** The same form with one field's question replaced: the check-in's reflection asks the day's prompt. */
export function withQuestion(form: FormDefinition, key: string, question: string): FormDefinition {
  return { ...form, fields: form.fields.map((f) => (f.key === key ? { ...f, question } : f)) };
}

/** The same form without some fields: chat asks mood with buttons, then the rest in a modal. */
export function without(form: FormDefinition, keys: readonly string[]): FormDefinition {
  return { ...form, fields: form.fields.filter((f) => !keys.includes(f.key)) };
}
