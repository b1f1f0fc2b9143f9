import { UserError } from '../errors.js';
import { type OutMessage, text } from '../views/message.js';
import type { Actor } from './actor.js';
import type { AppDeps } from './deps.js';

/** The space id a direct message resolves to when the person has not enrolled anywhere yet. */
export const DIRECT_SPACE = '@direct';

function requireServer(actor: Actor): void {
  if (actor.spaceExternalId === DIRECT_SPACE || actor.platform === 'console') {
    throw new UserError(
      'setup-needs-server',
      actor.platform === 'console'
        ? 'The console has no roles: use :facilitator on to act as a facilitator.'
        : 'Run /setup inside your server, not in a direct message: the facilitator role belongs to a server.',
    );
  }
}

/**
 * /setup facilitator-role: members holding this role are the space's facilitators. `role` is read by the role
 * option's kind: a Discord role id, a Slack user group id (S0123ABCD) or Slack user ids (U…/W…) joined by commas,
 * or `none` to clear it.
 */
export function setFacilitatorRole(
  deps: AppDeps,
  actor: Actor,
  { role }: { role: string },
  now: number,
): OutMessage {
  requireServer(actor);
  const space = deps.store.spaces.ensure(actor.platform, actor.spaceExternalId, actor.spaceName, now);
  deps.store.spaces.setFacilitatorRole(space.id, role === 'none' ? null : role);
  deps.log.info({ space: space.id, by: actor.userId, cleared: role === 'none' }, 'facilitator role set');
  return {
    blocks: [
      text(
        role === 'none'
          ? 'The facilitator role is cleared: nobody here can use the facilitator commands until you set one again.'
          : 'Done. Members with that role are facilitators here: they can use /dashboard to see the members who chose to share their check-ins. Anyone who loses the role can no longer get a sign-in link.',
      ),
    ],
  };
}

/** /setup show: what is configured for this space. */
export function showSetup(deps: AppDeps, actor: Actor): OutMessage {
  requireServer(actor);
  const space = deps.store.spaces.find(actor.platform, actor.spaceExternalId);
  return {
    blocks: [
      text(
        space?.facilitatorRole
          ? 'A facilitator role is set for this server. Change it with /setup facilitator-role.'
          : 'No facilitator role is set yet. Choose one with /setup facilitator-role, so facilitators can use /dashboard.',
      ),
    ],
  };
}
