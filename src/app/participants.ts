import { UserError } from '../errors.js';
import type { Participant, Recipient, Store } from '../ports.js';
import type { Actor } from './actor.js';

export function findParticipant(store: Store, actor: Actor, now: number): Participant | null {
  const space = store.spaces.ensure(actor.platform, actor.spaceExternalId, actor.spaceName, now);
  return store.participants.find(space.id, actor.userId);
}

export function requireParticipant(store: Store, actor: Actor, now: number): Participant {
  const p = findParticipant(store, actor, now);
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
