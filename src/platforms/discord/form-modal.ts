import type { FormDefinition, FormField, RawAnswers } from '../../domain/form.js';
import { scalePointLabel, scaleSteps } from '../../domain/form.js';
import { MAX_TEXT_CHARS } from '../../domain/text-input.js';

/**
 * Any form as Discord modals, from its definition alone: each field in a Label component (type 18) wrapping a
 * string select (scales, choices) or a text input (text, dates, times). Discord takes 5 top-level components a
 * modal, so a longer form is split into steps; each step carries what was typed (`values`) when it is shown again.
 */

/** Discord's modal limits (Discord's official OpenAPI spec, shared/specs beside the repo). */
export const MODAL_COMPONENT_LIMIT = 5;
const TITLE_LIMIT = 45;
const LABEL_LIMIT = 45;
const DESCRIPTION_LIMIT = 100;
const OPTION_LIMIT = 100;

export const clip = (s: string, n: number): string => {
  const cs = Array.from(s);
  return cs.length <= n ? s : `${cs.slice(0, n - 1).join('')}…`;
};

/** The fields of each modal step, in order, at most 5 a step. */
export function modalSteps(form: FormDefinition): FormField[][] {
  const steps: FormField[][] = [];
  for (let i = 0; i < form.fields.length; i += MODAL_COMPONENT_LIMIT)
    steps.push(form.fields.slice(i, i + MODAL_COMPONENT_LIMIT));
  return steps;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(',') : (v ?? ''));

function control(f: FormField, value: string | string[] | undefined) {
  const required = !f.optional;
  const chosen = new Set(
    Array.isArray(value)
      ? value
      : one(value)
          .split(/[,;]+/)
          .map((t) => t.trim()),
  );
  const select = (options: { label: string; value: string }[], multi: boolean) => ({
    type: 3 as const,
    custom_id: f.key,
    options: options.map((o) => ({
      label: clip(o.label, OPTION_LIMIT),
      value: o.value,
      ...(chosen.has(o.value) ? { default: true } : {}),
    })),
    min_values: required ? 1 : 0,
    max_values: multi ? options.length : 1,
    required,
  });
  switch (f.kind) {
    case 'scale':
      return select(
        scaleSteps(f).map((n) => ({ label: scalePointLabel(f, n), value: String(n) })),
        false,
      );
    case 'choice':
      return select([...f.options], false);
    case 'multi-choice':
      return select([...f.options], true);
    case 'text': {
      const v = one(value);
      const max = Math.min(f.maxChars ?? MAX_TEXT_CHARS, MAX_TEXT_CHARS);
      return {
        type: 4 as const,
        custom_id: f.key,
        style: f.multiline ? (2 as const) : (1 as const),
        max_length: max,
        required,
        ...(v ? { value: v.slice(0, max) } : {}),
      };
    }
    case 'date':
    case 'time': {
      const v = one(value);
      return {
        type: 4 as const,
        custom_id: f.key,
        style: 1 as const,
        placeholder: f.kind === 'date' ? '2026-03-14' : '08:30',
        max_length: 10,
        required,
        ...(v ? { value: v } : {}),
      };
    }
  }
}

/** The label is the field's short name; the question goes in the description when it is longer. */
function labelled(f: FormField, value: string | string[] | undefined) {
  const question = f.question.length <= LABEL_LIMIT;
  return {
    type: 18 as const,
    label: clip(question ? f.question : f.label, LABEL_LIMIT),
    ...(question ? {} : { description: clip(f.question, DESCRIPTION_LIMIT) }),
    component: control(f, value),
  };
}

export interface ModalOptions {
  /** Comes back on submit: what the answers are for (≤ 100 characters). */
  customId: string;
  /** Default: the form's title, with "(2/3)" when it has steps. */
  title?: string;
  /** Which step (from 0). */
  step?: number;
  /** What was typed before (a refused try, or earlier steps), to show again. */
  values?: RawAnswers;
}

/** One modal of a form; the placeholder hint says what a text answer is for. */
export function formModal(form: FormDefinition, o: ModalOptions) {
  const steps = modalSteps(form);
  const step = o.step ?? 0;
  const fields = steps[step] ?? [];
  const title = o.title ?? (steps.length > 1 ? `${form.title} (${step + 1}/${steps.length})` : form.title);
  return {
    custom_id: o.customId,
    title: clip(title, TITLE_LIMIT),
    components: fields.map((f) => labelled(f, o.values?.[f.key])),
  };
}
