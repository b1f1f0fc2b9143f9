import { type OutMessage, text } from '../views/message.js';
import type { Actor } from './actor.js';
import type { AppDeps } from './deps.js';
import { DASHBOARD_SESSION_HOURS, issueLink } from './links.js';

/**
 * /dashboard: a one-time sign-in link for a facilitator. The link belongs to the facilitator (who need not be
 * enrolled) and their space; the reply carries no one's health data, only the link.
 */
export function dashboardLogin(deps: AppDeps, actor: Actor, now: number): OutMessage {
  const space = deps.store.spaces.ensure(actor.platform, actor.spaceExternalId, actor.spaceName, now);
  const { url } = issueLink(
    deps,
    { spaceId: space.id, userId: actor.userId, participantId: null },
    'dashboard',
    now,
  );
  return {
    blocks: [
      text(
        'Your facilitator dashboard shows the members of this group who chose to share their check-ins with you.',
      ),
      { type: 'link', label: 'Open the dashboard', url },
      text(
        `The link signs you in once, in one browser, for ${DASHBOARD_SESSION_HOURS} hours, and expires in an hour if unused. Please do not forward it. Each time you open the roster or a member's page, that view is logged.`,
      ),
    ],
  };
}
