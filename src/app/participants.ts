import type { Participant } from '../domain/entities.js';
import type { Platform } from '../domain/types.js';
import { UserError } from '../errors.js';
import type { Recipient } from '../ports/messenger.js';
import type { Store } from '../ports/store.js';
import type { Actor } from './actor.js';
import { ROUTING_TEXTS } from './routing-texts.js';

/**
 * The person asking, enrolled in this space or, failing that, anywhere on the same platform (Discord and Slack user
 * ids are unique platform-wide): someone who enrolled by DM and then types a command in their group's server is
 * the same person, not a newcomer to enrol twice. Reads only: looking someone up never creates their space.
 */
export function findParticipant(store: Store, actor: Actor): Participant | null {
  const space = store.spaces.find(actor.platform, actor.spaceExternalId);
  const here = space ? store.participants.find(space.id, actor.userId) : null;
  return here ?? store.participants.byPlatformUser(actor.platform, actor.userId)[0] ?? null;
}

export function requireParticipant(store: Store, actor: Actor): Participant {
  const p = findParticipant(store, actor);
  if (!p) {
    throw new UserError('not-enrolled', ROUTING_TEXTS.notEnrolled);
  }
  return p;
}

export function recipientOf(store: Store, p: Participant): Recipient {
  const space = store.spaces.get(p.spaceId);
  return {
    platform: p.platform,
    spaceExternalId: space?.externalId ?? '',
    userId: p.userId,
    dmChannelId: p.dmChannelId,
  };
}

/**
 * Whether a conversation is this person's own DM with Interlude: the id the platform gave when the DM was opened
 * for them, cached on their enrolment. Unknown (not enrolled, or no nudge has opened the DM yet): false, so a
 * reply there stays private, at no cost of a platform call.
 */
export const isOwnDm = (store: Store, platform: Platform, userId: string, conversationId: string): boolean =>
  store.participants.byPlatformUser(platform, userId).some((p) => p.dmChannelId === conversationId);
