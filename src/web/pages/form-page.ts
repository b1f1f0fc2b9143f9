import type { FormDefinition, RawAnswers } from '../../domain/form.js';
import type { Block } from '../../views/message.js';
import { type Html, html } from '../html.js';
import { blocksHtml } from './blocks.js';
import { fieldHtml } from './form-fields.js';
import { type PageChrome, page } from './layout.js';

export interface FormPageModel {
  form: FormDefinition;
  /** The page's heading: the form's title, the day it is for, or why the form came back. */
  heading: string;
  /** Why the form came back with the answers in it (its link expired...), shown above it. */
  notice: readonly string[];
  /** Lines shown above the form (a phase note); the form's own intro comes after them. */
  intro: readonly Block[];
  /** Where the answers go. */
  action: string;
  /** Empty when this browser has no session: the form can then only be shown, not saved. */
  csrfToken: string;
  /** Other hidden fields carried with the answers (a signed ticket). */
  hidden: Readonly<Record<string, string>>;
  /** The person's answers so far, kept when something needs fixing, so nothing they typed is lost. */
  values: RawAnswers;
  /** Why it was not saved, above the form. */
  error: string | null;
  /** Each field's own problem, shown beside it. */
  problems?: Readonly<Record<string, string>>;
  /** A line under the form (who can see the answers). */
  after?: string;
}

/** Any form, from its definition alone: one fieldset per field, answers kept, no script. */
export function formPage(m: FormPageModel, chrome: PageChrome): string {
  return page(m.form.title, formBody(m), chrome);
}

export function formBody(m: FormPageModel): Html {
  const problems = m.problems ?? {};
  return html`<h1>${m.heading}</h1>
${m.notice.map((l) => html`<p class="notice">${l}</p>`)}
${blocksHtml(m.intro)}
${m.form.intro ? html`<p>${m.form.intro}</p>` : ''}
${m.error ? html`<p class="error" role="alert" id="form-error">${m.error}</p>` : ''}
<form method="post" action="${m.action}" ${m.error ? html`aria-describedby="form-error"` : ''}>
<input type="hidden" name="_csrf" value="${m.csrfToken}">
${Object.entries(m.hidden).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
${m.form.fields.map((f) => fieldHtml(f, m.values, problems[f.key]))}
<button type="submit">${m.form.submitLabel}</button>
</form>
${m.after ? html`<p class="muted">${m.after}</p>` : ''}`;
}

/** The answers a posted form carries, by its fields: one string each, a list for multi-choice. */
export function answersFromBody(form: FormDefinition, body: Record<string, unknown>): RawAnswers {
  const out: RawAnswers = {};
  for (const f of form.fields) {
    const v = body[f.key];
    if (f.kind === 'multi-choice' && Array.isArray(v))
      out[f.key] = v.filter((t): t is string => typeof t === 'string');
    else out[f.key] = typeof v === 'string' ? v : undefined;
  }
  return out;
}
