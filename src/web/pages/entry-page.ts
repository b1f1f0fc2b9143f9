import type { FormDefinition, RawAnswers } from '../../domain/form.js';
import type { Block } from '../../views/message.js';
import { html } from '../html.js';
import { blocksHtml } from './blocks.js';
import { formPage } from './form-page.js';
import { type PageChrome, page } from './layout.js';
import { ENTRY_PRIVACY, ENTRY_SAVED } from './texts.js';

export interface EntryPageModel {
  form: FormDefinition;
  /** Why the form came back with the answers in it, shown above it. */
  notice?: { title: string; lines: readonly string[] };
  /** Empty when this browser has no session: the form can then only be shown, not saved. */
  csrfToken: string;
  values: RawAnswers;
  error?: string | null;
  problems?: Readonly<Record<string, string>>;
}

/** A page form (journal, intention, …) drawn by the generic renderer; `_form` names it when it comes back. */
export const entryPage = (m: EntryPageModel, chrome: PageChrome): string =>
  formPage(
    {
      form: m.form,
      heading: m.notice?.title ?? m.form.title,
      notice: m.notice?.lines ?? [],
      intro: [],
      action: '/entry',
      csrfToken: m.csrfToken,
      hidden: { _form: m.form.id },
      values: m.values,
      error: m.error ?? null,
      ...(m.problems ? { problems: m.problems } : {}),
      after: ENTRY_PRIVACY,
    },
    chrome,
  );

/** After a save: the reply every surface gets for the same command. */
export function entrySavedPage(blocks: readonly Block[], chrome: PageChrome): string {
  const [first, ...rest] = blocks;
  const titled = first?.type === 'heading';
  return page(
    ENTRY_SAVED.title,
    html`<h1>${titled ? first.text : ENTRY_SAVED.title}</h1>
${blocksHtml(titled ? rest : blocks)}
<p class="muted">${ENTRY_SAVED.close}</p>`,
    chrome,
  );
}
