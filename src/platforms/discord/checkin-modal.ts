import { checkinFormId } from '../../app/checkin.js';
import { CHECKIN_FIELDS, CHECKIN_TAGS } from '../../domain/checkin-form.js';
import type { FormRequest } from '../../views/message.js';

/** Discord's modal limits: a 45-character title and labels, 100-character placeholders, 5 inputs. */
const TITLE_LIMIT = 45;
const LABEL_LIMIT = 45;
const PLACEHOLDER_LIMIT = 100;

const clip = (s: string, n: number) => {
  const cs = Array.from(s);
  return cs.length <= n ? s : `${cs.slice(0, n - 1).join('')}…`;
};

export interface ModalDraft {
  [key: string]: string;
}

/** The fields the modal asks: everything but mood, which a button already answered. Exactly five. */
const MODAL_FIELDS = CHECKIN_FIELDS.filter((f) => f.key !== 'mood');

/**
 * The check-in modal, built from the one form definition. `draft` refills what the person typed when a first
 * try was refused, so nothing they wrote is lost.
 */
export function checkinModal(form: FormRequest & { mood: number }, draft: ModalDraft = {}) {
  return {
    custom_id: checkinFormId({ localDate: form.localDate, promptId: form.promptId, mood: form.mood }),
    title: clip(`Check-in · mood ${form.mood}/10`, TITLE_LIMIT),
    components: MODAL_FIELDS.map((f) => {
      const base = {
        type: 4 as const,
        custom_id: f.key,
        value: draft[f.key] || undefined,
      };
      const input =
        f.kind === 'scale'
          ? {
              ...base,
              style: 1 as const,
              label: clip(`${f.label} (${f.min}-${f.max})`, LABEL_LIMIT),
              placeholder: clip(`${f.min} = ${f.lowHint}, ${f.max} = ${f.highHint}`, PLACEHOLDER_LIMIT),
              min_length: 1,
              max_length: 2,
              required: true,
            }
          : f.kind === 'text'
            ? {
                ...base,
                style: 2 as const,
                label: 'Reflection (optional)',
                placeholder: clip(form.promptText, PLACEHOLDER_LIMIT),
                max_length: 4000,
                required: false,
              }
            : {
                ...base,
                style: 1 as const,
                label: 'Tags (optional)',
                placeholder: clip(CHECKIN_TAGS.join(', '), PLACEHOLDER_LIMIT),
                max_length: 300,
                required: false,
              };
      return { type: 1 as const, components: [input] };
    }),
  };
}

export const MODAL_FIELD_KEYS = MODAL_FIELDS.map((f) => f.key);
