import type { Actor } from '../../app/actor.js';
import type { AppDeps } from '../../app/deps.js';
import { DASHBOARD_SESSION_HOURS, issueLink } from '../../app/links.js';
import { type OutMessage, text } from '../../views/message.js';
import { FACILITATOR_TEXTS as T } from './texts.js';

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
