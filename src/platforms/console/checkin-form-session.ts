import { CHECKIN_FIELDS, type CheckinField, fieldSchemas } from '../../domain/checkin-form.js';
import { firstIssue } from '../../domain/validation.js';
import type { FormRequest } from '../../views/message.js';

/**
 * The check-in asked one question at a time, as the console does it. Each answer is checked with the same field
 * schema the web form and the chat modals use; a bad answer is explained and asked again, nothing is lost.
 */
export class CheckinFormSession {
  private index = 0;
  readonly answers: Record<string, unknown> = {};

  constructor(readonly request: FormRequest) {}

  /** Whether the question now asked takes written words (the reflection) rather than a number or a choice. */
  get takesWords(): boolean {
    return !this.done && (CHECKIN_FIELDS[this.index] as CheckinField).kind === 'text';
  }

  get done(): boolean {
    return this.index >= CHECKIN_FIELDS.length;
  }

  question(): string {
    const f = CHECKIN_FIELDS[this.index] as CheckinField;
    const n = `(${this.index + 1}/${CHECKIN_FIELDS.length})`;
    switch (f.kind) {
      case 'scale':
        return `${n} ${f.question} (${f.min} = ${f.lowHint}, ${f.max} = ${f.highHint})`;
      case 'text':
        return `${n} ${this.request.promptText}\n(optional: write as much as you like on one line, or press Enter to skip)`;
      case 'tags':
        return `${n} ${f.question}`;
    }
  }

  /** Take one answer. Returns an error message to show (and the same question is asked again), or null. */
  answer(raw: string): string | null {
    const f = CHECKIN_FIELDS[this.index] as CheckinField;
    if (f.optional && raw.trim() === '') {
      this.index++;
      return null;
    }
    const parsed = fieldSchemas[f.key].safeParse(raw);
    if (!parsed.success) return firstIssue(parsed.error);
    this.answers[f.key] = parsed.data;
    this.index++;
    return null;
  }
}
