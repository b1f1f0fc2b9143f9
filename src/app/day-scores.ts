import type { Checkin } from '../domain/entities.js';
import type { LocalDate } from '../domain/types.js';

/** One day's numbers for a chart: the shape the chart renderer takes, with no free text in it at all. */
export interface DayScores {
  date: LocalDate;
  mood: number;
  sleep: number;
  energy: number;
}

/** One point per day, oldest first. A day answered twice shows its later answer, as the week table does. */
export function dayScores(checkins: readonly Checkin[]): DayScores[] {
  const byDay = new Map<LocalDate, DayScores>();
  for (const c of checkins)
    byDay.set(c.localDate, { date: c.localDate, mood: c.mood, sleep: c.sleep, energy: c.energy });
  return [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
