/**
 * The Store port. Methods are synchronous because the store is SQLite in this process: a use case can wrap several
 * calls in `store.transaction` and nothing interleaves.
 */

import type {
  ActionPlan,
  ActionStatus,
  AuditEntry,
  BrowserSession,
  Checkin,
  CheckinAnswers,
  CheckinSource,
  Delivery,
  DeliveryStatus,
  Link,
  LinkEnding,
  Note,
  NoteKind,
  Participant,
  SessionStatus,
  Space,
  TherapySession,
} from '../domain/entities.js';
import type { Instant, LocalDate, Platform } from '../domain/types.js';

export type NewParticipant = Pick<
  Participant,
  'spaceId' | 'platform' | 'userId' | 'displayName' | 'zone' | 'checkinTime' | 'consentVersion' | 'consentAt'
> &
  Partial<Pick<Participant, 'quietHours' | 'followUp' | 'shareWithFacilitator'>>;

/** The fields a use case may change after enrolment. */
export type ParticipantPatch = Partial<
  Omit<Participant, 'id' | 'spaceId' | 'platform' | 'userId' | 'createdAt'>
>;

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

/** One repository per kind of note (journal, intention): the same API, each kind kept apart from the other. */
export interface NoteRepo {
  readonly kind: NoteKind;
  add(participantId: number, localDate: LocalDate, text: string, now: Instant): Note;
  /** Newest first: by local date, then by when it was written. */
  recent(participantId: number, limit: number): Note[];
  /** Notes with `from <= localDate <= to`, oldest first. */
  between(participantId: number, from: LocalDate, to: LocalDate): Note[];
  all(participantId: number): Note[];
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

export type NewLink = Omit<Link, 'id' | 'usedAt' | 'createdAt' | 'formId'> & {
  tokenHash: Buffer;
  formId?: string | null;
};

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

export type NewBrowserSession = Omit<BrowserSession, 'id' | 'createdAt'> & { tokenHash: Buffer };

export interface BrowserSessionRepo {
  create(session: NewBrowserSession, now: Instant): BrowserSession;
  byTokenHash(tokenHash: Buffer): BrowserSession | null;
  delete(id: number): void;
  deleteExpired(now: Instant): number;
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
  /** Dated private text, one NoteRepo per kind. */
  journal: NoteRepo;
  intentions: NoteRepo;
  actions: ActionPlanRepo;
  deliveries: DeliveryRepo;
  prompts: PromptHistoryRepo;
  links: LinkRepo;
  browserSessions: BrowserSessionRepo;
  audit: AuditRepo;
  /** Run `fn` atomically: all of its writes land, or none. */
  transaction<T>(fn: () => T): T;
  /** Erase every row about the person, in every table, in one transaction. */
  forget(participantId: number): void;
  close(): void;
}
