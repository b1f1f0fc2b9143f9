import { updateSchedule } from '../src/app/reschedule.js';
import type { Platform } from '../src/domain/types.js';
import type { Platforms } from '../src/run-platforms.js';
import { CONSENT_VERSION } from '../src/views/texts.js';

/**
 * Enrol `userIds` in one space of a chat platform, all in UTC at `checkinTime`, through the real repositories and
 * schedule rules, in one transaction. Follow-ups are off, so the only thing due each day is the check-in nudge.
 */
export function seedDueParticipants(
  bot: Platforms,
  platform: Platform,
  space: { externalId: string; name: string },
  userIds: readonly string[],
  checkinTime: string,
  seedAt: number,
): void {
  const { store, deps } = bot.runtime;
  store.transaction(() => {
    const s = store.spaces.ensure(platform, space.externalId, space.name, seedAt);
    for (const userId of userIds) {
      const p = store.participants.create(
        {
          spaceId: s.id,
          platform,
          userId,
          displayName: null,
          zone: 'UTC',
          checkinTime,
          followUp: false,
          consentVersion: CONSENT_VERSION,
          consentAt: seedAt,
        },
        seedAt,
      );
      updateSchedule(deps, p, {}, seedAt);
    }
  });
}
