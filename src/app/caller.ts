import type { Platform } from '../domain/types.js';
import type { Store } from '../ports/store.js';
import type { Actor } from './actor.js';

/**
 * Who is asking, as a platform saw them: facts only. The app decides what they mean (which space, facilitator or
 * not), so the rule is the same on every surface.
 */
export interface Caller {
  platform: Platform;
  /** The server or workspace the request came from; null in a direct message with no server (Discord DMs). */
  space: { externalId: string; name: string | null } | null;
  userId: string;
  displayName: string | null;
  roles: RoleFacts;
}

/**
 * What the platform knows about someone's roles, asked only when what runs needs it (on Slack each answer costs an
 * API call). `configuredRole` is what the space's admins chose with /setup (a Discord role id, a Slack user group
 * or list of people), or null when nobody has chosen yet.
 */
export interface RoleFacts {
  isFacilitator(configuredRole: string | null): boolean | Promise<boolean>;
  isSpaceAdmin(): boolean | Promise<boolean>;
}

/** The space of someone who enrolled in a direct message, with no server around (Discord DMs). */
export const DIRECT_SPACE = '@direct';

/** The name a person's space gets when they enrol in a direct message, with no server around. */
const DIRECT_SPACE_NAME = 'Direct messages';

export interface RoleNeeds {
  facilitator: boolean;
  admin: boolean;
}

export const NO_ROLES: RoleNeeds = { facilitator: false, admin: false };

/**
 * The app's actor for a caller. In a server or workspace: that space, with roles looked up as far as `needs` asks.
 * In a direct message: the space the person enrolled in (newest first), and nobody is a facilitator or an admin there.
 */
export async function resolveActor(store: Store, caller: Caller, needs: RoleNeeds): Promise<Actor> {
  const base = { platform: caller.platform, userId: caller.userId, displayName: caller.displayName };
  if (caller.space) {
    const role = needs.facilitator
      ? (store.spaces.find(caller.platform, caller.space.externalId)?.facilitatorRole ?? null)
      : null;
    return {
      ...base,
      spaceExternalId: caller.space.externalId,
      spaceName: caller.space.name,
      isFacilitator: needs.facilitator ? await caller.roles.isFacilitator(role) : false,
      isSpaceAdmin: needs.admin ? await caller.roles.isSpaceAdmin() : false,
    };
  }
  const enrolled = store.participants.byPlatformUser(caller.platform, caller.userId)[0];
  const space = enrolled ? store.spaces.get(enrolled.spaceId) : null;
  return {
    ...base,
    spaceExternalId: space?.externalId ?? DIRECT_SPACE,
    spaceName: space?.name ?? DIRECT_SPACE_NAME,
    isFacilitator: false,
    isSpaceAdmin: false,
  };
}

/** An actor for replying when resolving one failed (a role lookup the platform refused): no roles. */
export const plainActor = (caller: Caller): Actor => ({
  platform: caller.platform,
  spaceExternalId: caller.space?.externalId ?? DIRECT_SPACE,
  spaceName: caller.space?.name ?? DIRECT_SPACE_NAME,
  userId: caller.userId,
  displayName: caller.displayName,
  isFacilitator: false,
  isSpaceAdmin: false,
});
