import { DateTime } from 'luxon';
import { checkinFormFor } from '../../domain/checkin-form.js';
import type { RawAnswers } from '../../domain/form.js';
import type { Block } from '../../views/message.js';
import { html } from '../html.js';
import { blocksHtml } from './blocks.js';
import { formPage } from './form-page.js';
import { type PageChrome, page } from './layout.js';
import { CHECKIN_PRIVACY } from './texts.js';

/** "Sunday 29 November", for the day a check-in is for (a local date, so no zone applies). */
export const longDay = (date: string): string =>
  DateTime.fromISO(date, { zone: 'UTC' }).setLocale('en-GB').toFormat('cccc d LLLL');

export interface CheckinPageModel {
  /** "Today's check-in", or the day it is for, or why the form came back. */
  heading: string;
  /** Why the form came back with the answers in it (its link expired...), shown above it. */
  notice: readonly string[];
  /** Empty when this browser has no session: the form can then only be shown, not saved. */
  csrfToken: string;
  /** The signed FormTicket (see app/links.ts). */
  ticket: string;
  promptText: string;
  /** Lines shown above the form (the phase note). */
  intro: Block[];
  /** The person's answers so far, kept when something needs fixing, so nothing they typed is lost. */
  values: RawAnswers;
  error: string | null;
  /** Each field's own problem, shown beside it. */
  problems?: Record<string, string>;
}

/** The check-in form: the one definition, with the day's prompt, drawn by the generic form page. Works without JS. */
export function checkinPage(m: CheckinPageModel, chrome: PageChrome): string {
  return formPage(
    {
      form: checkinFormFor(m.promptText),
      heading: m.heading,
      notice: m.notice,
      intro: m.intro,
      action: '/checkin',
      csrfToken: m.csrfToken,
      hidden: { _ticket: m.ticket },
      values: m.values,
      error: m.error,
      ...(m.problems ? { problems: m.problems } : {}),
      after: CHECKIN_PRIVACY,
    },
    chrome,
  );
}

/**
 * After a save: the reply every surface gets (thanks, the last 7 days), then the reflection read back, so the
 * person sees exactly what was kept.
 */
export function checkinSavedPage(
  blocks: readonly Block[],
  reflection: string | null,
  chrome: PageChrome,
): string {
  const [first, ...rest] = blocks;
  const titled = first?.type === 'heading';
  return page(
    'Saved',
    html`<h1>${titled ? first.text : 'Thank you'}</h1>
${blocksHtml(titled ? rest : blocks)}
${reflection ? html`<h2>What you wrote</h2><blockquote dir="auto">${reflection}</blockquote>` : ''}
<p class="muted">You can close this page now.</p>`,
    chrome,
  );
}
