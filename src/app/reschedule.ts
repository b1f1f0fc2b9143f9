import type { Participant } from '../domain/entities.js';
import { nextDue } from '../domain/schedule.js';
import type { ParticipantPatch } from '../ports/store.js';
import type { CoreDeps } from './deps.js';

/**
 * Apply a change to a person's schedule state and store when they are next due. Every use case that touches the
 * schedule goes through here, so `next_due_at` (the planner's index) can never drift from the rules.
 */
export function updateSchedule(
  deps: CoreDeps,
  p: Participant,
  patch: ParticipantPatch,
  now: number,
): Participant {
  const next = { ...p, ...patch };
  const due = nextDue(next, now, { followUpAfterHours: deps.settings.followUpAfterHours });
  return deps.store.participants.update(p.id, {
    ...patch,
    nextDueAt: due?.at ?? null,
    nextDueKind: due?.kind ?? null,
    nextDueDate: due?.localDate ?? null,
  });
}
