import { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import type { AppDeps } from '../../app/deps.js';
import { findParticipant } from '../../app/participants.js';
import { updateSchedule } from '../../app/reschedule.js';
import type { Participant } from '../../domain/entities.js';
import { localTimeSchema, zoneSchema } from '../../domain/local-time.js';
import { parseInput } from '../../domain/validation.js';
import { UserError } from '../../errors.js';
import { buttonId } from '../../views/button-id.js';
import { heading, list, notice, type OutMessage, text } from '../../views/message.js';
import { CONSENT_VERSION, consentText, NOT_EMERGENCY } from '../../views/texts.js';
import { formatInstant } from '../../views/when.js';
import { ENROL_TEXTS as T } from './enrol-texts.js';

const enrolSchema = z.object({ zone: zoneSchema, time: localTimeSchema });

/** A word that is meant as a clock time (07:00, 7:30, 19.00), even a wrong one: it is then refused as a time. */
const TIMEISH = /^\d{1,2}([:.h]\d{0,2})?$/i;

/**
 * /start's words in any order: the word that reads as a time is the time, the rest is the zone. So `/start 07:00`
 * sets the time (the zone falls back to the default, or is asked for), and `/start new york 08:00`, which the
 * console splits into zone "new" and time "york 08:00", still reads as a zone and a time.
 */
export function readStartWords(raw: { zone?: string | undefined; time?: string | undefined }): {
  zone: string | undefined;
  time: string | undefined;
} {
  const words = [raw.zone, raw.time].join(' ').trim().split(/\s+/).filter(Boolean);
  const timeAt = words.findIndex((w) => TIMEISH.test(w));
  if (timeAt === -1) {
    // No clock time: a good zone and a time we will refuse as it is ('noon'), or a zone in several words
    // ('new york'), read whole so a close match can be suggested for it.
    if (raw.zone !== undefined && zoneSchema.safeParse(raw.zone).success)
      return { zone: raw.zone, time: raw.time };
    return { zone: words.length > 0 ? words.join(' ') : undefined, time: undefined };
  }
  const time = words[timeAt];
  const zone = words.filter((_, i) => i !== timeAt).join(' ');
  return { zone: zone === '' ? undefined : zone, time };
}

/** Step one of /start: show what we store and who sees it, and ask for agreement. Writes nothing. */
export function startEnrolment(
  deps: AppDeps,
  actor: Actor,
  raw: { zone?: string | undefined; time?: string | undefined },
): OutMessage {
  const existing = findParticipant(deps.store, actor);
  if (existing) {
    return {
      blocks: [
        text(
          `You're already set up — check-ins come at ${existing.checkinTime} (${existing.zone}). Use /settings to change that, or /help to see everything.`,
        ),
      ],
    };
  }
  const words = readStartWords(raw);
  const zone = words.zone ?? deps.settings.defaultZone;
  if (!zone) {
    throw new UserError(
      'zone-needed',
      T.zoneNeeded(localTimeSchema.safeParse(words.time).data ?? deps.settings.defaultCheckinTime),
    );
  }
  const input = parseInput(enrolSchema, { zone, time: words.time ?? deps.settings.defaultCheckinTime });
  return {
    blocks: [heading(T.welcome), ...consentText(input.zone, input.time).map(text), notice(NOT_EMERGENCY)],
    buttons: [
      {
        id: buttonId('enrol.agree', { zone: input.zone, time: input.time }),
        label: T.agree,
        style: 'primary',
      },
      { id: buttonId('enrol.cancel'), label: T.notNow, style: 'secondary' },
    ],
  };
}

/** Step two: the person agreed. Record consent and plan the first nudge. */
export function confirmEnrolment(
  deps: AppDeps,
  actor: Actor,
  raw: { zone?: string; time?: string },
  now: number,
): { participant: Participant; reply: OutMessage } {
  const input = parseInput(enrolSchema, raw);
  const participant = deps.store.transaction(() => {
    const existing = findParticipant(deps.store, actor);
    if (existing) return existing;
    const space = deps.store.spaces.ensure(actor.platform, actor.spaceExternalId, actor.spaceName, now);
    const created = deps.store.participants.create(
      {
        spaceId: space.id,
        platform: actor.platform,
        userId: actor.userId,
        displayName: actor.displayName,
        zone: input.zone,
        checkinTime: input.time,
        // The clinic's default (DEFAULT_QUIET_HOURS); the person changes it in /settings.
        quietHours: deps.settings.defaultQuietHours,
        consentVersion: CONSENT_VERSION,
        consentAt: now,
      },
      now,
    );
    return updateSchedule(deps, created, {}, now);
  });
  const first = participant.nextDueAt;
  return {
    participant,
    reply: {
      blocks: [
        heading(T.set),
        text(first ? T.firstCheckin(formatInstant(first, participant.zone)) : T.setUp),
        text(T.anyTime),
        list([...T.anyTimeList]),
      ],
    },
  };
}
