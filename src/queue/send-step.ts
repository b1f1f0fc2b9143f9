import type { Instant } from '../domain/types.js';
import type { SendResult } from '../ports/messenger.js';
import type { Sender, SendJob, SendOutcome } from '../ports/queue.js';

/** What a driver does after one attempt at a job. */
export type Step =
  /** A final outcome: sent, failed for good, or too late. */
  | { next: 'done'; outcome: SendOutcome }
  /** This attempt failed; retry after the driver's backoff. */
  | { next: 'retry'; outcome: SendOutcome & { status: 'retry' } }
  /** The platform said 429: pause every worker for `waitMs`, then try again without counting an attempt. */
  | { next: 'rate-limited'; waitMs: number };

export interface StepContext {
  now: () => Instant;
  /** 1 for the first try. */
  attempt: number;
  maxAttempts: number;
}

/**
 * One attempt at one job, the same in every driver: refuse to send after `sendBy`, send, and classify the result.
 * A thrown error from the sender counts as a failure worth retrying.
 */
export async function sendStep(job: SendJob, send: Sender, ctx: StepContext): Promise<Step> {
  if (ctx.now() > job.sendBy) return { next: 'done', outcome: { status: 'missed', at: ctx.now() } };
  let r: SendResult;
  try {
    r = await send(job);
  } catch (e) {
    r = { ok: false, permanent: false, reason: e instanceof Error ? e.message : String(e) };
  }
  const at = ctx.now();
  if (r.ok) {
    return {
      next: 'done',
      outcome: r.dmChannelId ? { status: 'sent', at, dmChannelId: r.dmChannelId } : { status: 'sent', at },
    };
  }
  if (r.permanent)
    return { next: 'done', outcome: { status: 'failed', at, reason: r.reason, permanent: true } };
  if (r.retryAfterMs !== undefined && r.retryAfterMs > 0)
    return { next: 'rate-limited', waitMs: r.retryAfterMs };
  if (ctx.attempt >= ctx.maxAttempts) {
    return { next: 'done', outcome: { status: 'failed', at, reason: r.reason, permanent: false } };
  }
  return { next: 'retry', outcome: { status: 'retry', at, reason: r.reason } };
}

/** The delay before retry number `attempt + 1`: the first backoff, doubled each time. */
export const backoffDelay = (backoffMs: number, attempt: number): number => backoffMs * 2 ** (attempt - 1);

export interface RetryPolicy {
  maxAttempts: number;
  /** The first retry's delay; it doubles each attempt. */
  backoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, backoffMs: 2_000 };
