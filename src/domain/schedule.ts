import { addDays, inQuietHours, localDateOf, resolveLocal } from './local-time.js';
import type { CheckinNudgeKind, Instant, LocalDate, LocalTime, QuietHours } from './types.js';
import { HOUR, MINUTE } from './types.js';

/** The schedule fields of a participant. A structural subset of `Participant`, which fits it as it is. */
export interface ScheduleState {
  zone: string;
  checkinTime: LocalTime;
  quietHours: QuietHours | null;
  paused: boolean;
  pausedUntil: LocalDate | null;
  /** Local dates the person skipped (sorted, only recent ones kept: see withSkip). */
  skipDates: readonly LocalDate[];
  snoozeUntil: Instant | null;
  followUp: boolean;
  unreachable: boolean;
  lastNudgeDate: LocalDate | null;
  lastNudgeAt: Instant | null;
  followUpHandledFor: LocalDate | null;
}

export interface ScheduleOptions {
  /** Hours after a check-in nudge that its one follow-up is due (config; default 3). */
  followUpAfterHours: number;
}

export interface DueEvent {
  kind: CheckinNudgeKind;
  at: Instant;
  /** The person's local date the nudge belongs to (part of the delivery key). */
  localDate: LocalDate;
}

/** How far ahead a check-in is looked for before giving up (a pause longer than this schedules nothing). */
const SEARCH_DAYS = 400;

/** No nudges on a skipped day, nor its follow-up or snooze. */
export function isSkipped(s: Pick<ScheduleState, 'skipDates'>, date: LocalDate): boolean {
  return s.skipDates.includes(date);
}

/** How far back a skip is kept: a nudge's own skip button may name a day up to two days ago. */
const SKIP_KEEP_DAYS = 2;

/**
 * The skipped dates once `day` is added: every skip still ahead or recent stays (so `/skip` then `/skip tomorrow`
 * keeps both), and older ones are pruned, which keeps the set to a handful of dates.
 */
export function withSkip(dates: readonly LocalDate[], day: LocalDate, today: LocalDate): LocalDate[] {
  const oldest = addDays(today, -SKIP_KEEP_DAYS);
  return [...new Set([...dates, day])].filter((d) => d >= oldest).sort();
}

/** No nudges on a paused day. A pause with an end date lifts on that date itself. */
export function isPausedOn(s: ScheduleState, date: LocalDate): boolean {
  return s.paused && (s.pausedUntil === null || date < s.pausedUntil);
}

/**
 * The next check-in: the first local date after the last one nudged, not skipped, not paused, whose check-in
 * instant has not passed. Requiring a later date than the last nudge is what keeps a fall-back day (the time
 * occurs twice) to one check-in.
 */
function nextCheckin(s: ScheduleState, now: Instant): DueEvent | null {
  const today = localDateOf(now, s.zone);
  const limit = addDays(today, SEARCH_DAYS);
  // Yesterday too: a time resolved across a gap can land on the next calendar day in exotic zone histories.
  let date = addDays(today, -1);
  if (s.lastNudgeDate !== null && s.lastNudgeDate >= date) date = addDays(s.lastNudgeDate, 1);
  while (date <= limit) {
    if (isPausedOn(s, date)) {
      // Jump straight to the end of the pause rather than walking day by day (pausedUntil is set here).
      date = s.pausedUntil ?? addDays(limit, 1);
      continue;
    }
    if (!isSkipped(s, date)) {
      const at = resolveLocal(date, s.checkinTime, s.zone);
      if (at >= now) return { kind: 'checkin', at, localDate: date };
    }
    date = addDays(date, 1);
  }
  return null;
}

/**
 * The one follow-up for the last check-in, when it is wanted and still open. It may lie in the past (the process
 * was down): it is returned anyway and the planner decides whether it is too late.
 */
function followUpFor(
  s: ScheduleState,
  nextCheckinAt: Instant | null,
  opts: ScheduleOptions,
): DueEvent | null {
  const date = s.lastNudgeDate;
  if (!s.followUp || date === null || s.lastNudgeAt === null) return null;
  if (s.followUpHandledFor === date || s.snoozeUntil !== null) return null;
  if (isSkipped(s, date) || isPausedOn(s, date)) return null;
  const at = s.lastNudgeAt + opts.followUpAfterHours * HOUR;
  // Gentle by design: a follow-up that would land in quiet hours, or crowd the next check-in, is dropped, not moved.
  if (inQuietHours(at, s.zone, s.quietHours)) return null;
  if (nextCheckinAt !== null && at >= nextCheckinAt) return null;
  return { kind: 'followup', at, localDate: date };
}

function snoozed(s: ScheduleState): DueEvent | null {
  if (s.snoozeUntil === null) return null;
  const localDate = s.lastNudgeDate ?? localDateOf(s.snoozeUntil, s.zone);
  // A skip or pause taken after snoozing wins over the snooze.
  if (isSkipped(s, localDate) || isPausedOn(s, localDate)) return null;
  return { kind: 'snooze', at: s.snoozeUntil, localDate };
}

/**
 * When the person is next due a nudge, and of which kind: the earliest of their next check-in, the follow-up to
 * the last one, and a snooze. Null when nothing is due (unreachable, paused until /resume, nothing in range).
 * On a tie the check-in wins, so handling the other event first can never step past that day's check-in.
 */
export function nextDue(s: ScheduleState, now: Instant, opts: ScheduleOptions): DueEvent | null {
  if (s.unreachable) return null;
  if (s.paused && s.pausedUntil === null) return null;
  const checkin = nextCheckin(s, now);
  const candidates = [checkin, followUpFor(s, checkin?.at ?? null, opts), snoozed(s)];
  let best: DueEvent | null = null;
  for (const c of candidates) if (c !== null && (best === null || c.at < best.at)) best = c;
  return best;
}

export type SnoozeResult = { at: Instant } | { refused: 'quiet-hours' };

/**
 * When a snooze of `minutes` from `now` would end; refused when that lands in the person's quiet hours. Rounded up
 * to the whole minute: the planner ticks on whole minutes and replies name the minute, so both agree (a snooze
 * pressed at 08:01:30 says 09:02 and comes at 09:02, never shorter than asked).
 */
export function snoozeTarget(
  s: Pick<ScheduleState, 'zone' | 'quietHours'>,
  now: Instant,
  minutes: number,
): SnoozeResult {
  const at = Math.ceil((now + minutes * MINUTE) / MINUTE) * MINUTE;
  if (inQuietHours(at, s.zone, s.quietHours)) return { refused: 'quiet-hours' };
  return { at };
}
