import type { Actor } from '../../app/actor.js';
import { DIRECT_SPACE } from '../../app/caller.js';
import type { AppDeps } from '../../app/deps.js';
import { UserError } from '../../errors.js';
import { type OutMessage, text } from '../../views/message.js';
import { FACILITATOR_TEXTS as T } from './texts.js';

function requireServer(actor: Actor): void {
  if (actor.spaceExternalId === DIRECT_SPACE || actor.platform === 'console') {
    throw new UserError(
      'setup-needs-server',
      actor.platform === 'console' ? T.consoleHasNoRoles : T.setupInServer,
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
    blocks: [text(role === 'none' ? T.roleCleared : T.roleSet)],
  };
}

/** /setup show: what is configured for this space. */
export function showSetup(deps: AppDeps, actor: Actor): OutMessage {
  requireServer(actor);
  const space = deps.store.spaces.find(actor.platform, actor.spaceExternalId);
  return {
    blocks: [text(space?.facilitatorRole ? T.roleIsSet : T.noRoleYet)],
  };
}
