import type { ChoiceOption, FormDefinition, FormField, RawAnswers } from '../../domain/form.js';
import { scalePointLabel, scaleSteps } from '../../domain/form.js';
import { fieldProblems } from '../../domain/form-schema.js';
import { MAX_TEXT_CHARS } from '../../domain/text-input.js';
import type { SlackBlock } from './render.js';

/**
 * Any form as a Slack modal, from its definition alone: scales and choices as static_select (a wrong number cannot
 * be chosen), multi-choice as checkboxes (multi_static_select past 10 options), text as plain_text_input, dates
 * and times as datepicker and timepicker. Slack's limits (https://api.slack.com/reference/block-kit) are kept.
 */

/** Slack's plain_text_input holds at most 3,000 characters (the web page takes 4,000). */
export const SLACK_TEXT_LIMIT = 3000;
const TITLE_LIMIT = 24;
const LABEL_LIMIT = 2000;
const OPTION_TEXT_LIMIT = 75;
const CHECKBOX_LIMIT = 10;

const clip = (s: string, n: number) => {
  const cs = Array.from(s);
  return cs.length <= n ? s : `${cs.slice(0, n - 1).join('')}…`;
};
const plain = (text: string) => ({ type: 'plain_text', text, emoji: false });
const option = (o: ChoiceOption) => ({ text: plain(clip(o.label, OPTION_TEXT_LIMIT)), value: o.value });
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

function element(f: FormField, v: string | string[] | undefined): SlackBlock {
  const base = { action_id: f.key };
  switch (f.kind) {
    case 'scale':
    case 'choice': {
      const options =
        f.kind === 'scale'
          ? scaleSteps(f).map((n) => option({ value: String(n), label: scalePointLabel(f, n) }))
          : f.options.map(option);
      const initial = options.find((o) => o.value === one(v));
      return {
        type: 'static_select',
        ...base,
        placeholder: plain(f.kind === 'scale' ? `${f.min}-${f.max}` : f.label),
        options,
        ...(initial ? { initial_option: initial } : {}),
      };
    }
    case 'multi-choice': {
      const chosen = new Set(Array.isArray(v) ? v : one(v).split(/[,;]+/));
      const options = f.options.map(option);
      const initial = options.filter((o) => chosen.has(o.value));
      const type = options.length <= CHECKBOX_LIMIT ? 'checkboxes' : 'multi_static_select';
      return { type, ...base, options, ...(initial.length ? { initial_options: initial } : {}) };
    }
    case 'text': {
      const max = Math.min(f.maxChars ?? MAX_TEXT_CHARS, SLACK_TEXT_LIMIT);
      const initial = one(v).slice(0, max);
      return {
        type: 'plain_text_input',
        ...base,
        multiline: f.multiline ?? false,
        max_length: max,
        ...(initial ? { initial_value: initial } : {}),
      };
    }
    case 'date':
      return { type: 'datepicker', ...base, ...(one(v) ? { initial_date: one(v) } : {}) };
    case 'time':
      return { type: 'timepicker', ...base, ...(one(v) ? { initial_time: one(v) } : {}) };
  }
}

/** The input blocks of a form, one per field, its key as block and action id. */
export function formBlocks(form: FormDefinition, values: RawAnswers = {}): SlackBlock[] {
  return form.fields.map((f) => ({
    type: 'input',
    block_id: f.key,
    ...(f.optional ? { optional: true } : {}),
    label: plain(clip(f.question, LABEL_LIMIT)),
    ...(f.help ? { hint: plain(clip(f.help, LABEL_LIMIT)) } : {}),
    element: element(f, values[f.key]),
  }));
}

export interface FormViewOptions {
  callbackId: string;
  privateMetadata: string;
  /** Blocks shown before the questions (the mood already answered). */
  before?: SlackBlock[];
  values?: RawAnswers;
  submit: string;
  close: string;
}

export function formView(form: FormDefinition, o: FormViewOptions): SlackBlock {
  const intro = form.intro ? [{ type: 'section', text: plain(form.intro) }] : [];
  return {
    type: 'modal',
    callback_id: o.callbackId,
    private_metadata: o.privateMetadata,
    title: plain(clip(form.title, TITLE_LIMIT)),
    submit: plain(o.submit),
    close: plain(o.close),
    blocks: [...(o.before ?? []), ...intro, ...formBlocks(form, o.values)],
  };
}

// biome-ignore lint/suspicious/noExplicitAny: view state arrives from Slack as loosely typed JSON.
export type StateValues = Record<string, Record<string, any>>;

/** The answers from a submitted view's state, by field key, as the form's schema reads them. */
export function answersFromState(form: FormDefinition, values: StateValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of form.fields) {
    const v = values[f.key]?.[f.key];
    if (!v) continue;
    if (v.type === 'static_select') out[f.key] = v.selected_option?.value ?? '';
    else if (v.type === 'checkboxes' || v.type === 'multi_static_select')
      out[f.key] = (v.selected_options ?? []).map((o: { value: string }) => o.value).join(',');
    else if (v.type === 'datepicker') out[f.key] = v.selected_date ?? '';
    else if (v.type === 'timepicker') out[f.key] = v.selected_time ?? '';
    else out[f.key] = typeof v.value === 'string' ? v.value : '';
  }
  return out;
}

/** Per-field problems, shown by Slack under each field while the modal stays open with every answer in it. */
export const viewErrors = (form: FormDefinition, answers: Record<string, string>): Record<string, string> =>
  fieldProblems(form, answers);
