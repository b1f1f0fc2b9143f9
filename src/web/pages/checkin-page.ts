import { CHECKIN_FIELDS, CHECKIN_TAGS, type CheckinField, TAG_LABELS } from '../../domain/checkin-form.js';
import type { Block } from '../../views/message.js';
import { type Html, html } from '../html.js';
import { blocksHtml } from './blocks.js';
import { page } from './layout.js';

export interface CheckinPageModel {
  csrfToken: string;
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
    case 'text':
      return html`<fieldset>
<legend><label for="reflection">${m.promptText}</label></legend>
<p class="muted" id="reflection-hint">Optional. Write as much or as little as you like (up to 4,000 characters).</p>
<textarea id="reflection" name="reflection" dir="auto" aria-describedby="reflection-hint">${typeof v === 'string' ? v : ''}</textarea>
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
export function checkinPage(m: CheckinPageModel): string {
  return page(
    'Check-in',
    html`<h1>Today's check-in</h1>
${blocksHtml(m.intro)}
${m.error ? html`<p class="error" role="alert" id="form-error">${m.error}</p>` : ''}
<form method="post" action="/checkin" ${m.error ? html`aria-describedby="form-error"` : ''}>
<input type="hidden" name="_csrf" value="${m.csrfToken}">
${CHECKIN_FIELDS.map((f) => field(f, m))}
<button type="submit">Save my check-in</button>
</form>
<p class="muted">Only you can see your answers, unless you have chosen to share them with your group's facilitators.</p>`,
  );
}

/**
 * After a save: the reply every surface gets (thanks, the last 7 days), then the reflection read back, so the
 * person sees exactly what was kept.
 */
export function checkinSavedPage(blocks: readonly Block[], reflection: string | null): string {
  const [first, ...rest] = blocks;
  const titled = first?.type === 'heading';
  return page(
    'Saved',
    html`<h1>${titled ? first.text : 'Thank you'}</h1>
${blocksHtml(titled ? rest : blocks)}
${reflection ? html`<h2>What you wrote</h2><blockquote dir="auto">${reflection}</blockquote>` : ''}
<p class="muted">You can close this page now.</p>`,
  );
}
