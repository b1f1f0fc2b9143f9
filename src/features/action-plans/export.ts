import { csvAttachment } from '../../app/export-data.js';
import type { Participant } from '../../domain/entities.js';
import type { Store } from '../../ports/store.js';
import type { Attachment } from '../../views/message.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const rowsOf = (store: Store, p: Participant) =>
  store.actions.all(p.id).map((a) => ({
    number: a.seq,
    text: a.text,
    status: a.status,
    createdAt: iso(a.createdAt),
    doneAt: iso(a.doneAt),
  }));

/** The action plans' section of the export's JSON: every step, open, done or dropped, the text decrypted. */
export type ActionsExportData = {
  actions: ReturnType<typeof rowsOf>;
};

/** The action plans' part of /export: the `actions` section and interlude-actions.csv. */
export const actionsExport = {
  rank: { json: 40, files: 40 },
  collect: (store: Store, p: Participant): ActionsExportData => ({ actions: rowsOf(store, p) }),
  files: (data: ActionsExportData): Attachment[] => [
    csvAttachment(
      'interlude-actions.csv',
      ['number', 'text', 'status', 'created_at', 'done_at'],
      data.actions.map((a) => [a.number, a.text, a.status, a.createdAt, a.doneAt]),
    ),
  ],
};
