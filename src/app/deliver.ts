import { inQuietHours } from '../domain/local-time.js';
import { isPausedOn } from '../domain/schedule.js';
import { MINUTE } from '../domain/types.js';
import type { DeliveryJob, Messenger } from '../ports.js';
import { nudgeMessage } from '../views/nudge.js';
import type { AppDeps } from './deps.js';
import { linkFor } from './links.js';
import { recipientOf } from './participants.js';
import { updateSchedule } from './reschedule.js';

/** Thrown for a failure worth retrying; the queue backs off and tries again. */
export class RetryableDeliveryError extends Error {
  constructor(
    reason: string,
    readonly retryAfterMs?: number,
  ) {
    super(reason);
  }
}

export type DeliveryOutcome = 'sent' | 'missed' | 'cancelled' | 'failed' | 'skipped';

/**
 * Send one planned nudge. Safe to call twice for the same row: anything not pending is left alone, and the
 * delivery key goes to the platform as an idempotency key.
 */
export async function deliver(
  deps: AppDeps,
  messenger: Messenger,
  job: DeliveryJob,
  now: number,
): Promise<DeliveryOutcome> {
  const { store } = deps;
  const d = store.deliveries.get(job.deliveryId);
  if (d?.status !== 'pending') return 'skipped';
  const p = store.participants.get(d.participantId);
  if (!p) return 'skipped';
  // isPausedOn, not `paused`: a pause with an end date lifts on that date while the flag stays set.
  const stopped = isPausedOn(p, d.localDate) || p.unreachable || p.skipDate === d.localDate;
  if (stopped || store.checkins.existsOn(p.id, d.localDate)) {
    store.deliveries.markStatus(d.id, 'cancelled', null);
    return 'cancelled';
  }
  if (now - d.dueAt > deps.settings.graceMinutes * MINUTE || inQuietHours(now, p.zone, p.quietHours)) {
    store.deliveries.markStatus(d.id, 'missed', null);
    return 'missed';
  }
  const url = linkFor(deps, p, 'checkin', now, d.localDate);
  const result = await messenger.sendDirect(recipientOf(store, p), nudgeMessage(d, url), {
    idempotencyKey: d.key,
  });
  if (result.ok) {
    store.transaction(() => {
      store.deliveries.markSent(d.id, now);
      if (result.dmChannelId && result.dmChannelId !== p.dmChannelId) {
        store.participants.update(p.id, { dmChannelId: result.dmChannelId });
      }
    });
    return 'sent';
  }
  if (result.permanent) {
    store.transaction(() => {
      store.deliveries.markStatus(d.id, 'failed', result.reason);
      updateSchedule(deps, p, { unreachable: true }, now);
    });
    deps.log.warn({ participant: p.id, delivery: d.key, reason: result.reason }, 'participant unreachable');
    return 'failed';
  }
  store.deliveries.recordAttempt(d.id, result.reason);
  throw new RetryableDeliveryError(result.reason, result.retryAfterMs);
}

/** After a restart: rows planned but never sent go out once if still within the grace window, else become missed. */
export async function recoverPending(deps: AppDeps): Promise<number> {
  let n = 0;
  for (const d of deps.store.deliveries.pending(100_000)) {
    await deps.queue.enqueue({ deliveryId: d.id, key: d.key });
    n++;
  }
  return n;
}
