import type { FormDefinition, FormField } from '../../domain/form.js';
import { fieldSchema } from '../../domain/form-schema.js';
import { firstIssue } from '../../domain/validation.js';
import { formTexts } from './form-texts.js';

/** The words after a question that say what kind of answer it takes, from the field's definition. */
function kindHint(f: FormField): string {
  const optional = f.optional ?? false;
  const skip = optional ? ` ${formTexts.skip}` : '';
  switch (f.kind) {
    case 'scale':
      return formTexts.scale(f.min, f.lowHint, f.max, f.highHint) + skip;
    case 'choice':
      return formTexts.choice(f.options.map((o) => o.label)) + skip;
    case 'multi-choice':
      return formTexts.multiChoice(
        f.options.map((o) => o.label),
        optional,
      );
    case 'text':
      return `\n${formTexts.text(optional)}`;
    case 'date':
      return formTexts.date(optional);
    case 'time':
      return formTexts.time(optional);
  }
}

/**
 * Any form asked one question at a time, as the console does it. Each answer is checked with the same field schema
 * the web page and the chat modals use; a bad answer is explained and asked again, nothing is lost.
 */
export class FormSession<Meta = unknown> {
  private index = 0;
  readonly answers: Record<string, unknown> = {};

  /** `meta`: what the answers are for (the check-in's day and prompt), handed back when the form is done. */
  constructor(
    readonly form: FormDefinition,
    readonly meta: Meta,
  ) {}

  private get field(): FormField | undefined {
    return this.form.fields[this.index];
  }

  /** Whether the question now asked takes written words rather than a number or a choice. */
  get takesWords(): boolean {
    return this.field?.kind === 'text';
  }

  get done(): boolean {
    return this.index >= this.form.fields.length;
  }

  question(): string {
    const f = this.field;
    if (!f) return '';
    const n = formTexts.position(this.index + 1, this.form.fields.length);
    const hint = kindHint(f);
    return `${n} ${f.question}${hint.startsWith('\n') ? '' : ' '}${hint}`;
  }

  /** Take one answer. Returns an error message to show (and the same question is asked again), or null. */
  answer(raw: string): string | null {
    const f = this.field;
    if (!f) return null;
    const parsed = fieldSchema(f).safeParse(raw);
    if (!parsed.success) return firstIssue(parsed.error);
    this.answers[f.key] = parsed.data;
    this.index++;
    return null;
  }
}
