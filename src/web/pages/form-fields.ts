import type { FormField, RawAnswers } from '../../domain/form.js';
import { scaleSteps } from '../../domain/form.js';
import { MAX_TEXT_CHARS } from '../../domain/text-input.js';
import { type Html, html } from '../html.js';
import { OPTIONAL_MARK, textHint } from './texts.js';

/**
 * One field of any form as HTML, from its definition alone. Works without JS; each group of inputs is a fieldset
 * named by its question; a field's problem is shown beside it and named by its group.
 */

/**
 * The browser's limit counts UTF-16 units, so an emoji counts two there and one here: twice our limit never stops
 * text we would keep, and still stops a runaway paste. The server's count is the rule.
 */
const browserMaxLength = (chars: number) => chars * 2;

const checked = (on: boolean) => (on ? html` checked` : '');
const required = (f: FormField) => (f.optional ? '' : html` required`);
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');
const legendText = (f: FormField) => (f.optional ? `${f.question} ${OPTIONAL_MARK}` : f.question);

/** The fieldset's own description: its problem (if any) and its help. */
function around(f: FormField, problem: string | undefined, inner: Html, legend: Html | string): Html {
  const ids = [problem ? `${f.key}-error` : '', f.help && f.kind !== 'text' ? `${f.key}-help` : '']
    .filter(Boolean)
    .join(' ');
  return html`<fieldset${ids ? html` aria-describedby="${ids}"` : ''}>
<legend>${legend}</legend>
${problem ? html`<p class="error" id="${f.key}-error">${problem}</p>` : ''}
${f.help && f.kind !== 'text' ? html`<p class="muted" id="${f.key}-help">${f.help}</p>` : ''}
${inner}
</fieldset>`;
}

function inputs(f: FormField, v: string | string[] | undefined, invalid: boolean): Html {
  const bad = invalid ? html` aria-invalid="true"` : '';
  switch (f.kind) {
    case 'scale':
      return html`<div class="scale">${scaleSteps(f).map(
        (n) =>
          html`<label><input type="radio" name="${f.key}" value="${n}"${required(f)}${checked(v === String(n))}> ${n}</label>`,
      )}</div>
<div class="hint" aria-hidden="true"><span>${f.min}: ${f.lowHint}</span><span>${f.max}: ${f.highHint}</span></div>`;
    case 'choice':
      return html`<div class="tags">${f.options.map(
        (o) =>
          html`<label><input type="radio" name="${f.key}" value="${o.value}"${required(f)}${checked(v === o.value)}> ${o.label}</label>`,
      )}</div>`;
    case 'multi-choice': {
      const chosen = new Set(Array.isArray(v) ? v : v ? [v] : []);
      return html`<div class="tags">${f.options.map(
        (o) =>
          html`<label><input type="checkbox" name="${f.key}" value="${o.value}"${checked(chosen.has(o.value))}> ${o.label}</label>`,
      )}</div>`;
    }
    // The parser drops one line break right after <textarea>: ours, so text that starts with one comes back whole.
    case 'text': {
      const max = browserMaxLength(Math.min(f.maxChars ?? MAX_TEXT_CHARS, MAX_TEXT_CHARS));
      const hint = f.help ?? textHint(f.optional ?? false, f.maxChars ?? MAX_TEXT_CHARS);
      const described = html` aria-describedby="${f.key}-hint"`;
      return html`<p class="muted" id="${f.key}-hint">${hint}</p>
${
  f.multiline
    ? html`<textarea id="${f.key}" name="${f.key}" dir="auto" maxlength="${max}"${required(f)}${bad}${described}>
${one(v)}</textarea>`
    : html`<input type="text" id="${f.key}" name="${f.key}" dir="auto" maxlength="${max}" value="${one(v)}"${required(f)}${bad}${described}>`
}`;
    }
    case 'date':
    case 'time':
      return html`<input type="${f.kind}" id="${f.key}" name="${f.key}" value="${one(v)}"${required(f)}${bad}>`;
  }
}

/** A field: text, date and time inputs are named by a label inside the legend; choices by the legend itself. */
export function fieldHtml(f: FormField, values: RawAnswers, problem?: string): Html {
  const labelled = f.kind === 'text' || f.kind === 'date' || f.kind === 'time';
  const legend = labelled
    ? html`<label for="${f.key}">${f.kind === 'text' ? f.question : legendText(f)}</label>`
    : legendText(f);
  return around(f, problem, inputs(f, values[f.key], problem !== undefined), legend);
}
