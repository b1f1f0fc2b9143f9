import { formatDate } from '../../views/when.js';
import { type Html, html, raw } from '../html.js';

/** A chart from renderMoodChart: our own SVG (role="img", with its text alternative), the one use of raw(). */
export const chartBlock = (svg: string): Html => html`<div class="chart">${raw(svg)}</div>`;

export interface DatedWords {
  date: string;
  /** A person's own words: escaped, shown exactly, line breaks kept (blockquote is pre-wrap). */
  text: string;
  /** Our prompt text the words answered, if any. */
  prompt?: string | null;
}

/** Dated entries in a person's own words, newest first as given; `empty` when there are none. */
export function datedWords(items: readonly DatedWords[], empty: string): Html {
  if (items.length === 0) return html`<p class="muted">${empty}</p>`;
  return html`${items.map(
    (i) => html`<article class="entry">
<p class="muted"><time datetime="${i.date}">${formatDate(i.date)}</time>${i.prompt ? html` · <span class="prompt">${i.prompt}</span>` : ''}</p>
<blockquote dir="auto">${i.text}</blockquote>
</article>`,
  )}`;
}
