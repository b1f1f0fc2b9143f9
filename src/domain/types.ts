/** Milliseconds since the Unix epoch. Every instant in the domain is one of these. */
export type Instant = number;
/** A calendar date in someone's own zone, `YYYY-MM-DD`. */
export type LocalDate = string;
/** A wall-clock time in someone's own zone, `HH:MM` (24-hour). */
export type LocalTime = string;

export type Platform = 'console' | 'discord' | 'slack';

/** A span of local wall-clock time, `[start, end)`, that may wrap past midnight (22:00-07:00). */
export interface QuietHours {
  start: LocalTime;
  end: LocalTime;
}

/**
 * What a delivery row is for: the id of a nudge kind some feature registers (src/app/nudge-kinds.ts). One row per
 * (participant, kind, local date). Any id the registry knows; the app refuses the others.
 */
export type NudgeKind = string;

/** The check-in's own nudges, the ones its schedule plans (schedule.ts): the day's nudge, its follow-up, a snooze. */
export type CheckinNudgeKind = 'checkin' | 'followup' | 'snooze';

export type Phase = 'session-day' | 'integration' | 'maintenance' | 'preparation' | 'booster-due';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
