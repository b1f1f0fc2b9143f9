import type { Delivery, Participant } from '../domain/entities.js';
import { inQuietHours } from '../domain/local-time.js';
import type { Instant, NudgeKind, QuietHours } from '../domain/types.js';
import type { OutMessage } from '../views/message.js';
import type { CoreDeps } from './deps.js';

/** What a nudge kind's rules see when its row comes up for sending. */
export interface NudgeContext {
  deps: CoreDeps;
  participant: Participant;
  delivery: Delivery;
  now: Instant;
}

/**
 * A kind of nudge a feature sends, registered in its Feature (`nudges`). The planner, prepareDelivery and the
 * nudge message read these; nothing shared switches on a kind, so a new nudge is a registration in its feature.
 */
export interface NudgeKindDef {
  /** Stored on each delivery row and in its key (`participant:kind:date`): never rename one that has shipped. */
  id: NudgeKind;
  /**
   * How quiet hours treat it. 'chosen-time': due at a time the person chose, it comes even inside their quiet
   * hours, though one running late into them does not; 'hold-back': never inside quiet hours (what we start).
   */
  quietHours: 'chosen-time' | 'hold-back';
  /** True when it is no longer wanted (answered already, the day skipped): the row is cancelled, not sent. */
  settled?(ctx: NudgeContext): boolean;
  /** The message: a warm line and buttons, never health content (design principle 1). */
  message(ctx: NudgeContext): OutMessage;
}

/** Every registered nudge kind by id, built once at start from the features (src/features/index.ts). */
export type NudgeKinds = ReadonlyMap<NudgeKind, NudgeKindDef>;

/** Ids go into delivery keys, which use ':' as a separator: lower-case words, dots and dashes only. */
const ID = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/;

export function nudgeKindsOf(
  features: readonly { name: string; nudges?: readonly NudgeKindDef[] }[],
): NudgeKinds {
  const kinds = new Map<NudgeKind, NudgeKindDef>();
  for (const f of features) {
    for (const k of f.nudges ?? []) {
      if (!ID.test(k.id)) throw new Error(`the nudge kind "${k.id}" of ${f.name} is not a valid id`);
      if (kinds.has(k.id)) throw new Error(`the nudge kind ${k.id} is registered twice (again by ${f.name})`);
      kinds.set(k.id, k);
    }
  }
  return kinds;
}

/** The registered kind of that id; an unknown one is a programming error (nothing may plan it). */
export function nudgeKind(kinds: NudgeKinds, id: NudgeKind): NudgeKindDef {
  const k = kinds.get(id);
  if (!k) throw new Error(`no feature registers the nudge kind ${id}`);
  return k;
}

/** The quiet hours that hold back a nudge of `kind` due at `dueAt` (see NudgeKindDef.quietHours). */
export function quietHoursOf(
  kind: Pick<NudgeKindDef, 'quietHours'>,
  p: Pick<Participant, 'quietHours' | 'zone'>,
  dueAt: Instant,
): QuietHours | null {
  const chosenInside = kind.quietHours === 'chosen-time' && inQuietHours(dueAt, p.zone, p.quietHours);
  return chosenInside ? null : p.quietHours;
}
