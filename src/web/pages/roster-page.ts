import type { RosterEntry } from '../../features/facilitators/roster.js';
import { ROSTER_DAYS } from '../../features/facilitators/roster.js';
import { formatDate } from '../../views/when.js';
import { type Html, html } from '../html.js';
import { type PageChrome, page } from './layout.js';

export interface RosterPageModel {
  spaceName: string | null;
  members: RosterEntry[];
  /** Whole hours until the sign-in ends (the facilitator's zone is not known: they need not be enrolled). */
  hoursLeft: number;
}

export const memberName = (displayName: string | null, id: number): string => displayName ?? `Member ${id}`;

/** Days to a row of the strip: a week, so two-digit day numbers stay apart even at 320 px or 200 % zoom. */
const STRIP_ROW_DAYS = 7;

/** One week of the strip: a row of day numbers over a row of moods, each mood headed by the day above it. */
const weekRows = (week: RosterEntry['moods']): Html =>
  html`<tr>${week.map((d) => html`<th scope="col"><abbr title="${formatDate(d.date)}">${Number(d.date.slice(8))}</abbr></th>`)}</tr>
<tr>${week.map((d) =>
    d.mood === null
      ? html`<td class="muted"><span aria-hidden="true">·</span><span class="sr-only">no answer</span></td>`
      : html`<td>${d.mood}</td>`,
  )}</tr>`;

/**
 * The 14-day mood line as a compact table rather than a chart: one cell a day, readable by a screen reader cell
 * by cell, no picture to decode at thumbnail size, and no chart render per member on every roster load.
 */
function moodStrip(m: RosterEntry): Html {
  const weeks = Array.from({ length: Math.ceil(m.moods.length / STRIP_ROW_DAYS) }, (_, i) =>
    m.moods.slice(i * STRIP_ROW_DAYS, (i + 1) * STRIP_ROW_DAYS),
  );
  return html`<table class="strip">
<caption>Mood (1-10), ${formatDate(m.from)} – ${formatDate(m.to)}</caption>
${weeks.map(weekRows)}
</table>`;
}

function memberCard(m: RosterEntry): Html {
  return html`<section class="card">
<h2><a href="/dashboard/member/${m.participantId}">${memberName(m.displayName, m.participantId)}</a></h2>
<p>Last check-in: ${m.lastCheckin ? formatDate(m.lastCheckin) : 'none yet'} · answered ${m.answeredDays} of the last ${ROSTER_DAYS} days</p>
${m.unreachable ? html`<p class="notice">Nudges stopped: I could not send this member a direct message (they may have closed DMs from server members). They can reopen them and type /resume.</p>` : ''}
${moodStrip(m)}
</section>`;
}

/** The facilitator's roster: only members who chose to share. No list of who has not answered, ever. */
export function rosterPage(m: RosterPageModel, chrome: PageChrome): string {
  return page(
    'Dashboard',
    html`<h1>${m.spaceName ?? 'Your group'}</h1>
<p class="muted">Members who chose to share their check-ins with facilitators. Each view is logged. Signed in for ${m.hoursLeft <= 1 ? 'less than an hour more' : `about ${m.hoursLeft} more hours`}.</p>
${
  m.members.length
    ? m.members.map(memberCard)
    : html`<p>No one has chosen to share yet. Members can turn sharing on with /settings sharing on, whenever they wish.</p>`
}`,
    chrome,
  );
}
