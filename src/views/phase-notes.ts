import type { PhaseInfo } from '../domain/phase.js';

/**
 * The short note that goes with where someone is in treatment, shown alongside the day's check-in. Maintenance is
 * the ordinary rhythm and needs no note. Every word here is ours and reviewed; none of it is clinical advice
 * beyond the clinic's own session-day safety rule.
 */
export function phaseNote(info: PhaseInfo): string | null {
  switch (info.phase) {
    case 'session-day':
      return (
        'Session day. Please do not drive or operate machinery until you have had a full night of sleep. ' +
        'Keep water and something light to eat close by, rest as much as you can, and go gently with yourself.'
      );
    case 'integration':
      if (info.integrationDay !== null && info.integrationDay <= 2) {
        return (
          'It is normal for your body to feel a little off in these first days after a session. ' +
          'If anything worries you, let your care team know.'
        );
      }
      return 'These first days after a session are a good time to note what you want to keep. A few words are plenty.';
    case 'preparation':
      return (
        `Your next session is ${whenNext(info.daysUntilNext)}. Worth arranging now: a ride home, time off, ` +
        'childcare if you need it, and who you would like to tell. When you are ready, you might set an intention ' +
        'for it: a direction to lean toward, not a result to reach.'
      );
    case 'booster-due':
      return (
        'It has been a while since your last session. It may be a good time to talk with your clinician ' +
        'about what comes next for you.'
      );
    case 'maintenance':
      return null;
  }
}

function whenNext(days: number | null): string {
  if (days === 1) return 'tomorrow';
  if (days === null) return 'coming up soon';
  return `in ${days} days`;
}
