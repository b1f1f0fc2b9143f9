import type { AppDeps } from '../../app/deps.js';
import { updateSchedule } from '../../app/reschedule.js';
import type { Participant } from '../../domain/entities.js';
import { localDateOf, timeInQuietHours } from '../../domain/local-time.js';
import { isPausedOn } from '../../domain/schedule.js';
import type { LocalTime, QuietHours } from '../../domain/types.js';
import { heading, list, type OutMessage, text } from '../../views/message.js';
import { SHARING_EXPLAINED } from '../../views/texts.js';
import { formatInstant } from '../../views/when.js';
import { SETTINGS_TEXTS } from './texts.js';

const quietLabel = (q: QuietHours | null) => (q ? `${q.start}–${q.end}` : 'off');

export function showSettings(deps: AppDeps, p: Participant, now: number, lead?: string): OutMessage {
  const pausedToday = isPausedOn(p, localDateOf(now, p.zone));
  const rows = [
    SETTINGS_TEXTS.timeRow(p.checkinTime),
    SETTINGS_TEXTS.zoneRow(p.zone),
    SETTINGS_TEXTS.quietRow(quietLabel(p.quietHours), quietLabel(deps.settings.defaultQuietHours)),
    SETTINGS_TEXTS.followUpRow(p.followUp ? deps.settings.followUpAfterHours : null),
    SETTINGS_TEXTS.sharingRow(p.shareWithFacilitator),
    SETTINGS_TEXTS.nudgesRow(
      pausedToday ? { pausedUntil: p.pausedUntil } : p.unreachable ? 'unreachable' : 'on',
    ),
  ];
  const next = p.nextDueAt ? [text(SETTINGS_TEXTS.nextNudge(formatInstant(p.nextDueAt, p.zone)))] : [];
  return { blocks: [...(lead ? [text(lead)] : []), heading(SETTINGS_TEXTS.heading), list(rows), ...next] };
}

export function setCheckinTime(deps: AppDeps, p: Participant, time: LocalTime, now: number): OutMessage {
  const updated = updateSchedule(deps, p, { checkinTime: time }, now);
  // A chosen time inside quiet hours is kept as it is; only reminders and snoozes stay out of them.
  const inQuiet = timeInQuietHours(time, p.quietHours);
  return showSettings(
    deps,
    updated,
    now,
    SETTINGS_TEXTS.timeSet(time, inQuiet ? quietLabel(p.quietHours) : null),
  );
}

/** `zone` is a checked IANA name (the zone option's kind). */
export function setZone(deps: AppDeps, p: Participant, zone: string, now: number): OutMessage {
  const updated = updateSchedule(deps, p, { zone }, now);
  return showSettings(deps, updated, now, SETTINGS_TEXTS.zoneSet(zone));
}

export function setQuietHours(
  deps: AppDeps,
  p: Participant,
  quiet: QuietHours | null,
  now: number,
): OutMessage {
  const updated = updateSchedule(deps, p, { quietHours: quiet }, now);
  const keepsTime = quiet !== null && timeInQuietHours(p.checkinTime, quiet);
  return showSettings(
    deps,
    updated,
    now,
    quiet ? SETTINGS_TEXTS.quietSet(keepsTime ? p.checkinTime : null) : SETTINGS_TEXTS.quietOff,
  );
}

export function setFollowUp(deps: AppDeps, p: Participant, on: boolean, now: number): OutMessage {
  const updated = updateSchedule(deps, p, { followUp: on }, now);
  return showSettings(deps, updated, now, on ? SETTINGS_TEXTS.followUpOn : SETTINGS_TEXTS.followUpOff);
}

/**
 * Consent to share check-ins (and the reflections written in them) with the group's facilitators: opt-in, off by
 * default, and withdrawn at once. With no on/off, says what sharing means and where it stands.
 */
export function setSharing(deps: AppDeps, p: Participant, on: boolean | undefined, now: number): OutMessage {
  const explained = [heading(SETTINGS_TEXTS.sharingHeading), ...SHARING_EXPLAINED.map(text)];
  if (on === undefined) {
    return {
      blocks: [
        ...explained,
        text(p.shareWithFacilitator ? SETTINGS_TEXTS.sharingIsOn : SETTINGS_TEXTS.sharingIsOff),
      ],
    };
  }
  const updated = deps.store.participants.update(p.id, { shareWithFacilitator: on });
  const lead = on ? SETTINGS_TEXTS.sharingTurnedOn : SETTINGS_TEXTS.sharingTurnedOff;
  return { blocks: [...showSettings(deps, updated, now, lead).blocks, ...explained] };
}
