import type { AppDeps } from './deps.js';

/**
 * Expired links and browser sessions are deleted: a link that can no longer open anything is still a record that a
 * person had a check-in that day, and keeping it serves nobody. Each removed link leaves only a small ending (its
 * token's hash, purpose, why and when it ended; no person, no date) so that the link, opened again later, still
 * says it expired or was used instead of looking mistyped. Endings are pruned after LINK_ENDING_DAYS. Runs hourly
 * from the minute tick.
 */
export function housekeeping(deps: AppDeps, now: number): { links: number; sessions: number } {
  const sessions = deps.store.browserSessions.deleteExpired(now);
  const links = deps.store.links.deleteExpired(now);
  if (links + sessions > 0) deps.log.debug({ links, sessions }, 'expired links and sessions removed');
  return { links, sessions };
}
