import { type Html, html } from '../html.js';

/** Every page: language, viewport, our stylesheet, no script at all, and the not-an-emergency footer. */
export function page(title: string, body: Html): string {
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
<footer>Interlude is not an emergency service and is not watched around the clock. If you are in danger or might act on thoughts of harming yourself, call your local emergency number or a crisis line now (in the US, call or text 988).</footer>
</main>
</body>
</html>`.value;
}

/** A kind page for anything that stops a person: what happened and what to do next. Stores nothing. */
export function messagePage(title: string, lines: string[]): string {
  return page(title, html`<h1>${title}</h1>${lines.map((l) => html`<p>${l}</p>`)}`);
}
