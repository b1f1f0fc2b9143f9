/**
 * The interfaces the app layer needs. Adapters (src/store, src/queue, src/platforms) implement them; use cases
 * take them as arguments. Store methods are synchronous because the store is SQLite in this process: a use case
 * can wrap several calls in `store.transaction` and nothing interleaves.
 */
import type { Instant, LocalDate, LocalTime, NudgeKind, Platform, QuietHours } from './domain/types.js';

// ---------------------------------------------------------------------------------------------------- records

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
  nextDueKind: NudgeKind | null;
  nextDueDate: LocalDate | null;
  createdAt: Instant;
}

export type NewParticipant = Pick<
  Participant,
  'spaceId' | 'platform' | 'userId' | 'displayName' | 'zone' | 'checkinTime' | 'consentVersion' | 'consentAt'
> &
  Partial<Pick<Participant, 'quietHours' | 'followUp' | 'shareWithFacilitator'>>;

/** The fields a use case may change after enrolment. */
export type ParticipantPatch = Partial<
  Omit<Participant, 'id' | 'spaceId' | 'platform' | 'userId' | 'createdAt'>
>;

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

export interface JournalEntry {
  id: number;
  participantId: number;
  localDate: LocalDate;
  text: string;
  createdAt: Instant;
}

export interface Intention {
  id: number;
  participantId: number;
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

// ---------------------------------------------------------------------------------------------------- store

export interface SpaceRepo {
  /** The space for this platform and external id, created on first sight. */
  ensure(platform: Platform, externalId: string, name: string | null, now: Instant): Space;
  /** The space, if it exists; reads only. */
  find(platform: Platform, externalId: string): Space | null;
  get(id: number): Space | null;
  setFacilitatorRole(id: number, role: string | null): Space;
}

export interface ParticipantRepo {
  create(p: NewParticipant, now: Instant): Participant;
  get(id: number): Participant | null;
  find(spaceId: number, userId: string): Participant | null;
  /** Every enrolment of a platform user, newest first (a direct message names no space). */
  byPlatformUser(platform: Platform, userId: string): Participant[];
  update(id: number, patch: ParticipantPatch): Participant;
  /** People in a space who chose to share their check-ins with facilitators, by display name. */
  sharingInSpace(spaceId: number): Participant[];
  /** Participants whose next due instant is at or before `now`, earliest first (indexed, no scan). */
  due(now: Instant, limit: number): Participant[];
  count(): number;
}

export interface SessionRepo {
  add(participantId: number, date: LocalDate, status: SessionStatus, now: Instant): TherapySession;
  /** All of a person's sessions, oldest first. */
  list(participantId: number): TherapySession[];
  /** Remove planned sessions dated `fromDate` or later (a new next session replaces the old plan). */
  clearPlanned(participantId: number, fromDate: LocalDate): void;
  /** Mark one of this person's sessions done or planned; false when they have no session with that id. */
  setStatus(participantId: number, id: number, status: SessionStatus): boolean;
  /** Remove one of this person's sessions by id; false when there was none. */
  removeById(participantId: number, id: number): boolean;
  /** Remove this person's sessions on a date; how many there were. */
  removeOn(participantId: number, date: LocalDate): number;
}

export interface CheckinRepo {
  add(
    participantId: number,
    localDate: LocalDate,
    answers: CheckinAnswers,
    promptId: string | null,
    source: CheckinSource,
    now: Instant,
  ): Checkin;
  /** Check-ins with `from <= localDate <= to`, oldest first. */
  between(participantId: number, from: LocalDate, to: LocalDate): Checkin[];
  existsOn(participantId: number, localDate: LocalDate): boolean;
  all(participantId: number): Checkin[];
}

export interface JournalRepo {
  add(participantId: number, localDate: LocalDate, text: string, now: Instant): JournalEntry;
  /** Newest first. */
  recent(participantId: number, limit: number): JournalEntry[];
  between(participantId: number, from: LocalDate, to: LocalDate): JournalEntry[];
  all(participantId: number): JournalEntry[];
}

export interface IntentionRepo {
  add(participantId: number, localDate: LocalDate, text: string, now: Instant): Intention;
  /** Newest first. */
  recent(participantId: number, limit: number): Intention[];
  all(participantId: number): Intention[];
}

export interface ActionPlanRepo {
  add(participantId: number, text: string, now: Instant): ActionPlan;
  list(participantId: number, status?: ActionStatus): ActionPlan[];
  bySeq(participantId: number, seq: number): ActionPlan | null;
  setStatus(id: number, status: ActionStatus, now: Instant): ActionPlan;
  all(participantId: number): ActionPlan[];
}

export interface DeliveryRepo {
  /** Insert on the unique key; returns null when the row already existed (nothing changes then). */
  insert(
    d: Omit<Delivery, 'id' | 'key' | 'attempts' | 'lastError' | 'sentAt' | 'createdAt'>,
    now: Instant,
  ): Delivery | null;
  get(id: number): Delivery | null;
  byKey(key: string): Delivery | null;
  pending(limit: number): Delivery[];
  markSent(id: number, now: Instant): void;
  markStatus(id: number, status: DeliveryStatus, error: string | null): void;
  recordAttempt(id: number, error: string | null): void;
  forParticipant(participantId: number): Delivery[];
}

export interface PromptHistoryRepo {
  /** The prompt already chosen for that person and local date, if any. */
  forDate(participantId: number, localDate: LocalDate): string | null;
  /** Prompt ids shown with `from <= localDate <= to`. */
  shownBetween(participantId: number, from: LocalDate, to: LocalDate): string[];
  record(participantId: number, localDate: LocalDate, promptId: string): void;
}

export type LinkPurpose = 'checkin' | 'reflection' | 'dashboard' | 'export';

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
  expiresAt: Instant;
  usedAt: Instant | null;
  createdAt: Instant;
}

export type NewLink = Omit<Link, 'id' | 'usedAt' | 'createdAt'> & { tokenHash: Buffer };

/** What is left of a link housekeeping removed: enough to tell the person truly why it no longer opens. */
export interface LinkEnding {
  purpose: LinkPurpose;
  reason: 'expired' | 'used' | 'revoked';
  endedAt: Instant;
}

export interface LinkRepo {
  create(link: NewLink, now: Instant): Link;
  byTokenHash(tokenHash: Buffer): Link | null;
  get(id: number): Link | null;
  /** Mark used if it was not already; false when someone used it first (one submit per link). */
  markUsed(id: number, now: Instant): boolean;
  /** Delete links expired at or before `now`, leaving a LinkEnding for each; old endings are pruned. */
  deleteExpired(now: Instant): number;
  /** The ending of a removed link, while it is kept. */
  endingByTokenHash(tokenHash: Buffer): LinkEnding | null;
}

/** A browser session opened from a link: an HttpOnly cookie whose hash is stored, with its CSRF token. */
export interface WebSession {
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

export type NewWebSession = Omit<WebSession, 'id' | 'createdAt'> & { tokenHash: Buffer };

export interface WebSessionRepo {
  create(session: NewWebSession, now: Instant): WebSession;
  byTokenHash(tokenHash: Buffer): WebSession | null;
  delete(id: number): void;
  deleteExpired(now: Instant): number;
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

export interface AuditRepo {
  record(entry: Omit<AuditEntry, 'id'>): AuditEntry;
  forSubject(participantId: number): AuditEntry[];
  forSpace(spaceId: number, limit: number): AuditEntry[];
}

export interface Store {
  spaces: SpaceRepo;
  participants: ParticipantRepo;
  sessions: SessionRepo;
  checkins: CheckinRepo;
  journal: JournalRepo;
  intentions: IntentionRepo;
  actions: ActionPlanRepo;
  deliveries: DeliveryRepo;
  prompts: PromptHistoryRepo;
  links: LinkRepo;
  webSessions: WebSessionRepo;
  audit: AuditRepo;
  /** Run `fn` atomically: all of its writes land, or none. */
  transaction<T>(fn: () => T): T;
  /** Erase every row about the person, in every table, in one transaction. */
  forget(participantId: number): void;
  close(): void;
}

// ---------------------------------------------------------------------------------------------------- delivery

export type {
  ChannelPosts,
  ChannelRef,
  DeliveryJob,
  DeliveryMetrics,
  DoneResult,
  Messenger,
  Outbox,
  OutcomeHandler,
  PostedRef,
  PostResult,
  Queue,
  Recipient,
  Sender,
  SendFailure,
  SendJob,
  SendOptions,
  SendOutcome,
  SendResult,
  SubmitResult,
} from './delivery-ports.js';

export interface Clock {
  now(): Instant;
}

export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
