import type { AppDeps } from '../../app/deps.js';
import { linkFor } from '../../app/links.js';
import type { Checkin, Participant } from '../../domain/entities.js';
import { addDays, localDateOf } from '../../domain/local-time.js';
import { heading, list, type OutMessage, quote, text } from '../../views/message.js';
import { weekTable } from '../../views/week-table.js';
import { formatDate } from '../../views/when.js';
import { SUMMARY_TEXTS as T } from './texts.js';

const avg = (xs: number[]) => (xs.length ? (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1) : '—');

/** The last 7 days as text: numbers, what was written, what is open. Kept to the person's own words. */
export function weekSummary(deps: AppDeps, p: Participant, now: number): OutMessage {
  const to = localDateOf(now, p.zone);
  const from = addDays(to, -6);
  const checkins = deps.store.checkins.between(p.id, from, to);
  const journal = deps.store.journal.between(p.id, from, to);
  const intention = deps.store.intentions.recent(p.id, 1)[0];
  const open = deps.store.actions.list(p.id, 'open');
  const days = new Set(checkins.map((c) => c.localDate)).size;
  const pick = (k: keyof Pick<Checkin, 'mood' | 'sleep' | 'energy' | 'anxiety'>) => checkins.map((c) => c[k]);
  const reflections = checkins.filter((c) => c.reflection);
  return {
    blocks: [
      heading(T.week(formatDate(from), formatDate(to))),
      text(
        days === 0
          ? T.noCheckins
          : T.averages(days, {
              mood: avg(pick('mood')),
              sleep: avg(pick('sleep')),
              energy: avg(pick('energy')),
              anxiety: avg(pick('anxiety')),
            }),
      ),
      ...weekTable(checkins, from, to).slice(1),
      ...(reflections.length
        ? [
            heading(T.reflected),
            ...reflections.flatMap((c) => [text(formatDate(c.localDate)), quote(c.reflection ?? '')]),
          ]
        : []),
      ...(journal.length
        ? [heading(T.journal), ...journal.flatMap((j) => [text(formatDate(j.localDate)), quote(j.text)])]
        : []),
      ...(intention ? [heading(T.intention), quote(intention.text)] : []),
      ...(open.length ? [heading(T.openActions), list(open.map((a) => `#${a.seq} ${a.text}`))] : []),
      {
        type: 'link',
        label: T.pageLink,
        url: linkFor(deps, p, 'reflection', now),
      },
    ],
    sensitive: true,
  };
}
