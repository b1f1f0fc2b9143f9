import { checkinFormFor } from '../../domain/checkin-form.js';
import { type FormDefinition, without } from '../../domain/form.js';
import { checkinFormId } from '../../features/check-in/checkin.js';
import type { FormRequest } from '../../views/message.js';
import { answersFromState, formView, SLACK_TEXT_LIMIT, type StateValues, viewErrors } from './form-view.js';
import type { SlackBlock } from './render.js';

export const CHECKIN_CALLBACK = 'checkin.submit';
/** Slack's plain_text_input holds at most 3,000 characters (the web page takes 4,000). */
export const SLACK_REFLECTION_LIMIT = SLACK_TEXT_LIMIT;

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

/** What the modal asks: the check-in without mood, which the button that opened it answered. */
const modalForm = (promptText: string): FormDefinition => without(checkinFormFor(promptText), ['mood']);
const ASKED = modalForm('');

/** The check-in modal: the one form definition, drawn by the generic view builder, the mood shown above it. */
export function checkinView(form: FormRequest & { mood: number }, origin: ViewOrigin = {}): SlackBlock {
  const meta: ViewMetadata = {
    f: checkinFormId({ localDate: form.localDate, promptId: form.promptId, mood: form.mood }),
    ...origin,
  };
  return formView(modalForm(form.promptText), {
    callbackId: CHECKIN_CALLBACK,
    privateMetadata: JSON.stringify(meta),
    before: [{ type: 'context', elements: [plain(`Mood: ${form.mood} out of 10`)] }],
    submit: 'Save',
    close: 'Not now',
  });
}

/** The answers from a submitted view's state, by field key, as the form's schema reads them. */
export const answersFrom = (values: StateValues): Record<string, string> => answersFromState(ASKED, values);

/** Per-field problems, shown by Slack under each field while the modal stays open with every answer in it. */
export const fieldErrors = (answers: Record<string, string>): Record<string, string> =>
  viewErrors(ASKED, answers);

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
