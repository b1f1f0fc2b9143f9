import { z } from 'zod';
import type {
  ChoiceField,
  DateField,
  FormDefinition,
  FormField,
  MultiChoiceField,
  ScaleField,
  TextField,
  TimeField,
} from './form.js';
import { localDateSchema, localTimeSchema } from './local-time.js';
import { charCount, freeText, MAX_TEXT_CHARS } from './text-input.js';
import { firstIssue } from './validation.js';

/**
 * The one schema a form's answers pass, derived from its definition, whichever surface they came from: the page
 * sends strings, the console one line at a time, Discord and Slack their modal values. Messages are kind and say
 * what would be accepted.
 */

/** A blank answer is a missing answer: `coerce.number` would otherwise read '' as 0. */
export const blankToUndefined = (v: unknown): unknown =>
  typeof v === 'string' && v.trim() === '' ? undefined : v;

/** Browsers send a textarea's line ends as CRLF and some pastes carry a lone CR: every surface stores LF. */
export const normaliseLineEnds = (v: unknown): unknown =>
  typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v;

/**
 * Only plain digits (white space around them allowed) are a number here: `Number()` would also read `1e1`, `0x5`
 * or `5.`, which nobody means as an answer on a scale. Anything else is left as text, and refused.
 */
const PLAIN_INTEGER = /^\s*\d+\s*$/;
const plainInteger = (v: unknown): unknown =>
  typeof v === 'string' && PLAIN_INTEGER.test(v) ? Number(v.trim()) : v;

export function scaleSchema(f: ScaleField): z.ZodType<number> {
  const kind = `${f.label} needs a whole number from ${f.min} to ${f.max}.`;
  const range = `${f.label} goes from ${f.min} to ${f.max} — please pick a number in that range.`;
  return z.preprocess(
    (v) => plainInteger(blankToUndefined(v)),
    z.number({ error: kind }).int({ error: kind }).min(f.min, { error: range }).max(f.max, { error: range }),
  );
}

/** Matches an option by its value or its label, in any case, so a typed "Moved my body" is the same answer. */
const matchOption = (f: ChoiceField | MultiChoiceField, typed: string): string | undefined => {
  const t = typed.trim().toLowerCase();
  return f.options.find((o) => o.value.toLowerCase() === t || o.label.toLowerCase() === t)?.value;
};

const choicesList = (f: ChoiceField | MultiChoiceField) => f.options.map((o) => o.label).join(', ');

export function choiceSchema(f: ChoiceField): z.ZodType<string> {
  return z.string({ error: `Please choose one answer for ${f.label}.` }).transform((v, ctx) => {
    const value = matchOption(f, v);
    if (value !== undefined) return value;
    ctx.issues.push({
      code: 'custom',
      input: v,
      message: `“${v.trim()}” isn't one of the answers for ${f.label}. Choose from: ${choicesList(f)}.`,
    });
    return z.NEVER;
  });
}

/** Accepts `a, b`, `a; b` or a list; labels or values; the empty answer means none. */
export function multiChoiceSchema(f: MultiChoiceField): z.ZodType<string[]> {
  return z
    .union([z.string(), z.array(z.string())], { error: `Please choose from: ${choicesList(f)}.` })
    .transform((v) => (Array.isArray(v) ? v : v.split(/[,;]+/)).map((t) => t.trim()).filter(Boolean))
    .transform((typed, ctx) => {
      const values: string[] = [];
      for (const t of typed) {
        const value = matchOption(f, t);
        if (value === undefined) {
          ctx.issues.push({
            code: 'custom',
            input: t,
            message: `I don't have a ${f.noun} “${t}”. Choose from: ${choicesList(f)}.`,
          });
          return z.NEVER;
        }
        if (!values.includes(value)) values.push(value);
      }
      return values;
    });
}

export function textSchema(f: TextField): z.ZodType<string> {
  const max = Math.min(f.maxChars ?? MAX_TEXT_CHARS, MAX_TEXT_CHARS);
  const base = z.preprocess(normaliseLineEnds, freeText(f.what, { optional: f.optional ?? false }));
  if (max === MAX_TEXT_CHARS) return base;
  return base.refine((s) => charCount(s) <= max, {
    error: (issue) =>
      `That ${f.what} is ${charCount(String(issue.input)).toLocaleString('en-US')} characters; it can hold up to ${max.toLocaleString('en-US')}. Nothing was saved.`,
  });
}

const dateSchema = (_f: DateField): z.ZodType<string> => localDateSchema;
const timeSchema = (_f: TimeField): z.ZodType<string> => localTimeSchema;

function requiredSchema(f: FormField): z.ZodType<unknown> {
  switch (f.kind) {
    case 'scale':
      return scaleSchema(f);
    case 'choice':
      return choiceSchema(f);
    case 'multi-choice':
      return multiChoiceSchema(f);
    case 'text':
      return textSchema(f);
    case 'date':
      return dateSchema(f);
    case 'time':
      return timeSchema(f);
  }
}

/**
 * One field's schema, blank handled: an optional field left blank is `null` (a list field: `[]`); a required
 * one is refused with its own message.
 */
export function fieldSchema(f: FormField): z.ZodType<unknown> {
  const inner = requiredSchema(f);
  if (!f.optional) return inner;
  if (f.kind === 'multi-choice') return inner.optional().transform((v) => v ?? []);
  if (f.kind === 'text') {
    return inner.nullish().transform((v) => (typeof v === 'string' && v.length > 0 ? v : null));
  }
  return z.preprocess(blankToUndefined, inner.nullish()).transform((v) => v ?? null);
}

/** The schema of a whole form's answers: one object, a key per field. */
export function schemaOf(form: FormDefinition): z.ZodType<Record<string, unknown>> {
  return z.object(Object.fromEntries(form.fields.map((f) => [f.key, fieldSchema(f)])));
}

/** Each field's first problem, by key (empty when every answer is fine): for surfaces that show errors in place. */
export function fieldProblems(
  form: FormDefinition,
  answers: Record<string, unknown>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of form.fields) {
    const r = fieldSchema(f).safeParse(answers[f.key]);
    if (!r.success) out[f.key] = firstIssue(r.error);
  }
  return out;
}
