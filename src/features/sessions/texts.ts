/**
 * What Interlude says about session dates: /session, its errors, and the question whether a planned session took
 * place. Written and reviewed like every other text (design principle 2).
 */
import { formatDateLong } from '../../views/when.js';

export const PHASE_NAMES = {
  'session-day': 'a session day',
  integration: 'the first days after a session',
  maintenance: 'the weeks between sessions',
  preparation: 'getting ready for your next session',
  'booster-due': 'a while since your last session',
} as const;

export const SESSION_TEXTS = {
  heading: 'Your sessions',
  noted: (date: string) => `Noted a session on ${formatDateLong(date)}.`,
  nextSet: (date: string) => `Your next session is set for ${formatDateLong(date)}.`,
  removed: (date: string) => `Removed the session on ${formatDateLong(date)}.`,
  last: (date: string) => `Last session: ${formatDateLong(date)}`,
  noLast: 'No session logged yet (/session log).',
  next: (date: string) => `Next session: ${formatDateLong(date)}`,
  noNext: 'No next session set (/session next).',
  now: (phase: keyof typeof PHASE_NAMES) => `Right now: ${PHASE_NAMES[phase]}.`,

  logInFuture: (date: string) =>
    `${formatDateLong(date)} hasn't happened yet. To plan a session, use /session next ${date}.`,
  logTooOld: (earliest: string) =>
    `That's further back than I can note. I can note sessions from ${formatDateLong(earliest)} on (a year before you joined) — please check the year.`,
  planInPast: (date: string) =>
    `${formatDateLong(date)} is already behind us. To note a session you had, use /session log ${date}.`,
  planTooFar: (latest: string) =>
    `That's further ahead than I can plan. Please give a date up to ${formatDateLong(latest)} — and check the year.`,
  noneOn: (date: string) =>
    `I don't have a session on ${formatDateLong(date)}, so there was nothing to remove. /session shows the dates I have.`,
  removeNeedsDate: 'Which session should I remove? Give its date, like /session remove 2026-12-04.',

  askToday: (date: string) =>
    `Your session was planned for today, ${formatDateLong(date)}. Once it has taken place, let me know — until then I won't treat it as done.`,
  askPast: (date: string) => `Your session was planned for ${formatDateLong(date)}. Did it happen?`,
  yes: 'Yes, it happened',
  no: "It didn't happen",
  moved: 'It moved',
  confirmed: (date: string) =>
    `Thank you — noted that your session on ${formatDateLong(date)} took place. Be gentle with yourself these first days.`,
  didNotHappen: (date: string) =>
    `Thanks for letting me know. I've taken ${formatDateLong(date)} off. When there's a new date, /session next sets it.`,
  moveTo: (date: string, example: string) =>
    `Okay — I've taken ${formatDateLong(date)} off. What's the new date? Set it with /session next, like /session next ${example}.`,
  notYet: (date: string) =>
    `${formatDateLong(date)} hasn't come yet, so I can't note it as done. I'll ask on the day.`,
  alreadyAnswered: 'That question has already been answered. /session shows your dates.',
  /** In a nudge that leaves the platform: no date, no detail, only that something is waiting (principle 1). */
  waitingPointer: 'There’s a short question waiting for you whenever you have a moment: /session.',
} as const;
