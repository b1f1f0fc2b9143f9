import type { Participant } from '../domain/entities.js';
import { localDateOf } from '../domain/local-time.js';
import { type PhaseInfo, phaseOn } from '../domain/phase.js';
import type { LocalDate } from '../domain/types.js';
import type { CoreDeps } from './deps.js';

/** Where this person is in treatment on `date` (default: their today). */
export function phaseFor(deps: CoreDeps, p: Participant, now: number, date?: LocalDate): PhaseInfo {
  const today = date ?? localDateOf(now, p.zone);
  const sessions = deps.store.sessions.list(p.id).map((s) => ({ date: s.date, status: s.status }));
  return phaseOn(today, sessions, { boosterIntervalDays: deps.settings.boosterIntervalDays });
}
