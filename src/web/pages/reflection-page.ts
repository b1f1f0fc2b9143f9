import type { ActionStatus } from '../../domain/entities.js';
import type { ActionLine, ReflectionPageData } from '../../features/reflection/reflection-page.js';
import { formatDate } from '../../views/when.js';
import { type Html, html } from '../html.js';
import { chartBlock, datedWords } from './entries.js';
import { type PageChrome, page } from './layout.js';

/** The two charts, already rendered to SVG by the route (rendering is async; pages are plain functions). */
export interface ReflectionCharts {
  week: string;
  month: string;
}

const STATUS_ORDER: readonly ActionStatus[] = ['open', 'done', 'dropped'];
const STATUS_HEADING: Record<ActionStatus, string> = { open: 'Open', done: 'Done', dropped: 'Set aside' };

const actionItem = (a: ActionLine): Html =>
  html`<li><span class="muted">#${a.seq}</span> <span dir="auto">${a.text}</span>${
    a.status === 'done' && a.doneOn ? html` <span class="muted">— done ${formatDate(a.doneOn)}</span>` : ''
  }</li>`;

function actionsHtml(actions: readonly ActionLine[]): Html {
  if (actions.length === 0)
    return html`<p class="muted">No action plans yet. /action add turns an insight into one small step.</p>`;
  return html`${STATUS_ORDER.map((status) => {
    const some = actions.filter((a) => a.status === status);
    return some.length ? html`<h3>${STATUS_HEADING[status]}</h3><ul>${some.map(actionItem)}</ul>` : '';
  })}`;
}

function intentionsHtml(m: ReflectionPageData): Html {
  if (!m.intention)
    return html`<p class="muted">No intention set yet. /intention set adds one whenever you like.</p>`;
  return html`<p class="muted">Current, set ${formatDate(m.intention.date)}</p>
<blockquote dir="auto">${m.intention.text}</blockquote>
${m.earlierIntentions.length ? html`<h3>Earlier</h3>${datedWords(m.earlierIntentions, '')}` : ''}`;
}

/** The reflection page: the person's last 7 and 30 days, their words shown back exactly. Read-only. */
export function reflectionPage(m: ReflectionPageData, charts: ReflectionCharts, chrome: PageChrome): string {
  return page(
    'Your reflection',
    html`<h1>Your reflection</h1>
<p class="muted">${
      m.sharing
        ? "You chose to share your check-ins and reflections with your group's facilitators; your journal, intentions and action plans stay yours alone. /settings sharing off stops it."
        : 'Only you can see this page.'
    }</p>
<h2>The last 7 days</h2>
${chartBlock(charts.week)}
<h2>The last 30 days</h2>
${chartBlock(charts.month)}
<h2>What you reflected on</h2>
${datedWords(m.reflections, 'No reflections in the last 30 days. The prompt in each check-in is always optional.')}
<h2>Journal</h2>
${datedWords(m.journal, 'No journal entries in the last 30 days.')}
<h2>Intentions</h2>
${intentionsHtml(m)}
<h2>Action plans</h2>
${actionsHtml(m.actions)}
<p class="muted">This page is read-only and works until its link expires. /summary in your chat gives a fresh link.</p>`,
    chrome,
  );
}
