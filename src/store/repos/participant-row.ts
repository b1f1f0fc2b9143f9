/**
 * How a Participant maps to its row. PATCH_COLUMNS is the one whitelist of what `participants.update` may write:
 * its keys are checked against ParticipantPatch by the compiler (a new field will not build until it is mapped),
 * and only its column names ever reach SQL text.
 */

import type { Participant } from '../../domain/entities.js';
import type { CheckinNudgeKind, Instant, LocalDate, LocalTime, Platform } from '../../domain/types.js';
import type { ParticipantPatch } from '../../ports/store.js';

export interface ParticipantRow {
  id: number;
  space_id: number;
  platform: Platform;
  user_id: string;
  display_name: string | null;
  zone: string;
  checkin_time: LocalTime;
  quiet_start: LocalTime | null;
  quiet_end: LocalTime | null;
  paused: number;
  paused_until: LocalDate | null;
  /** Comma-separated local dates, '' for none (migration 5). */
  skip_dates: string;
  snooze_until: Instant | null;
  follow_up: number;
  consent_version: string;
  consent_at: Instant;
  share_with_facilitator: number;
  unreachable: number;
  dm_channel_id: string | null;
  last_nudge_date: LocalDate | null;
  last_nudge_at: Instant | null;
  follow_up_handled_for: LocalDate | null;
  next_due_at: Instant | null;
  next_due_kind: CheckinNudgeKind | null;
  next_due_date: LocalDate | null;
  created_at: Instant;
}

export const toParticipant = (r: ParticipantRow): Participant => ({
  id: r.id,
  spaceId: r.space_id,
  platform: r.platform,
  userId: r.user_id,
  displayName: r.display_name,
  zone: r.zone,
  checkinTime: r.checkin_time,
  quietHours:
    r.quiet_start !== null && r.quiet_end !== null ? { start: r.quiet_start, end: r.quiet_end } : null,
  paused: r.paused === 1,
  pausedUntil: r.paused_until,
  skipDates: r.skip_dates === '' ? [] : r.skip_dates.split(','),
  snoozeUntil: r.snooze_until,
  followUp: r.follow_up === 1,
  consentVersion: r.consent_version,
  consentAt: r.consent_at,
  shareWithFacilitator: r.share_with_facilitator === 1,
  unreachable: r.unreachable === 1,
  dmChannelId: r.dm_channel_id,
  lastNudgeDate: r.last_nudge_date,
  lastNudgeAt: r.last_nudge_at,
  followUpHandledFor: r.follow_up_handled_for,
  nextDueAt: r.next_due_at,
  nextDueKind: r.next_due_kind,
  nextDueDate: r.next_due_date,
  createdAt: r.created_at,
});

export type SqlValue = string | number | null;
export type ColumnValue = readonly [column: string, value: SqlValue];

type Patchable = Required<ParticipantPatch>;
export type PatchField = keyof Patchable;

const bool = (v: boolean): number => (v ? 1 : 0);

export const PATCH_COLUMNS: { readonly [K in PatchField]: (v: Patchable[K]) => ColumnValue[] } = {
  displayName: (v) => [['display_name', v]],
  zone: (v) => [['zone', v]],
  checkinTime: (v) => [['checkin_time', v]],
  quietHours: (v) => [
    ['quiet_start', v?.start ?? null],
    ['quiet_end', v?.end ?? null],
  ],
  paused: (v) => [['paused', bool(v)]],
  pausedUntil: (v) => [['paused_until', v]],
  skipDates: (v) => [['skip_dates', [...v].sort().join(',')]],
  snoozeUntil: (v) => [['snooze_until', v]],
  followUp: (v) => [['follow_up', bool(v)]],
  consentVersion: (v) => [['consent_version', v]],
  consentAt: (v) => [['consent_at', v]],
  shareWithFacilitator: (v) => [['share_with_facilitator', bool(v)]],
  unreachable: (v) => [['unreachable', bool(v)]],
  dmChannelId: (v) => [['dm_channel_id', v]],
  lastNudgeDate: (v) => [['last_nudge_date', v]],
  lastNudgeAt: (v) => [['last_nudge_at', v]],
  followUpHandledFor: (v) => [['follow_up_handled_for', v]],
  nextDueAt: (v) => [['next_due_at', v]],
  nextDueKind: (v) => [['next_due_kind', v]],
  nextDueDate: (v) => [['next_due_date', v]],
};

const isPatchField = (key: string): key is PatchField => Object.hasOwn(PATCH_COLUMNS, key);

/**
 * The columns and values a patch writes. Fields set to `undefined` are left alone; a field outside the whitelist
 * (an id, the platform user id, a typo) is refused loudly rather than ignored.
 */
export function patchToColumns(patch: ParticipantPatch): ColumnValue[] {
  const out: ColumnValue[] = [];
  for (const key of Object.keys(patch)) {
    if (!isPatchField(key)) {
      throw new Error(`participants.update: the field "${key}" cannot be changed after enrolment.`);
    }
    out.push(...encodeField(patch, key));
  }
  return out;
}

function encodeField<K extends PatchField>(patch: ParticipantPatch, key: K): ColumnValue[] {
  const value = patch[key];
  if (value === undefined) return [];
  return PATCH_COLUMNS[key](value);
}
