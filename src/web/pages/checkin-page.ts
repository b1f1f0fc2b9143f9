import { DateTime } from 'luxon';
import { CHECKIN_FIELDS, CHECKIN_TAGS, type CheckinField, TAG_LABELS } from '../../domain/checkin-form.js';
import { MAX_TEXT_CHARS } from '../../domain/text-input.js';
import type { Block } from '../../views/message.js';
import { type Html, html } from '../html.js';
import { blocksHtml } from './blocks.js';
import { type PageChrome, page } from './layout.js';
import { REFLECTION_HINT } from './texts.js';

/** "Sunday 29 November", for the day a check-in is for (a local date, so no zone applies). */
export const longDay = (date: string): string =>
  DateTime.fromISO(date, { zone: 'UTC' }).setLocale('en-GB').toFormat('cccc d LLLL');

/**
 * The browser's limit counts UTF-16 units, so an emoji counts two there and one here: twice our limit never stops
 * a reflection we would keep, and still stops a runaway paste. The server's count is the rule.
 */
const TEXTAREA_MAXLENGTH = MAX_TEXT_CHARS * 2;

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
  values: Record<string, string | string[] | undefined>;
  error: string | null;
}

const checked = (on: boolean) => (on ? html` checked` : '');

function field(f: CheckinField, m: CheckinPageModel): Html {
  const v = m.values[f.key];
  switch (f.kind) {
    case 'scale': {
      const options = Array.from({ length: f.max - f.min + 1 }, (_, i) => f.min + i);
      return html`<fieldset>
<legend>${f.question}</legend>
<div class="scale">${options.map(
        (n) =>
          html`<label><input type="radio" name="${f.key}" value="${n}" required${checked(v === String(n))}> ${n}</label>`,
      )}</div>
<div class="hint" aria-hidden="true"><span>${f.min}: ${f.lowHint}</span><span>${f.max}: ${f.highHint}</span></div>
</fieldset>`;
    }
    // The parser drops one line break right after <textarea>: ours, so text that starts with one comes back whole.
    case 'text':
      return html`<fieldset>
<legend><label for="reflection">${m.promptText}</label></legend>
<p class="muted" id="reflection-hint">${REFLECTION_HINT}</p>
<textarea id="reflection" name="reflection" dir="auto" maxlength="${TEXTAREA_MAXLENGTH}" aria-describedby="reflection-hint">
${typeof v === 'string' ? v : ''}</textarea>
</fieldset>`;
    case 'tags': {
      const chosen = new Set(Array.isArray(v) ? v : v ? [v] : []);
      return html`<fieldset>
<legend>Anything from today to note? (optional)</legend>
<div class="tags">${CHECKIN_TAGS.map(
        (t) =>
          html`<label><input type="checkbox" name="tags" value="${t}"${checked(chosen.has(t))}> ${TAG_LABELS[t]}</label>`,
      )}</div>
</fieldset>`;
    }
  }
}

/** The check-in form, rendered from the same field definitions the console and chat surfaces use. Works without JS. */
export function checkinPage(m: CheckinPageModel, chrome: PageChrome): string {
  return page(
    'Check-in',
    html`<h1>${m.heading}</h1>
${m.notice.map((l) => html`<p class="notice">${l}</p>`)}
${blocksHtml(m.intro)}
${m.error ? html`<p class="error" role="alert" id="form-error">${m.error}</p>` : ''}
<form method="post" action="/checkin" ${m.error ? html`aria-describedby="form-error"` : ''}>
<input type="hidden" name="_csrf" value="${m.csrfToken}">
<input type="hidden" name="_ticket" value="${m.ticket}">
${CHECKIN_FIELDS.map((f) => field(f, m))}
<button type="submit">Save my check-in</button>
</form>
<p class="muted">Only you can see your answers, unless you have chosen to share them with your group's facilitators.</p>`,
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
