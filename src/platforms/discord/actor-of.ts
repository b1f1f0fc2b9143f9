import type { Caller } from '../../app/caller.js';
import type { DiscordWho } from './inbound.js';

/** Discord's MANAGE_GUILD permission bit: who may run /setup. */
const MANAGE_GUILD = 1n << 5n;

/**
 * Who is asking, as Discord told us: in a server, that server, the member's roles and permissions; in a direct
 * message, no server (the app finds the space the person enrolled in).
 */
export function callerOf(who: DiscordWho): Caller {
  return {
    platform: 'discord',
    space: who.guildId ? { externalId: who.guildId, name: who.guildName } : null,
    userId: who.userId,
    displayName: who.displayName,
    roles: {
      isFacilitator: (role) => role !== null && who.roleIds.includes(role),
      isSpaceAdmin: () => who.permissions !== null && (who.permissions & MANAGE_GUILD) === MANAGE_GUILD,
    },
  };
}
