/**
 * Discord-style rate limiting: a global token bucket and per-route fixed-window buckets keyed by route + major
 * parameter, plus forced 429 storms. Every decision comes with the headers @discordjs/rest reads.
 */
import { createHash } from 'node:crypto';
import type { RateLimitSpec } from './types.js';

export const DEFAULT_ROUTE_LIMIT: RateLimitSpec = { limit: 5, windowMs: 1000 };
export const BUILT_IN_ROUTE_LIMITS: Record<string, RateLimitSpec> = {
  'POST /users/@me/channels': { limit: 50, windowMs: 1000 },
};

/**
 * Refills at `rate`/s with room for a burst of 2×rate (+10% for network jitter): @discordjs/rest allows
 * `globalRequestsPerSecond` per fixed one-second window that opens at the first request after the previous one
 * closed, so it can send up to 2×rate back to back (end of one window, start of the next) and never more than
 * rate×(T/1 s + 2) in any span T. This bucket accepts exactly that and rejects anything faster sustained.
 */
export class GlobalBucket {
  private tokens: number;
  private last = performance.now();

  constructor(private rate: number) {
    this.tokens = this.capacity;
  }

  get capacity(): number {
    return 2 * this.rate + Math.ceil(this.rate / 10);
  }

  setRate(rate: number): void {
    this.refill();
    this.rate = rate;
    this.tokens = Math.min(this.tokens, this.capacity);
  }

  /** 0 when a token is available now, else the ms until one is. */
  waitMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) * 1000) / this.rate;
  }

  take(): void {
    this.refill();
    this.tokens -= 1;
  }

  private refill(): void {
    const now = performance.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.rate) / 1000);
    this.last = now;
  }
}

interface RouteBucket {
  count: number;
  resetAt: number;
  spec: RateLimitSpec;
}

export interface RateDecision {
  headers: Record<string, string>;
  /** Set when the request must be answered 429. */
  limited: { global: boolean; retryAfterMs: number } | null;
}

export interface RateQuery {
  route: string;
  major: string;
  /** Interaction callbacks and interaction webhooks skip the global bucket and storms. */
  interaction: boolean;
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

export class RateLimiter {
  readonly global: GlobalBucket;
  private readonly buckets = new Map<string, RouteBucket>();
  private storm: { remaining: number; retryAfterMs: number; global: boolean } | null = null;
  count429 = 0;

  constructor(
    globalRate: number,
    private readonly routeDefault: RateLimitSpec,
    private readonly routeOverrides: Record<string, RateLimitSpec>,
  ) {
    this.global = new GlobalBucket(globalRate);
  }

  startStorm(count: number, retryAfterMs: number, global: boolean): void {
    this.storm = count > 0 ? { remaining: count, retryAfterMs, global } : null;
  }

  /** Decides, consumes (when allowed) and returns the response headers. */
  decide(q: RateQuery): RateDecision {
    const now = Date.now();
    const spec = this.routeOverrides[q.route] ?? this.routeDefault;
    const key = `${q.route}|${q.major}`;
    let bucket = this.buckets.get(key);
    if (!bucket || now >= bucket.resetAt) {
      bucket = { count: 0, resetAt: now + spec.windowMs, spec };
      this.buckets.set(key, bucket);
    }
    const hash = createHash('sha1').update(q.route).digest('hex').slice(0, 32);
    const headers = (remaining: number, resetAfterMs: number): Record<string, string> => ({
      'X-RateLimit-Limit': String(spec.limit),
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Reset': seconds(now + resetAfterMs),
      'X-RateLimit-Reset-After': seconds(resetAfterMs),
      'X-RateLimit-Bucket': hash,
    });
    const limited = (h: Record<string, string>, retryAfterMs: number, global: boolean): RateDecision => {
      this.count429 += 1;
      h['Retry-After'] = seconds(retryAfterMs);
      h['X-RateLimit-Scope'] = global ? 'global' : 'user';
      if (global) h['X-RateLimit-Global'] = 'true';
      return { headers: h, limited: { global, retryAfterMs } };
    };
    if (this.storm && !q.interaction) {
      const { retryAfterMs, global } = this.storm;
      this.storm.remaining -= 1;
      if (this.storm.remaining <= 0) this.storm = null;
      if (global)
        return limited(headers(spec.limit - bucket.count, bucket.resetAt - now), retryAfterMs, true);
      return limited(headers(0, retryAfterMs), retryAfterMs, false);
    }
    if (bucket.count >= spec.limit) {
      return limited(headers(0, bucket.resetAt - now), bucket.resetAt - now, false);
    }
    if (!q.interaction) {
      const waitMs = this.global.waitMs();
      if (waitMs > 0) return limited(headers(spec.limit - bucket.count, bucket.resetAt - now), waitMs, true);
      this.global.take();
    }
    bucket.count += 1;
    return { headers: headers(spec.limit - bucket.count, bucket.resetAt - now), limited: null };
  }
}
