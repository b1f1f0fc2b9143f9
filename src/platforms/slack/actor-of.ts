import type { Caller } from '../../app/caller.js';
import type { SlackRoles } from './roles.js';

/** Who is asking, as Slack told us. */
export interface SlackWho {
  teamId: string;
  teamName: string | null;
  userId: string;
  userName: string | null;
}

/**
 * The caller as the app reads it: the workspace is the space; facilitator and admin status are looked up only when
 * the app asks (each costs a Slack call, cached for five minutes).
 */
export const callerOf = (roles: SlackRoles, who: SlackWho): Caller => ({
  platform: 'slack',
  space: { externalId: who.teamId, name: who.teamName },
  userId: who.userId,
  displayName: who.userName,
  roles: {
    isFacilitator: (role) => roles.isFacilitator(role, who.userId),
    isSpaceAdmin: () => roles.isAdmin(who.userId),
  },
});
