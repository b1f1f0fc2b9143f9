import { type OutMessage, text } from '../views/message.js';
import type { Actor } from './actor.js';
import type { AppDeps } from './deps.js';
import { FACILITATOR_TEXTS as T } from './facilitator-texts.js';
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
      text(T.dashboardIntro),
      { type: 'link', label: T.openDashboard, url },
      text(T.dashboardLinkRules(DASHBOARD_SESSION_HOURS)),
    ],
  };
}
