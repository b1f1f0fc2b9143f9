import type { AppDeps } from '../../app/deps.js';
import { phaseFor } from '../../app/phase-of.js';
import type { Participant } from '../../domain/entities.js';
import { addDays, localDateOf } from '../../domain/local-time.js';
import type { LocalDate } from '../../domain/types.js';
import { UserError } from '../../errors.js';
import { heading, list, type OutMessage, text } from '../../views/message.js';
import { phaseNote } from '../../views/phase-notes.js';
import { sessionQuestion } from './question.js';
import { SESSION_TEXTS as T } from './texts.js';

/** How far back a session may be noted: a year before the person joined (older dates are almost always typos). */
const LOG_BACK_DAYS = 365;
/** How far ahead a session may be planned (further is almost always a mistyped year). */
const PLAN_AHEAD_DAYS = 2 * 365;

/** The earliest date a session may be noted for this person. */
export const earliestLogDate = (p: Participant): LocalDate =>
  addDays(localDateOf(p.createdAt, p.zone), -LOG_BACK_DAYS);

/**
 * Record a session that took place (today or earlier), so prompts follow where the person is. Dates arrive read
 * by the date option's kind (src/domain/option-parse.ts).
 */
export function logSession(
  deps: AppDeps,
  p: Participant,
  on: LocalDate | undefined,
  now: number,
): OutMessage {
  const today = localDateOf(now, p.zone);
  const date = on ?? today;
  if (date > today) throw new UserError('session-in-future', T.logInFuture(date));
  const earliest = earliestLogDate(p);
  if (date < earliest) throw new UserError('session-too-old', T.logTooOld(earliest));
  deps.store.transaction(() => {
    const onDate = deps.store.sessions.list(p.id).filter((s) => s.date === date);
    // Noting a planned session as done confirms it, rather than keeping a second row beside it.
    const planned = onDate.find((s) => s.status === 'planned');
    if (planned) deps.store.sessions.setStatus(p.id, planned.id, 'done');
    else if (!onDate.some((s) => s.status === 'done')) deps.store.sessions.add(p.id, date, 'done', now);
  });
  return showSessions(deps, p, now, T.noted(date));
}

/**
 * Set (or replace) the next planned session. A planned session whose day has come is left alone: it waits for
 * the person to say whether it happened.
 */
export function planNextSession(deps: AppDeps, p: Participant, date: LocalDate, now: number): OutMessage {
  const today = localDateOf(now, p.zone);
  if (date < today) throw new UserError('session-in-past', T.planInPast(date));
  const latest = addDays(today, PLAN_AHEAD_DAYS);
  if (date > latest) throw new UserError('session-too-far', T.planTooFar(latest));
  deps.store.transaction(() => {
    deps.store.sessions.clearPlanned(p.id, addDays(today, 1));
    const already = deps.store.sessions.list(p.id).some((s) => s.date === date);
    if (!already) deps.store.sessions.add(p.id, date, 'planned', now);
  });
  return showSessions(deps, p, now, T.nextSet(date));
}

/** Remove a session noted or planned by mistake (every session on that date). */
export function removeSession(deps: AppDeps, p: Participant, date: LocalDate, now: number): OutMessage {
  const removed = deps.store.sessions.removeOn(p.id, date);
  if (removed === 0) throw new UserError('no-session-on-date', T.noneOn(date));
  return showSessions(deps, p, now, T.removed(date));
}

export function showSessions(deps: AppDeps, p: Participant, now: number, lead?: string): OutMessage {
  const info = phaseFor(deps, p, now);
  const note = phaseNote(info);
  const facts = [
    info.lastSession ? T.last(info.lastSession) : T.noLast,
    info.nextSession ? T.next(info.nextSession) : T.noNext,
    T.now(info.phase),
  ];
  const question = sessionQuestion(deps, p, now);
  return {
    blocks: [
      ...(lead ? [text(lead)] : []),
      heading(T.heading),
      list(facts),
      ...(note ? [text(note)] : []),
      ...(question?.blocks ?? []),
    ],
    ...(question ? { buttons: question.buttons } : {}),
    sensitive: true,
  };
}
