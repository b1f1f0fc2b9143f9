import { z } from 'zod';
import type { AppDeps } from '../../app/deps.js';
import { updateSchedule } from '../../app/reschedule.js';
import type { Participant } from '../../domain/entities.js';
import { addDays, localDateOf, localDateSchema } from '../../domain/local-time.js';
import type { DaysOrDate } from '../../domain/option-kinds.js';
import { isPausedOn, snoozeTarget, withSkip } from '../../domain/schedule.js';
import { parseInput } from '../../domain/validation.js';
import { UserError } from '../../errors.js';
import { type OutMessage, text } from '../../views/message.js';
import { formatDateLong, formatInstant } from '../../views/when.js';
import { PAUSE_TEXTS as T } from './pause-texts.js';

/** `/pause` (until /resume), `/pause 2026-12-01` or `/pause 7d`: the option arrives read (src/domain/option-parse.ts). */
export function pause(deps: AppDeps, p: Participant, until: DaysOrDate | undefined, now: number): OutMessage {
  const today = localDateOf(now, p.zone);
  const resumeOn =
    until === undefined ? null : until.date !== undefined ? until.date : addDays(today, until.days);
  if (resumeOn !== null && resumeOn <= today) {
    throw new UserError('pause-in-past', T.pauseInPast);
  }
  updateSchedule(deps, p, { paused: true, pausedUntil: resumeOn, snoozeUntil: null }, now);
  return {
    blocks: [text(resumeOn ? T.pausedUntil(formatDateLong(resumeOn)) : T.paused)],
  };
}

export function resume(deps: AppDeps, p: Participant, now: number): OutMessage {
  if (!isPausedOn(p, localDateOf(now, p.zone)) && !p.unreachable) return { blocks: [text(T.notPaused)] };
  const updated = updateSchedule(deps, p, { paused: false, pausedUntil: null, unreachable: false }, now);
  return {
    blocks: [
      text(
        updated.nextDueAt ? T.welcomeBackNext(formatInstant(updated.nextDueAt, updated.zone)) : T.welcomeBack,
      ),
    ],
  };
}

/** Skip one day's check-in (and its follow-up). No questions, no guilt. */
export function skip(
  deps: AppDeps,
  p: Participant,
  which: 'today' | 'tomorrow' | undefined,
  now: number,
  date?: string,
): OutMessage {
  const today = localDateOf(now, p.zone);
  const day = date ? parseInput(localDateSchema, date) : which === 'tomorrow' ? addDays(today, 1) : today;
  // A nudge's skip button names its own day; an old button (or a forged id) cannot reach further back.
  if (day < addDays(today, -2) || day > addDays(today, 1)) {
    throw new UserError('skip-out-of-range', T.skipExpired);
  }
  const handled = p.lastNudgeDate === day ? { followUpHandledFor: day, snoozeUntil: null } : {};
  updateSchedule(deps, p, { skipDates: withSkip(p.skipDates, day, today), ...handled }, now);
  return {
    blocks: [text(day === today ? T.skippedToday : T.skippedOn(formatDateLong(day)))],
  };
}

const SNOOZE_CHOICES = T.snoozeChoices;
// Every step carries the kind message: zod's own ("expected int, received number") would reach the person.
const snoozeMinutes = z.coerce
  .number({ error: SNOOZE_CHOICES })
  .int({ error: SNOOZE_CHOICES })
  .refine((m) => m === 60 || m === 180, { error: SNOOZE_CHOICES });

/** Bring the day's nudge back later, once. The snoozed reminder takes the place of the follow-up. */
export function snooze(
  deps: AppDeps,
  p: Participant,
  rawMinutes: string | undefined,
  now: number,
): OutMessage {
  const minutes = parseInput(snoozeMinutes, rawMinutes, 'invalid-snooze');
  const today = localDateOf(now, p.zone);
  if (deps.store.checkins.existsOn(p.id, today)) {
    throw new UserError('already-answered', T.alreadyAnswered);
  }
  if (p.snoozeUntil !== null) {
    throw new UserError('already-snoozed', T.alreadySnoozed(formatInstant(p.snoozeUntil, p.zone)));
  }
  if (p.lastNudgeDate !== today || p.followUpHandledFor === today) {
    throw new UserError(
      'nothing-to-snooze',
      p.followUpHandledFor === today ? T.alreadyReminded : T.nothingToSnooze,
    );
  }
  const target = snoozeTarget(p, now, minutes);
  if ('refused' in target) {
    throw new UserError('snooze-in-quiet-hours', T.snoozeInQuietHours);
  }
  updateSchedule(deps, p, { snoozeUntil: target.at }, now);
  return { blocks: [text(T.snoozed(formatInstant(target.at, p.zone)))] };
}
