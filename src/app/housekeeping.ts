import type { AppDeps } from './deps.js';

/**
 * Expired links and browser sessions are deleted: a link that can no longer open anything is still a record that a
 * person had a check-in that day, and keeping it serves nobody. Runs hourly from the minute tick.
 */
export function housekeeping(deps: AppDeps, now: number): { links: number; sessions: number } {
  const sessions = deps.store.webSessions.deleteExpired(now);
  const links = deps.store.links.deleteExpired(now);
  if (links + sessions > 0) deps.log.debug({ links, sessions }, 'expired links and sessions removed');
  return { links, sessions };
}
