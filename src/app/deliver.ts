import { inQuietHours, quietHoursStartAfter } from '../domain/local-time.js';
import { isPausedOn } from '../domain/schedule.js';
import { type Instant, MINUTE } from '../domain/types.js';
import type { SendJob, SendOutcome } from '../ports/queue.js';
import type { CoreDeps } from './deps.js';
import { quietHoursOf } from './nudge-kinds.js';
import { recipientOf } from './participants.js';
import { updateSchedule } from './reschedule.js';

/**
 * Delivery in three steps, so that the middle one needs no database and can run on any machine:
 *
 * 1. prepareDelivery (the process that owns the store): check the row still stands and build a SendJob.
 * 2. a queue worker sends it (src/queue/send-step.ts), with no store at all.
 * 3. recordOutcome (the owner again): write what happened.
 */

export type PrepareResult =
  | { kind: 'send'; job: SendJob }
  /** Not pending any more (sent, cancelled, erased): nothing to do. */
  | { kind: 'skipped' }
  | { kind: 'cancelled' }
  | { kind: 'missed' };

/**
 * Decide whether a planned nudge still goes out at `now` and, if so, build everything a worker needs to send it.
 * Safe to call twice: anything not pending is left alone.
 */
export function prepareDelivery(deps: CoreDeps, deliveryId: number, now: Instant): PrepareResult {
  const { store } = deps;
  const d = store.deliveries.get(deliveryId);
  if (d?.status !== 'pending') return { kind: 'skipped' };
  const p = store.participants.get(d.participantId);
  if (!p) return { kind: 'skipped' };
  const kind = deps.nudgeKinds.get(d.kind);
  if (!kind) {
    // A row of a kind no feature registers any more (a feature removed): never sent, and said so in the row.
    store.deliveries.markStatus(d.id, 'cancelled', `no feature sends nudges of kind ${d.kind}`);
    deps.log.warn({ delivery: d.key }, 'a planned nudge of an unregistered kind was cancelled');
    return { kind: 'cancelled' };
  }
  const ctx = { deps, participant: p, delivery: d, now };
  // isPausedOn, not `paused`: a pause with an end date lifts on that date while the flag stays set.
  if (isPausedOn(p, d.localDate) || p.unreachable || kind.settled?.(ctx)) {
    store.deliveries.markStatus(d.id, 'cancelled', null);
    return { kind: 'cancelled' };
  }
  const graceEnds = d.dueAt + deps.settings.graceMinutes * MINUTE;
  const quiet = quietHoursOf(kind, p, d.dueAt);
  if (now > graceEnds || inQuietHours(now, p.zone, quiet)) {
    store.deliveries.markStatus(d.id, 'missed', null);
    deps.metrics?.late(1);
    return { kind: 'missed' };
  }
  const quietStarts = quietHoursStartAfter(now, p.zone, quiet);
  return {
    kind: 'send',
    job: {
      deliveryId: d.id,
      key: d.key,
      to: recipientOf(store, p),
      message: kind.message(ctx),
      answerInChat: deps.settings.answerInChat,
      dueAt: d.dueAt,
      sendBy: quietStarts === null ? graceEnds : Math.min(graceEnds, quietStarts),
    },
  };
}

/**
 * Write one outcome a worker reported. Idempotent: an outcome for a row that is no longer pending (recorded
 * already, or the person erased their data meanwhile) changes nothing.
 */
export function recordOutcome(
  deps: CoreDeps,
  job: Pick<SendJob, 'deliveryId' | 'key'>,
  outcome: SendOutcome,
): void {
  const { store } = deps;
  const d = store.deliveries.get(job.deliveryId);
  if (d?.status !== 'pending' || d.key !== job.key) return;
  switch (outcome.status) {
    case 'sent': {
      const p = store.participants.get(d.participantId);
      store.transaction(() => {
        store.deliveries.markSent(d.id, outcome.at);
        if (p && outcome.dmChannelId && outcome.dmChannelId !== p.dmChannelId) {
          store.participants.update(p.id, { dmChannelId: outcome.dmChannelId });
        }
      });
      deps.metrics?.sent(Math.max(0, outcome.at - d.dueAt));
      return;
    }
    case 'retry':
      store.deliveries.recordAttempt(d.id, outcome.reason);
      return;
    case 'missed':
      store.deliveries.markStatus(d.id, 'missed', 'picked up after its send-by time');
      deps.metrics?.late(1);
      return;
    case 'failed': {
      const p = store.participants.get(d.participantId);
      store.transaction(() => {
        store.deliveries.recordAttempt(d.id, outcome.reason);
        store.deliveries.markStatus(d.id, 'failed', outcome.reason);
        if (outcome.permanent && p) updateSchedule(deps, p, { unreachable: true }, outcome.at);
      });
      deps.metrics?.failed(outcome.permanent);
      if (outcome.permanent) {
        deps.log.warn(
          { participant: d.participantId, delivery: d.key, reason: outcome.reason },
          'participant unreachable',
        );
      } else {
        deps.log.warn({ delivery: d.key, reason: outcome.reason }, 'delivery gave up after retries');
      }
      return;
    }
  }
}
