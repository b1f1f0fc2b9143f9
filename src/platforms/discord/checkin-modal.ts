import { checkinFormFor } from '../../domain/checkin-form.js';
import { without } from '../../domain/form.js';
import { checkinFormId } from '../../features/check-in/checkin.js';
import type { FormRequest } from '../../views/message.js';
import { formModal } from './form-modal.js';

export interface ModalDraft {
  [key: string]: string;
}

/**
 * The check-in modal: the one form definition without mood (a button already answered it), drawn by the generic
 * modal builder. `draft` refills what the person typed when a first try was refused, so nothing they wrote is lost.
 */
export function checkinModal(form: FormRequest & { mood: number }, draft: ModalDraft = {}) {
  return formModal(without(checkinFormFor(form.promptText), ['mood']), {
    customId: checkinFormId({ localDate: form.localDate, promptId: form.promptId, mood: form.mood }),
    title: `Check-in · mood ${form.mood}/10`,
    values: draft,
  });
}

export const MODAL_FIELD_KEYS = without(checkinFormFor(''), ['mood']).fields.map((f) => f.key);
