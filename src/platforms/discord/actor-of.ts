import type { Actor } from '../../app/actor.js';
import { DIRECT_SPACE } from '../../app/space-setup.js';
import type { Store } from '../../ports.js';
import type { DiscordWho } from './inbound.js';

/** Discord's MANAGE_GUILD permission bit: who may run /setup. */
const MANAGE_GUILD = 1n << 5n;

/**
 * The app's view of who is asking. In a server: that server's space, a facilitator when the member holds the role
 * the server's admins chose, an admin with Manage Server. In a direct message there is no server: the person's
 * space is the one they enrolled in (newest first), and nobody is a facilitator or an admin there.
 */
export function actorOf(store: Store, who: DiscordWho): Actor {
  const base = { platform: 'discord' as const, userId: who.userId, displayName: who.displayName };
  if (who.guildId) {
    const space = store.spaces.find('discord', who.guildId);
    const role = space?.facilitatorRole ?? null;
    return {
      ...base,
      spaceExternalId: who.guildId,
      spaceName: who.guildName,
      isFacilitator: role !== null && who.roleIds.includes(role),
      isSpaceAdmin: who.permissions !== null && (who.permissions & MANAGE_GUILD) === MANAGE_GUILD,
    };
  }
  const enrolled = store.participants.byPlatformUser('discord', who.userId)[0];
  const space = enrolled ? store.spaces.get(enrolled.spaceId) : null;
  return {
    ...base,
    spaceExternalId: space?.externalId ?? DIRECT_SPACE,
    spaceName: space?.name ?? 'Direct messages',
    isFacilitator: false,
    isSpaceAdmin: false,
  };
}
