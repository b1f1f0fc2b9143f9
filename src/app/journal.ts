import type { Participant } from '../domain/entities.js';
import { localDateOf } from '../domain/local-time.js';
import { freeText } from '../domain/text-input.js';
import { parseInput } from '../domain/validation.js';
import { heading, type OutMessage, quote, text } from '../views/message.js';
import { formatDate } from '../views/when.js';
import type { AppDeps } from './deps.js';

const entrySchema = freeText('journal entry');

export function addJournalEntry(
  deps: AppDeps,
  p: Participant,
  raw: string | undefined,
  now: number,
): OutMessage {
  const body = parseInput(entrySchema, raw ?? '', 'invalid-journal');
  deps.store.journal.add(p.id, localDateOf(now, p.zone), body, now);
  return { blocks: [text('Saved to your journal. Only you can see it.')] };
}

export function recentJournal(deps: AppDeps, p: Participant, limit = 5): OutMessage {
  const entries = deps.store.journal.recent(p.id, limit);
  if (entries.length === 0) {
    return {
      blocks: [
        text(
          'Your journal is empty so far. Write an entry with /journal followed by whatever is on your mind.',
        ),
      ],
    };
  }
  return {
    blocks: [
      heading(`Your last ${entries.length === 1 ? 'entry' : `${entries.length} entries`}`),
      ...entries.flatMap((e) => [text(formatDate(e.localDate)), quote(e.text)]),
    ],
    sensitive: true,
  };
}
