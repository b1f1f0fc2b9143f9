import { type DayScores, dayScores } from '../../app/day-scores.js';
import type { AppDeps } from '../../app/deps.js';
import { promptTextOf } from '../../app/prompt-text.js';
import type { ActionStatus, Participant } from '../../domain/entities.js';
import { addDays, localDateOf } from '../../domain/local-time.js';
import type { LocalDate } from '../../domain/types.js';

/** A range of days for a chart: every day from `from` to `to`, and the days that were answered. */
export interface ScoreRange {
  from: LocalDate;
  to: LocalDate;
  days: DayScores[];
}

export interface DatedText {
  date: LocalDate;
  /** The person's own words, exactly as stored. */
  text: string;
}

export interface ReflectionEntry extends DatedText {
  /** The prompt it answered, in our words; null when there was none. */
  prompt: string | null;
}

export interface ActionLine {
  seq: number;
  text: string;
  status: ActionStatus;
  /** The local date it was marked done, in the person's zone. */
  doneOn: LocalDate | null;
}

export interface ReflectionPageData {
  today: LocalDate;
  week: ScoreRange;
  month: ScoreRange;
  /** Reflections and journal entries of the last 30 days, newest first. */
  reflections: ReflectionEntry[];
  journal: DatedText[];
  intention: DatedText | null;
  /** Earlier intentions, newest first (the most recent few). */
  earlierIntentions: DatedText[];
  /** Every action plan, by number. */
  actions: ActionLine[];
  /** The person chose to share check-ins with facilitators: the page says so. */
  sharing: boolean;
}

export const WEEK_DAYS = 7;
export const MONTH_DAYS = 30;
const EARLIER_INTENTIONS = 12;

/** Everything the reflection page shows, as plain data: the person's last 7 and 30 days in their own zone. */
export function reflectionPageData(deps: AppDeps, p: Participant, now: number): ReflectionPageData {
  const { store } = deps;
  const today = localDateOf(now, p.zone);
  const monthFrom = addDays(today, -(MONTH_DAYS - 1));
  const weekFrom = addDays(today, -(WEEK_DAYS - 1));
  const checkins = store.checkins.between(p.id, monthFrom, today);
  const month = dayScores(checkins);
  const [current, ...earlier] = store.intentions.recent(p.id, EARLIER_INTENTIONS + 1);
  const dated = (x: { localDate: LocalDate; text: string }): DatedText => ({
    date: x.localDate,
    text: x.text,
  });
  return {
    today,
    week: { from: weekFrom, to: today, days: month.filter((d) => d.date >= weekFrom) },
    month: { from: monthFrom, to: today, days: month },
    reflections: checkins
      .filter((c) => c.reflection !== null && c.reflection !== '')
      .map((c) => ({ date: c.localDate, text: c.reflection ?? '', prompt: promptTextOf(c.promptId) }))
      .reverse(),
    journal: store.journal.between(p.id, monthFrom, today).map(dated).reverse(),
    intention: current ? dated(current) : null,
    earlierIntentions: earlier.map(dated),
    actions: store.actions.all(p.id).map((a) => ({
      seq: a.seq,
      text: a.text,
      status: a.status,
      doneOn: a.doneAt === null ? null : localDateOf(a.doneAt, p.zone),
    })),
    sharing: p.shareWithFacilitator,
  };
}
