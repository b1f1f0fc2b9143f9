import type { Participant } from '../domain/entities.js';
import { inQuietHours } from '../domain/local-time.js';
import {
  type CheckinNudgeKind,
  type Instant,
  type LocalDate,
  MINUTE,
  type NudgeKind,
} from '../domain/types.js';
import type { DeliveryJob } from '../ports/outbox.js';
import type { ParticipantPatch } from '../ports/store.js';
import type { AppDeps } from './deps.js';
import { nudgeKind, quietHoursOf } from './nudge-kinds.js';
import { updateSchedule } from './reschedule.js';

const BATCH = 500;

export interface TickResult {
  planned: number;
  missed: number;
}

/**
 * One planner tick: take the people whose next nudge is due (an indexed query: the cost is the number due, not
 * the number enrolled), write one delivery row each on its unique key, move their schedule on, and hand the new
 * rows to the queue. A nudge that would go out later than the grace window, or a follow-up or snooze inside quiet
 * hours, is recorded as missed instead of being sent late.
 */
export async function planTick(deps: AppDeps, now: number): Promise<TickResult> {
  const result: TickResult = { planned: 0, missed: 0 };
  // Each pass moves every selected person's next_due_at past `now` or clears it; the bound only guards a bug.
  for (let pass = 0; pass < 10_000; pass++) {
    const due = deps.store.participants.due(now, BATCH);
    if (due.length === 0) break;
    const jobs = deps.store.transaction(() => due.flatMap((p) => planOne(deps, p, now, result)));
    for (const job of jobs) await deps.outbox.enqueue(job, now);
    if (due.length < BATCH) break;
    // Let the sends already handed over make progress while the rest of a busy minute is planned.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  deps.metrics?.planned(result.planned);
  deps.metrics?.late(result.missed);
  return result;
}

function planOne(deps: AppDeps, p: Participant, now: number, result: TickResult): DeliveryJob[] {
  const kind = p.nextDueKind;
  const at = p.nextDueAt;
  const date = p.nextDueDate;
  if (kind === null || at === null || date === null) return [];
  const answered = kind !== 'checkin' && deps.store.checkins.existsOn(p.id, date);
  // Quiet hours hold back what we start ourselves (follow-ups, snoozes), never the check-in time the person chose.
  const quiet = inQuietHours(now, p.zone, quietHoursOf(nudgeKind(deps.nudgeKinds, kind), p, at));
  const late = now - at > deps.settings.graceMinutes * MINUTE || quiet;
  updateSchedule(deps, p, advance(kind, at, date, late), now);
  if (answered) return [];
  const row = deps.store.deliveries.insert(
    { participantId: p.id, kind, localDate: date, dueAt: at, status: late ? 'missed' : 'pending' },
    now,
  );
  if (!row) return [];
  if (late) {
    result.missed++;
    return [];
  }
  result.planned++;
  return [{ deliveryId: row.id, key: row.key }];
}

/** How the person's schedule state moves on once an event of `kind` has been handled. */
function advance(kind: CheckinNudgeKind, at: number, date: string, missed: boolean): ParticipantPatch {
  switch (kind) {
    case 'checkin':
      return { lastNudgeDate: date, lastNudgeAt: at, ...(missed ? { followUpHandledFor: date } : {}) };
    case 'followup':
      return { followUpHandledFor: date };
    case 'snooze':
      return { snoozeUntil: null, followUpHandledFor: date };
  }
}

/** A nudge a feature plans itself (a kind of its own, on its own rule), for one person on one local date. */
export interface PlannedNudge {
  participantId: number;
  kind: NudgeKind;
  localDate: LocalDate;
  dueAt: Instant;
}

/**
 * Plan one nudge of a registered kind once it is due and hand it to the queue, which sends at once (checking the
 * kind's quiet hours and the grace window first). Planning it twice changes nothing (the row's key is person, kind
 * and date); an unregistered kind, or one not yet due, is refused. True when it was planned now.
 */
export async function planNudge(deps: AppDeps, n: PlannedNudge, now: Instant): Promise<boolean> {
  nudgeKind(deps.nudgeKinds, n.kind);
  if (n.dueAt > now) throw new Error(`the nudge ${n.kind} is planned before it is due`);
  const row = deps.store.deliveries.insert({ ...n, status: 'pending' }, now);
  if (!row) return false;
  await deps.outbox.enqueue({ deliveryId: row.id, key: row.key }, now);
  return true;
}
