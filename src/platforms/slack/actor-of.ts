import type { Actor } from '../../app/actor.js';
import type { Store } from '../../ports.js';
import type { SlackRoles } from './roles.js';

/** Who is asking, as Slack told us. */
export interface SlackWho {
  teamId: string;
  teamName: string | null;
  userId: string;
  userName: string | null;
}

/**
 * The app's view of a Slack user: the workspace is the space; facilitator and admin status are looked up only
 * when the command needs them (each costs a Slack call, cached for five minutes).
 */
export async function actorFor(
  store: Store,
  roles: SlackRoles,
  who: SlackWho,
  needs: { facilitator: boolean; admin: boolean },
): Promise<Actor> {
  const role = needs.facilitator ? (store.spaces.find('slack', who.teamId)?.facilitatorRole ?? null) : null;
  return {
    platform: 'slack',
    spaceExternalId: who.teamId,
    spaceName: who.teamName,
    userId: who.userId,
    displayName: who.userName,
    isFacilitator: needs.facilitator ? await roles.isFacilitator(role, who.userId) : false,
    isSpaceAdmin: needs.admin ? await roles.isAdmin(who.userId) : false,
  };
}

/** An actor for replying when the lookup itself failed: no roles. */
export const plainActor = (who: SlackWho): Actor => ({
  platform: 'slack',
  spaceExternalId: who.teamId,
  spaceName: who.teamName,
  userId: who.userId,
  displayName: who.userName,
  isFacilitator: false,
});
