import type { Block } from '../../views/message.js';
import { type Html, html } from '../html.js';
import { linkedLine } from './layout.js';

function blockHtml(b: Block): Html {
  switch (b.type) {
    case 'heading':
      return html`<h2>${b.text}</h2>`;
    case 'text':
      return html`<p>${b.text}</p>`;
    case 'quote':
      return html`<blockquote>${b.text}</blockquote>`;
    case 'list':
      return html`<ul>${b.items.map((i) => html`<li>${b.links ? linkedLine(i, b.links) : i}</li>`)}</ul>`;
    case 'fields':
      return html`<dl>${b.fields.map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`)}</dl>`;
    case 'notice':
      return html`<p class="notice">${b.text}</p>`;
    case 'link':
      return html`<p><a href="${b.url}">${b.label}</a></p>`;
    // Pages ask with their own forms; a chat scale's buttons have no meaning here.
    case 'scale':
      return html`<p>${b.label}</p>`;
  }
}

/** The neutral message blocks as HTML, every string escaped. */
export const blocksHtml = (blocks: readonly Block[]): Html => html`${blocks.map(blockHtml)}`;
