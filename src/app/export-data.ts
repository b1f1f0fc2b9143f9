import type { Participant } from '../domain/entities.js';
import type { Store } from '../ports/store.js';
import { toCsv } from '../views/csv.js';
import type { Attachment, OutMessage } from '../views/message.js';
import { text } from '../views/message.js';
import type { AppDeps, CoreDeps } from './deps.js';
import { linkFor, linkTtlHours } from './links.js';
import { EXPORT_HERE } from './privacy-texts.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * A feature's part of /export: its named sections of the JSON for one person (decrypted, as plain data) and its
 * CSV files, built from those sections so the files match the JSON.
 */
export interface ExportPart {
  /**
   * Where its sections stand in the JSON and its files among the CSVs, lower first; unranked parts come after,
   * in the order of the features. The numbers keep the layout of interlude-export-v1 as it shipped.
   */
  rank?: { json: number; files: number };
  collect(store: Store, p: Participant): Record<string, unknown>;
  /** Its CSV files from the export's data, in which its own sections are found by their names. */
  files?(data: Record<string, unknown>): Attachment[];
}

/** One CSV file of an export: RFC 4180, every value exactly as stored. */
export const csvAttachment = (
  filename: string,
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
): Attachment => ({ filename, contentType: 'text/csv; charset=utf-8', data: toCsv(header, rows) });

/** The export parts of every feature, each with its owner's name, in feature order. */
export type ExportParts = readonly { owner: string; part: ExportPart }[];

/** The part of the export the app itself keeps: the format, the person's profile and every nudge planned. */
export type ExportCore = {
  exportedFormat: 'interlude-export-v1';
  profile: ReturnType<typeof profileOf>;
  nudges: ReturnType<typeof nudgesOf>;
};

/** The whole export: the core, and every feature's sections by name. */
export type PersonDataOf = ExportCore & Record<string, unknown>;

const byRank = (key: 'json' | 'files') => (parts: ExportParts) =>
  [...parts].sort(
    (a, b) =>
      (a.part.rank?.[key] ?? Number.POSITIVE_INFINITY) - (b.part.rank?.[key] ?? Number.POSITIVE_INFINITY),
  );

function profileOf(store: Store, p: Participant) {
  const space = store.spaces.get(p.spaceId);
  return {
    platform: p.platform,
    space: space ? { externalId: space.externalId, name: space.name } : null,
    userId: p.userId,
    displayName: p.displayName,
    zone: p.zone,
    checkinTime: p.checkinTime,
    quietHours: p.quietHours,
    paused: p.paused,
    pausedUntil: p.pausedUntil,
    followUp: p.followUp,
    shareWithFacilitator: p.shareWithFacilitator,
    consentVersion: p.consentVersion,
    consentAt: iso(p.consentAt),
    enrolledAt: iso(p.createdAt),
  };
}

const nudgesOf = (store: Store, p: Participant) =>
  store.deliveries.forParticipant(p.id).map((d) => ({
    kind: d.kind,
    date: d.localDate,
    dueAt: iso(d.dueAt),
    status: d.status,
    sentAt: iso(d.sentAt),
  }));

/** Everything Interlude holds about one person, decrypted, as plain data: the profile, each feature's sections. */
export function personDataOf(parts: ExportParts, store: Store, p: Participant): PersonDataOf {
  const sections: Record<string, unknown> = {};
  for (const { owner, part } of byRank('json')(parts)) {
    for (const [name, value] of Object.entries(part.collect(store, p))) {
      if (name in sections || name === 'profile' || name === 'nudges' || name === 'exportedFormat') {
        throw new Error(`the export section ${name} is claimed twice (again by ${owner})`);
      }
      sections[name] = value;
    }
  }
  return {
    exportedFormat: 'interlude-export-v1',
    profile: profileOf(store, p),
    ...sections,
    nudges: nudgesOf(store, p),
  };
}

/** The same data as one JSON file and each feature's CSV files (one per kind of record). */
export function exportFilesOf(parts: ExportParts, data: PersonDataOf): Attachment[] {
  return [
    {
      filename: 'interlude-export.json',
      contentType: 'application/json',
      data: `${JSON.stringify(data, null, 2)}\n`,
    },
    ...byRank('files')(parts).flatMap(({ part }) => part.files?.(data) ?? []),
  ];
}

/** Every file of one person's export, drawn from the store now. */
export const personExport = (deps: Pick<CoreDeps, 'store' | 'dataParts'>, p: Participant): Attachment[] =>
  exportFilesOf(deps.dataParts.exports, personDataOf(deps.dataParts.exports, deps.store, p));

export function exportMessage(deps: Pick<CoreDeps, 'store' | 'dataParts'>, p: Participant): OutMessage {
  return {
    blocks: [text(EXPORT_HERE)],
    files: personExport(deps, p),
    sensitive: true,
  };
}

/**
 * /export on a chat platform: no data in the message, only a private link to the download page Interlude serves
 * itself (design principle 1). The page builds the files from the store when they are downloaded.
 */
export function exportLinkMessage(deps: AppDeps, p: Participant, now: number): OutMessage {
  const url = linkFor(deps, p, 'export', now);
  const hours = linkTtlHours(deps, 'export');
  return {
    blocks: [
      text(
        `Your data is ready on a private download page, just for you. The link works once and for ${hours === 1 ? '1 hour' : `${hours} hours`}: open it in the browser you want to save the files with.`,
      ),
      { type: 'link', label: 'Download your data', url },
    ],
  };
}
