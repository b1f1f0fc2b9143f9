import { TAG_LABELS } from '../../domain/checkin-form.js';
import type { MemberCheckin, MemberRecord } from '../../features/facilitators/roster.js';
import { formatDate } from '../../views/when.js';
import { type Html, html } from '../html.js';
import { chartBlock, datedWords } from './entries.js';
import { type PageChrome, page } from './layout.js';
import { memberName } from './roster-page.js';

const tagLabel = (t: string): string => (t in TAG_LABELS ? TAG_LABELS[t as keyof typeof TAG_LABELS] : t);

const row = (c: MemberCheckin): Html =>
  html`<tr><th scope="row">${formatDate(c.date)}</th><td>${c.mood}</td><td>${c.sleep}</td><td>${c.energy}</td><td>${c.anxiety}</td><td class="wide">${c.tags.map(tagLabel).join(', ')}</td></tr>`;

/** One member's last 30 days for a facilitator: chart, check-ins, reflections. The route logged the view first. */
export function memberPage(m: MemberRecord, chartSvg: string, chrome: PageChrome): string {
  const name = memberName(m.displayName, m.participantId);
  const reflections = m.checkins
    .filter((c) => c.reflection !== null && c.reflection !== '')
    .map((c) => ({ date: c.date, text: c.reflection ?? '', prompt: c.prompt }));
  return page(
    name,
    html`<p><a href="/dashboard">← Back to the roster</a></p>
<h1>${name}</h1>
<p class="muted">Shared with facilitators by their own choice, which they can withdraw at any time. This view was logged.</p>
${chartBlock(chartSvg)}
<h2 id="checkins-heading">Check-ins, ${formatDate(m.from)} – ${formatDate(m.to)}</h2>
${
  m.checkins.length
    ? // A table too wide for a phone scrolls on its own (WCAG 1.4.10 allows it for data); a keyboard can scroll it.
      html`<p class="muted">Mood out of 10; sleep, energy and anxiety out of 5. Newest first.</p>
<div class="scroll" role="region" aria-labelledby="checkins-heading" tabindex="0"><table>
<thead><tr><th scope="col">Day</th><th scope="col">Mood</th><th scope="col">Sleep</th><th scope="col">Energy</th><th scope="col">Anxiety</th><th scope="col">Tags</th></tr></thead>
<tbody>${m.checkins.map(row)}</tbody>
</table></div>`
    : html`<p class="muted">No check-ins in these 30 days.</p>`
}
<h2>Reflections</h2>
${datedWords(reflections, 'No reflections in these 30 days.')}`,
    chrome,
  );
}

/** The same page for an unknown member, one in another space and one not sharing: nothing reveals which. */
export const noMemberPage = (chrome: PageChrome): string =>
  page(
    'Not found',
    html`<h1>No one to show here</h1>
<p>Only members of your group who chose to share appear on the dashboard.</p>
<p><a href="/dashboard">Back to the roster</a></p>`,
    chrome,
  );
