import { csvAttachment } from '../../app/export-data.js';
import type { Participant } from '../../domain/entities.js';
import type { Store } from '../../ports/store.js';
import type { Attachment } from '../../views/message.js';

const rowsOf = (store: Store, p: Participant) =>
  store.sessions
    .list(p.id)
    .map((s) => ({ date: s.date, status: s.status, recordedAt: new Date(s.createdAt).toISOString() }));

/** The sessions' section of the export's JSON: every session date, done or planned, oldest first. */
export type SessionsExportData = {
  sessions: ReturnType<typeof rowsOf>;
};

/** The sessions' part of /export: the `sessions` section and interlude-sessions.csv. */
export const sessionsExport = {
  rank: { json: 10, files: 50 },
  collect: (store: Store, p: Participant): SessionsExportData => ({ sessions: rowsOf(store, p) }),
  files: (data: SessionsExportData): Attachment[] => [
    csvAttachment(
      'interlude-sessions.csv',
      ['date', 'status', 'recorded_at'],
      data.sessions.map((s) => [s.date, s.status, s.recordedAt]),
    ),
  ],
};
