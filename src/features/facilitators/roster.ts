import { type DayScores, dayScores } from '../../app/day-scores.js';
import type { AppDeps } from '../../app/deps.js';
import { promptTextOf } from '../../app/prompt-text.js';
import type { Participant } from '../../domain/entities.js';
import { addDays, localDateOf } from '../../domain/local-time.js';
import type { LocalDate } from '../../domain/types.js';

/**
 * What a facilitator sees, and only of members of their own space who chose to share. Every read of a member's
 * data is audit-logged before the data is read: the roster (one 'view-roster' row per member shown) and a
 * member's page ('view-member').
 */

/** Who is looking: the facilitator's space and platform user id, from their dashboard session. */
export interface Viewer {
  spaceId: number;
  userId: string;
}

export const ROSTER_DAYS = 14;
export const MEMBER_DAYS = 30;

export interface RosterEntry {
  participantId: number;
  displayName: string | null;
  /** The member's own local dates: the window ends on their today. */
  from: LocalDate;
  to: LocalDate;
  /** Mood per day of the window, oldest first; null where the day was not answered. */
  moods: { date: LocalDate; mood: number | null }[];
  /** Days of the window with a check-in. */
  answeredDays: number;
  lastCheckin: LocalDate | null;
  /** Nudges stopped because the platform refused to deliver (the member closed their direct messages). */
  unreachable: boolean;
}

export interface MemberCheckin {
  date: LocalDate;
  mood: number;
  sleep: number;
  energy: number;
  anxiety: number;
  tags: string[];
  /** The member's own words, exactly as stored. */
  reflection: string | null;
  prompt: string | null;
}

export interface MemberRecord {
  participantId: number;
  displayName: string | null;
  from: LocalDate;
  to: LocalDate;
  days: DayScores[];
  /** Newest first. */
  checkins: MemberCheckin[];
}

/** A member the viewer may see: same space, still sharing. Anyone else is null, whatever the reason. */
function visibleMember(deps: AppDeps, viewer: Viewer, participantId: number): Participant | null {
  const p = deps.store.participants.get(participantId);
  return p && p.spaceId === viewer.spaceId && p.shareWithFacilitator ? p : null;
}

const audit = (deps: AppDeps, viewer: Viewer, subject: number, action: string, now: number) =>
  deps.store.audit.record({
    spaceId: viewer.spaceId,
    actorUserId: viewer.userId,
    subjectParticipantId: subject,
    action,
    at: now,
  });

/** The roster: members of the viewer's space who consented to share, by display name, with their last 14 days. */
export function rosterFor(deps: AppDeps, viewer: Viewer, now: number): RosterEntry[] {
  const { store } = deps;
  const members = store.participants.sharingInSpace(viewer.spaceId);
  store.transaction(() => {
    for (const m of members) audit(deps, viewer, m.id, 'view-roster', now);
  });
  return members.map((m) => {
    const to = localDateOf(now, m.zone);
    const from = addDays(to, -(ROSTER_DAYS - 1));
    const byDay = new Map(dayScores(store.checkins.between(m.id, from, to)).map((d) => [d.date, d.mood]));
    const moods = Array.from({ length: ROSTER_DAYS }, (_, i) => addDays(from, i)).map((date) => ({
      date,
      mood: byDay.get(date) ?? null,
    }));
    const inWindow = [...byDay.keys()];
    // Only a member with nothing in the window costs a look further back.
    const lastCheckin = inWindow.length
      ? (inWindow.at(-1) ?? null)
      : (store.checkins.all(m.id).at(-1)?.localDate ?? null);
    return {
      participantId: m.id,
      displayName: m.displayName,
      from,
      to,
      moods,
      answeredDays: byDay.size,
      lastCheckin,
      unreachable: m.unreachable,
    };
  });
}

/**
 * One member's last 30 days, check-ins and reflections (sharing covers both), for a facilitator of their space.
 * The audit row is written first; null (and no row) when the member is unknown, elsewhere or not sharing.
 */
export function viewMember(
  deps: AppDeps,
  viewer: Viewer,
  participantId: number,
  now: number,
): MemberRecord | null {
  const p = visibleMember(deps, viewer, participantId);
  if (!p) return null;
  audit(deps, viewer, p.id, 'view-member', now);
  const to = localDateOf(now, p.zone);
  const from = addDays(to, -(MEMBER_DAYS - 1));
  const checkins = deps.store.checkins.between(p.id, from, to);
  return {
    participantId: p.id,
    displayName: p.displayName,
    from,
    to,
    days: dayScores(checkins),
    checkins: checkins
      .map((c) => ({
        date: c.localDate,
        mood: c.mood,
        sleep: c.sleep,
        energy: c.energy,
        anxiety: c.anxiety,
        tags: c.tags,
        reflection: c.reflection,
        prompt: promptTextOf(c.promptId),
      }))
      .reverse(),
  };
}
