import { UserError } from '../errors.js';
import type { Participant, Recipient, Store } from '../ports.js';
import type { Actor } from './actor.js';

/** Reads only: looking someone up never creates their space (that happens when they enrol). */
export function findParticipant(store: Store, actor: Actor): Participant | null {
  const space = store.spaces.find(actor.platform, actor.spaceExternalId);
  return space ? store.participants.find(space.id, actor.userId) : null;
}

export function requireParticipant(store: Store, actor: Actor): Participant {
  const p = findParticipant(store, actor);
  if (!p) {
    throw new UserError(
      'not-enrolled',
      "You haven't started with Interlude yet. Type /start to begin — it takes a minute, and you can stop any time.",
    );
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
