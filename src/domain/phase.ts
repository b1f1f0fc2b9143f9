import type { LocalDate, Phase } from './types.js';

/** A session a patient or facilitator logged. */
export interface SessionDate {
  date: LocalDate;
  status: 'done' | 'planned';
}

export interface PhaseOptions {
  /** Days after the last session before a booster is due; a clinic setting (default 42, from config). */
  boosterIntervalDays: number;
}

export interface PhaseInfo {
  phase: Phase;
  lastSession: LocalDate | null;
  nextSession: LocalDate | null;
  daysSinceLast: number | null;
  daysUntilNext: number | null;
  /** 1-based day within the integration window (1..3) when phase is 'integration', else null */
  integrationDay: number | null;
  /** The earliest planned session whose day has come but that nobody has confirmed yet (ask the person). */
  awaitingConfirmation: LocalDate | null;
}

/** How many days after a session count as "these first days" (a clinic rule of thumb, not a measured limit). */
export const INTEGRATION_DAYS = 3;
/** How many days before a scheduled session the preparation window opens. */
export const PREPARATION_DAYS = 3;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * A calendar date as a whole day count since 1970-01-01. Working in UTC on the Y-M-D parts keeps the arithmetic
 * free of any zone or daylight-saving shift: a LocalDate is already in the person's own zone.
 */
function dayNumber(date: LocalDate): number {
  const m = LOCAL_DATE.exec(date);
  if (!m) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 2025-02-30 over into March; refuse it rather than silently moving a session.
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`"${date}" is not a real calendar date`);
  }
  return Math.round(ms / MS_PER_DAY);
}

/**
 * Where someone is in treatment on `today`, from their logged sessions.
 *
 * Only a session marked done counts as having happened. A planned session is upcoming while its day is still
 * ahead; on its day it is still "next" (day-of preparation: transport, rest, who to tell), and from its day on it
 * awaits the person's word. Until they confirm it, it never moves them into session-day or integration prompts:
 * a cancelled or moved session must not be treated as one that took place. Once its day has passed unconfirmed it
 * drops out of the phase altogether. When windows overlap the order is
 * session-day > integration > preparation > booster-due > maintenance.
 */
export function phaseOn(today: LocalDate, sessions: SessionDate[], opts: PhaseOptions): PhaseInfo {
  const todayN = dayNumber(today);
  let last: { n: number; date: LocalDate } | null = null;
  let next: { n: number; date: LocalDate } | null = null;
  let unconfirmed: { n: number; date: LocalDate } | null = null;
  for (const s of sessions) {
    const n = dayNumber(s.date);
    if (s.status === 'planned' && n <= todayN && (!unconfirmed || n < unconfirmed.n)) {
      unconfirmed = { n, date: s.date };
    }
    const upcoming = s.status === 'planned' ? n >= todayN : n > todayN;
    if (upcoming) {
      if (!next || n < next.n) next = { n, date: s.date };
    } else if (s.status === 'done' && (!last || n > last.n)) {
      last = { n, date: s.date };
    }
  }

  const daysSinceLast = last ? todayN - last.n : null;
  const daysUntilNext = next ? next.n - todayN : null;
  const base = {
    lastSession: last?.date ?? null,
    nextSession: next?.date ?? null,
    daysSinceLast,
    daysUntilNext,
    integrationDay: null,
    awaitingConfirmation: unconfirmed?.date ?? null,
  };

  if (daysSinceLast === 0) return { ...base, phase: 'session-day' };
  if (daysSinceLast !== null && daysSinceLast <= INTEGRATION_DAYS) {
    return { ...base, phase: 'integration', integrationDay: daysSinceLast };
  }
  if (daysUntilNext !== null && daysUntilNext <= PREPARATION_DAYS) return { ...base, phase: 'preparation' };
  if (next === null && daysSinceLast !== null && daysSinceLast > opts.boosterIntervalDays) {
    return { ...base, phase: 'booster-due' };
  }
  return { ...base, phase: 'maintenance' };
}
