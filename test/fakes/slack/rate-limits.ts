/**
 * Slack-style rate limiting: one token bucket per method per workspace (by tier), chat.postMessage's special
 * limit (per channel + a workspace ceiling), and forced 429 storms. A limited call gets HTTP 429 with an integer
 * Retry-After (seconds, at least 1), which is all Slack sends and all the WebClient reads.
 */
import type { BucketSpec, FakeSlackLimits, SlackTier } from './types.js';

export const DEFAULT_TIERS: Record<SlackTier, BucketSpec> = {
  1: { perMinute: 1, burst: 3 },
  2: { perMinute: 20, burst: 20 },
  3: { perMinute: 50, burst: 50 },
  4: { perMinute: 100, burst: 100 },
};

/** As documented on each method's page (auth.test is "Special"; treated as Tier 4). */
export const METHOD_TIERS: Record<string, SlackTier> = {
  'apps.connections.open': 1,
  'auth.test': 4,
  'chat.postEphemeral': 4,
  'chat.update': 3,
  'chat.delete': 3,
  'conversations.open': 3,
  'conversations.info': 3,
  'files.completeUploadExternal': 4,
  'files.getUploadURLExternal': 4,
  'pins.add': 2,
  'usergroups.users.list': 2,
  'usergroups.list': 2,
  'users.info': 4,
  'users.lookupByEmail': 3,
  'views.open': 4,
  'views.push': 4,
  'views.update': 4,
  'views.publish': 4,
};

export const DEFAULT_POST_PER_CHANNEL: BucketSpec = { perMinute: 60, burst: 3 };
export const DEFAULT_POST_WORKSPACE: BucketSpec = { perMinute: 300, burst: 30 };

class Bucket {
  private tokens: number;
  private last = performance.now();

  constructor(
    private readonly spec: BucketSpec,
    private readonly scale: number,
  ) {
    this.tokens = spec.burst;
  }

  /** 0 when a token is available now, else ms until one is. */
  waitMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) * 60_000) / (this.spec.perMinute * this.scale);
  }

  take(): void {
    this.refill();
    this.tokens -= 1;
  }

  private refill(): void {
    const now = performance.now();
    const perMs = (this.spec.perMinute * this.scale) / 60_000;
    this.tokens = Math.min(this.spec.burst, this.tokens + (now - this.last) * perMs);
    this.last = now;
  }
}

export interface RateDecision {
  /** Retry-After in whole seconds when the call must be answered 429, else null. */
  retryAfterSec: number | null;
}

export class RateLimiter {
  private limits: FakeSlackLimits | false;
  private readonly buckets = new Map<string, Bucket>();
  private storm: { remaining: number; retryAfterSec: number } | null = null;
  count429 = 0;

  constructor(limits: FakeSlackLimits | false) {
    this.limits = limits;
  }

  /** Replaces the limits (buckets start full again). */
  setLimits(limits: FakeSlackLimits | false): void {
    this.limits = limits;
    this.buckets.clear();
  }

  startStorm(count: number, retryAfterSec: number): void {
    this.storm = count > 0 ? { remaining: count, retryAfterSec } : null;
  }

  /** Decides and, when allowed, consumes. `channel` is the resolved channel of a chat.postMessage. */
  decide(method: string, channel?: string): RateDecision {
    if (this.storm) {
      const { retryAfterSec } = this.storm;
      this.storm.remaining -= 1;
      if (this.storm.remaining <= 0) this.storm = null;
      return this.limited(retryAfterSec);
    }
    if (this.limits === false) return { retryAfterSec: null };
    const buckets =
      method === 'chat.postMessage'
        ? [
            this.bucket(
              `post|${channel ?? '?'}`,
              this.limits.postMessagePerChannel ?? DEFAULT_POST_PER_CHANNEL,
            ),
            this.bucket('post|workspace', this.limits.postMessageWorkspace ?? DEFAULT_POST_WORKSPACE),
          ]
        : [this.bucket(`method|${method}`, this.specFor(method, this.limits))];
    const waitMs = Math.max(...buckets.map((b) => b.waitMs()));
    if (waitMs > 0) return this.limited(Math.max(1, Math.ceil(waitMs / 1000)));
    for (const b of buckets) b.take();
    return { retryAfterSec: null };
  }

  private limited(retryAfterSec: number): RateDecision {
    this.count429 += 1;
    return { retryAfterSec };
  }

  private specFor(method: string, limits: FakeSlackLimits): BucketSpec {
    const chosen = limits.methods?.[method] ?? METHOD_TIERS[method] ?? limits.defaultTier ?? 3;
    if (typeof chosen === 'object') return chosen;
    return limits.tiers?.[chosen] ?? DEFAULT_TIERS[chosen];
  }

  private bucket(key: string, spec: BucketSpec): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      b = new Bucket(spec, this.limits === false ? 1 : (this.limits.scale ?? 1));
      this.buckets.set(key, b);
    }
    return b;
  }
}
