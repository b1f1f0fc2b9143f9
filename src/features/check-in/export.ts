import { csvAttachment } from '../../app/export-data.js';
import type { Participant } from '../../domain/entities.js';
import type { Store } from '../../ports/store.js';
import type { Attachment } from '../../views/message.js';

const iso = (ms: number) => new Date(ms).toISOString();

const rowsOf = (store: Store, p: Participant) =>
  store.checkins.all(p.id).map((c) => ({
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
  }));

/** The check-in's section of the export's JSON: every check-in, oldest first, the reflection decrypted. */
export type CheckinsExportData = {
  checkins: ReturnType<typeof rowsOf>;
};

/** The check-in's part of /export: the `checkins` section and interlude-checkins.csv. */
export const checkinsExport = {
  rank: { json: 20, files: 10 },
  collect: (store: Store, p: Participant): CheckinsExportData => ({ checkins: rowsOf(store, p) }),
  files(data: CheckinsExportData): Attachment[] {
    return [
      csvAttachment(
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
    ];
  },
};
