import { checkinFormId } from '../../app/checkin.js';
import { CHECKIN_FIELDS, fieldSchemas, TAG_LABELS } from '../../domain/checkin-form.js';
import type { FormRequest } from '../../views/message.js';
import type { SlackBlock } from './render.js';

export const CHECKIN_CALLBACK = 'checkin.submit';
/** Slack's plain_text_input holds at most 3,000 characters (the web page takes 4,000). */
export const SLACK_REFLECTION_LIMIT = 3000;

const plain = (text: string) => ({ type: 'plain_text', text, emoji: false });

/** Where the finished check-in is reported: the message the mood button was on, if it can be edited. */
export interface ViewOrigin {
  channel?: string;
  ts?: string;
}

export interface ViewMetadata extends ViewOrigin {
  /** The form id (checkin.submit?date=…&p=…&v=…): what the answers are for. */
  f: string;
}

/**
 * The check-in modal, from the one form definition: the scales as menus (a wrong number cannot be chosen), the
 * whole reflection prompt, the tags as checkboxes. Mood was answered by the button that opened it.
 */
export function checkinView(form: FormRequest & { mood: number }, origin: ViewOrigin = {}): SlackBlock {
  const meta: ViewMetadata = {
    f: checkinFormId({ localDate: form.localDate, promptId: form.promptId, mood: form.mood }),
    ...origin,
  };
  const blocks: SlackBlock[] = [{ type: 'context', elements: [plain(`Mood: ${form.mood} out of 10`)] }];
  for (const f of CHECKIN_FIELDS) {
    if (f.key === 'mood') continue;
    if (f.kind === 'scale') {
      blocks.push({
        type: 'input',
        block_id: f.key,
        label: plain(f.question),
        element: {
          type: 'static_select',
          action_id: f.key,
          placeholder: plain(`${f.min}-${f.max}`),
          options: Array.from({ length: f.max - f.min + 1 }, (_, i) => {
            const v = f.min + i;
            const hint = v === f.min ? ` · ${f.lowHint}` : v === f.max ? ` · ${f.highHint}` : '';
            return { text: plain(`${v}${hint}`), value: String(v) };
          }),
        },
      });
    } else if (f.kind === 'text') {
      blocks.push({ type: 'section', text: plain(form.promptText) });
      blocks.push({
        type: 'input',
        block_id: f.key,
        optional: true,
        label: plain('Your reflection (optional)'),
        element: {
          type: 'plain_text_input',
          action_id: f.key,
          multiline: true,
          max_length: SLACK_REFLECTION_LIMIT,
        },
      });
    } else {
      blocks.push({
        type: 'input',
        block_id: f.key,
        optional: true,
        label: plain('Anything from today to note?'),
        element: {
          type: 'checkboxes',
          action_id: f.key,
          options: Object.entries(TAG_LABELS).map(([id, label]) => ({ text: plain(label), value: id })),
        },
      });
    }
  }
  return {
    type: 'modal',
    callback_id: CHECKIN_CALLBACK,
    private_metadata: JSON.stringify(meta),
    title: plain('Check-in'),
    submit: plain('Save'),
    close: plain('Not now'),
    blocks,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: view state arrives from Slack as loosely typed JSON.
type StateValues = Record<string, Record<string, any>>;

/** The answers from a submitted view's state, by field key, as the form's schema reads them. */
export function answersFrom(values: StateValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of CHECKIN_FIELDS) {
    const v = values[f.key]?.[f.key];
    if (!v) continue;
    if (v.type === 'static_select') out[f.key] = v.selected_option?.value ?? '';
    else if (v.type === 'checkboxes')
      out[f.key] = (v.selected_options ?? []).map((o: { value: string }) => o.value).join(',');
    else out[f.key] = typeof v.value === 'string' ? v.value : '';
  }
  return out;
}

/** Per-field problems, shown by Slack under each field while the modal stays open with every answer in it. */
export function fieldErrors(answers: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of CHECKIN_FIELDS) {
    if (f.key === 'mood') continue;
    const r = fieldSchemas[f.key].safeParse(answers[f.key] ?? '');
    if (!r.success && !(f.optional && (answers[f.key] ?? '') === '')) {
      errors[f.key] = r.error.issues[0]?.message ?? 'Please check this answer.';
    }
  }
  return errors;
}

export function parseMetadata(raw: string): ViewMetadata | null {
  try {
    const m = JSON.parse(raw) as Partial<ViewMetadata>;
    return typeof m.f === 'string'
      ? { f: m.f, ...(m.channel ? { channel: m.channel } : {}), ...(m.ts ? { ts: m.ts } : {}) }
      : null;
  } catch {
    return null;
  }
}
