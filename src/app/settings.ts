import type { Participant } from '../domain/entities.js';
import { localDateOf, timeInQuietHours } from '../domain/local-time.js';
import { isPausedOn } from '../domain/schedule.js';
import type { LocalTime, QuietHours } from '../domain/types.js';
import { heading, list, type OutMessage, text } from '../views/message.js';
import { SHARING_EXPLAINED } from '../views/texts.js';
import { formatInstant } from '../views/when.js';
import type { AppDeps } from './deps.js';
import { updateSchedule } from './reschedule.js';
import { SETTINGS_TEXTS } from './settings-texts.js';

const quietLabel = (q: QuietHours | null) => (q ? `${q.start}–${q.end}` : 'off');

export function showSettings(deps: AppDeps, p: Participant, now: number, lead?: string): OutMessage {
  const pausedToday = isPausedOn(p, localDateOf(now, p.zone));
  const rows = [
    `Check-in time: ${p.checkinTime} (/settings time 08:30)`,
    `Time zone: ${p.zone} (/settings zone Europe/London)`,
    SETTINGS_TEXTS.quietRow(quietLabel(p.quietHours), quietLabel(deps.settings.defaultQuietHours)),
    `Follow-up reminder: ${p.followUp ? `on, once, ${deps.settings.followUpAfterHours} h after an unanswered nudge` : 'off'} (/settings follow-up on|off)`,
    `Sharing with facilitators: ${p.shareWithFacilitator ? 'on' : 'off'} (/settings sharing on|off)`,
    `Nudges: ${pausedToday ? (p.pausedUntil ? `paused until ${p.pausedUntil}` : 'paused (/resume)') : p.unreachable ? 'stopped: I could not reach you by direct message' : 'on'}`,
  ];
  const next = p.nextDueAt ? [text(`Next nudge ${formatInstant(p.nextDueAt, p.zone)}.`)] : [];
  return { blocks: [...(lead ? [text(lead)] : []), heading('Your settings'), list(rows), ...next] };
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
  return showSettings(deps, updated, now, `Time zone set to ${zone}.`);
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
  return showSettings(
    deps,
    updated,
    now,
    on ? 'Follow-up reminders are on (at most one a day).' : 'No more follow-up reminders.',
  );
}

/**
 * Consent to share check-ins (and the reflections written in them) with the group's facilitators: opt-in, off by
 * default, and withdrawn at once. With no on/off, says what sharing means and where it stands.
 */
export function setSharing(deps: AppDeps, p: Participant, on: boolean | undefined, now: number): OutMessage {
  const explained = [heading('Sharing with facilitators'), ...SHARING_EXPLAINED.map(text)];
  if (on === undefined) {
    return {
      blocks: [
        ...explained,
        text(
          p.shareWithFacilitator
            ? 'Sharing is on. /settings sharing off stops it.'
            : 'Sharing is off. /settings sharing on turns it on.',
        ),
      ],
    };
  }
  const updated = deps.store.participants.update(p.id, { shareWithFacilitator: on });
  const lead = on
    ? "Sharing is on: your group's facilitators can now see your check-ins and reflections."
    : 'Sharing is off: facilitators can no longer see your check-ins or reflections.';
  return { blocks: [...showSettings(deps, updated, now, lead).blocks, ...explained] };
}
