import type { Logger } from '../src/ports/logger.js';
import type { Platforms } from '../src/run-platforms.js';
import type { RequestLogEntry } from '../test/fakes/discord/types.js';

/** What the chat benches share: the Discord requests they count, and a logger that counts warnings. */

export const OPEN_DM = (r: RequestLogEntry): boolean =>
  r.method === 'POST' && r.path === '/users/@me/channels';
export const POST_MESSAGE = (r: RequestLogEntry): boolean =>
  r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path);

/** The most entries whose arrival falls within any one-second span (two pointers over arrival order). */
export function busiestSecond(reqs: readonly { at: number }[]): number {
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < reqs.length; hi++) {
    const at = reqs[hi]?.at ?? 0;
    while ((reqs[lo]?.at ?? at) <= at - 1000) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/** The Logger port, silent, counting warnings and errors by message (a loopback fake's address taken out). */
export class CountingLogger implements Logger {
  readonly counts = new Map<string, number>();
  debug(_obj: object, _msg?: string): void {}
  info(_obj: object, _msg?: string): void {}
  warn(_obj: object, msg?: string): void {
    this.count(`warn: ${msg ?? ''}`);
  }
  error(_obj: object, msg?: string): void {
    this.count(`error: ${msg ?? ''}`);
  }
  of(key: string): number {
    return this.counts.get(key) ?? 0;
  }
  private count(msg: string): void {
    const key = msg.replace(/http:\/\/127\.0\.0\.1:\d+\/api\//g, '');
    this.counts.set(key, this.of(key) + 1);
  }
}

/** People whose next nudge is due at or before `at`. */
export const dueCount = (bot: Platforms, at: number): number =>
  bot.runtime.store.db
    .prepare<[number], number>(
      'SELECT COUNT(*) FROM participants WHERE next_due_at IS NOT NULL AND next_due_at <= ?',
    )
    .pluck()
    .get(at) ?? 0;
