import type { Participant } from '../domain/entities.js';
import type { Store } from '../ports/store.js';
import { toCsv } from '../views/csv.js';
import type { Attachment, OutMessage } from '../views/message.js';
import { text } from '../views/message.js';
import type { AppDeps } from './deps.js';
import { linkFor, linkTtlHours } from './links.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Everything Interlude holds about one person, decrypted, as plain data. */
export function collectPersonData(store: Store, p: Participant) {
  const space = store.spaces.get(p.spaceId);
  return {
    exportedFormat: 'interlude-export-v1',
    profile: {
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
    },
    sessions: store.sessions
      .list(p.id)
      .map((s) => ({ date: s.date, status: s.status, recordedAt: iso(s.createdAt) })),
    checkins: store.checkins.all(p.id).map((c) => ({
      date: c.localDate,
      mood: c.mood,
      sleep: c.sleep,
      energy: c.energy,
      anxiety: c.anxiety,
      promptId: c.promptId,
      reflection: c.reflection,
      tags: c.tags,
      source: c.source,
      recordedAt: iso(c.createdAt),
    })),
    journal: store.journal
      .all(p.id)
      .map((j) => ({ date: j.localDate, text: j.text, recordedAt: iso(j.createdAt) })),
    intentions: store.intentions
      .all(p.id)
      .map((i) => ({ date: i.localDate, text: i.text, recordedAt: iso(i.createdAt) })),
    actions: store.actions.all(p.id).map((a) => ({
      number: a.seq,
      text: a.text,
      status: a.status,
      createdAt: iso(a.createdAt),
      doneAt: iso(a.doneAt),
    })),
    nudges: store.deliveries.forParticipant(p.id).map((d) => ({
      kind: d.kind,
      date: d.localDate,
      dueAt: iso(d.dueAt),
      status: d.status,
      sentAt: iso(d.sentAt),
    })),
  };
}

export type PersonData = ReturnType<typeof collectPersonData>;

/** The same data as one JSON file and one CSV per kind of record. */
export function exportFiles(data: PersonData): Attachment[] {
  const csv = (filename: string, header: string[], rows: unknown[][]): Attachment => ({
    filename,
    contentType: 'text/csv; charset=utf-8',
    data: toCsv(header, rows),
  });
  return [
    {
      filename: 'interlude-export.json',
      contentType: 'application/json',
      data: `${JSON.stringify(data, null, 2)}\n`,
    },
    csv(
      'interlude-checkins.csv',
      [
        'date',
        'mood',
        'sleep',
        'energy',
        'anxiety',
        'prompt_id',
        'reflection',
        'tags',
        'source',
        'recorded_at',
      ],
      data.checkins.map((c) => [
        c.date,
        c.mood,
        c.sleep,
        c.energy,
        c.anxiety,
        c.promptId,
        c.reflection,
        c.tags.join(';'),
        c.source,
        c.recordedAt,
      ]),
    ),
    csv(
      'interlude-journal.csv',
      ['date', 'text', 'recorded_at'],
      data.journal.map((j) => [j.date, j.text, j.recordedAt]),
    ),
    csv(
      'interlude-intentions.csv',
      ['date', 'text', 'recorded_at'],
      data.intentions.map((i) => [i.date, i.text, i.recordedAt]),
    ),
    csv(
      'interlude-actions.csv',
      ['number', 'text', 'status', 'created_at', 'done_at'],
      data.actions.map((a) => [a.number, a.text, a.status, a.createdAt, a.doneAt]),
    ),
    csv(
      'interlude-sessions.csv',
      ['date', 'status', 'recorded_at'],
      data.sessions.map((s) => [s.date, s.status, s.recordedAt]),
    ),
  ];
}

export function exportMessage(store: Store, p: Participant): OutMessage {
  const files = exportFiles(collectPersonData(store, p));
  return {
    blocks: [
      text(
        'Here is everything Interlude holds about you: one JSON file with all of it, and CSV files that open in a spreadsheet.',
      ),
    ],
    files,
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
