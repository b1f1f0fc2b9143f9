import type { AppSettings } from '../../app/deps.js';
import { addressesIn, spansOf } from '../../views/message.js';
import { type Html, html } from '../html.js';
import { FOOTER_LEAD } from './texts.js';

/** What every page needs from the settings: the crisis lines the clinic configured (CRISIS_LINES). */
export type PageChrome = Pick<AppSettings, 'crisisLines'>;

/** A trusted line (the operator's own text) escaped, with the addresses in `links` as real links. */
export const linkedLine = (line: string, links: readonly string[] = addressesIn([line])): Html =>
  html`${spansOf(line, links).map((sp) => ('url' in sp ? html`<a href="${sp.url}">${sp.url}</a>` : html`${sp.text}`))}`;

const footer = (chrome: PageChrome): Html =>
  html`<footer><p>${FOOTER_LEAD}</p><ul>${chrome.crisisLines.map((l) => html`<li>${linkedLine(l)}</li>`)}</ul></footer>`;

/** Every page: language, viewport, our stylesheet, no script at all, and the not-an-emergency footer. */
export function page(title: string, body: Html, chrome: PageChrome): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · Interlude</title>
<link rel="stylesheet" href="/assets/interlude.css">
</head>
<body>
<main>
${body}
${footer(chrome)}
</main>
</body>
</html>`.value;
}

/** A kind page for anything that stops a person: what happened and what to do next. Stores nothing. */
export function messagePage(title: string, lines: readonly string[], chrome: PageChrome): string {
  return page(title, html`<h1>${title}</h1>${lines.map((l) => html`<p>${l}</p>`)}`, chrome);
}
