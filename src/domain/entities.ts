/** The entity model: what Interlude keeps about spaces, people and their days. The domain's vocabulary. */
import type {
  CheckinNudgeKind,
  Instant,
  LocalDate,
  LocalTime,
  NudgeKind,
  Platform,
  QuietHours,
} from './types.js';

export interface Space {
  id: number;
  platform: Platform;
  /** Discord guild id, Slack team id, or `local` for the console. */
  externalId: string;
  name: string | null;
  /** The platform group whose members are facilitators here (Discord role id, Slack user group id); null: none. */
  facilitatorRole: string | null;
  createdAt: Instant;
}

export interface Participant {
  id: number;
  spaceId: number;
  platform: Platform;
  /** The platform's user id (the console uses the name given with `:as`). */
  userId: string;
  displayName: string | null;
  zone: string;
  checkinTime: LocalTime;
  quietHours: QuietHours | null;
  /** Paused: no nudges. With `pausedUntil`, nudges resume on that local date by themselves. */
  paused: boolean;
  pausedUntil: LocalDate | null;
  /** Local dates skipped with /skip or a nudge's button: sorted, recent ones only (see domain withSkip). */
  skipDates: readonly LocalDate[];
  snoozeUntil: Instant | null;
  followUp: boolean;
  consentVersion: string;
  consentAt: Instant;
  shareWithFacilitator: boolean;
  /** A platform said this person cannot be messaged (Discord 50007); no nudges until they come back. */
  unreachable: boolean;
  /** Cached DM channel id, so a nudge costs one platform request. */
  dmChannelId: string | null;
  lastNudgeDate: LocalDate | null;
  lastNudgeAt: Instant | null;
  /** The local date whose follow-up was sent, skipped or made unnecessary. */
  followUpHandledFor: LocalDate | null;
  nextDueAt: Instant | null;
  nextDueKind: CheckinNudgeKind | null;
  nextDueDate: LocalDate | null;
  createdAt: Instant;
}

export type SessionStatus = 'done' | 'planned';

export interface TherapySession {
  id: number;
  participantId: number;
  date: LocalDate;
  status: SessionStatus;
  createdAt: Instant;
}

export type CheckinSource = 'console' | 'web' | 'chat';

export interface CheckinAnswers {
  mood: number;
  sleep: number;
  energy: number;
  anxiety: number;
  reflection: string | null;
  tags: string[];
}

export interface Checkin extends CheckinAnswers {
  id: number;
  participantId: number;
  localDate: LocalDate;
  promptId: string | null;
  source: CheckinSource;
  createdAt: Instant;
}

/** The kinds of dated private text a person writes: journal entries and intentions. */
export type NoteKind = 'journal' | 'intention';

/** Dated private text: the person's own words on a local date, sealed at rest, shown to no one else. */
export interface Note {
  id: number;
  participantId: number;
  kind: NoteKind;
  localDate: LocalDate;
  text: string;
  createdAt: Instant;
}

export type ActionStatus = 'open' | 'done' | 'dropped';

export interface ActionPlan {
  id: number;
  participantId: number;
  /** Per-person number (1, 2, 3…) that people type: `/action done 2`. */
  seq: number;
  text: string;
  status: ActionStatus;
  createdAt: Instant;
  doneAt: Instant | null;
}

export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'missed' | 'cancelled';

export interface Delivery {
  id: number;
  participantId: number;
  kind: NudgeKind;
  localDate: LocalDate;
  /** `participantId:kind:localDate`, unique: planning twice cannot double a nudge. */
  key: string;
  dueAt: Instant;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  sentAt: Instant | null;
  createdAt: Instant;
}

/** `entry`: a page form taking what a person would otherwise type into a chat (its form named by `formId`). */
export type LinkPurpose = 'checkin' | 'reflection' | 'dashboard' | 'export' | 'entry';

/**
 * A signed link to a private page, bound to one person and one purpose. Only a hash of its token is stored.
 * Patients' links carry their participant id; a facilitator's login link may belong to someone not enrolled,
 * so every link also names its space and platform user id.
 */
export interface Link {
  id: number;
  spaceId: number;
  userId: string;
  participantId: number | null;
  purpose: LinkPurpose;
  /** The day a check-in link is for. */
  localDate: LocalDate | null;
  /** The page form an `entry` link opens (journal, intention, …); null for every other purpose. */
  formId: string | null;
  expiresAt: Instant;
  usedAt: Instant | null;
  createdAt: Instant;
}

/** What is left of a link housekeeping removed: enough to tell the person truly why it no longer opens. */
export interface LinkEnding {
  purpose: LinkPurpose;
  reason: 'expired' | 'used' | 'revoked';
  endedAt: Instant;
}

/** A browser session opened from a link: an HttpOnly cookie whose hash is stored, with its CSRF token. */
export interface BrowserSession {
  id: number;
  spaceId: number;
  userId: string;
  participantId: number | null;
  purpose: LinkPurpose;
  linkId: number | null;
  csrfToken: string;
  expiresAt: Instant;
  createdAt: Instant;
}

/** Every facilitator view of a person's data: who looked, at whom, when. */
export interface AuditEntry {
  id: number;
  spaceId: number;
  actorUserId: string;
  subjectParticipantId: number;
  action: string;
  at: Instant;
}
