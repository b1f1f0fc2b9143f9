import type { AppDeps } from '../../app/deps.js';
import type { Participant } from '../../domain/entities.js';
import { heading, type OutMessage, quote, text } from '../../views/message.js';
import { formatDate } from '../../views/when.js';
import { recentNotes, writeNote } from './notes.js';
import { NOTES_TEXTS } from './texts.js';

const J = NOTES_TEXTS.journal;
const I = NOTES_TEXTS.intention;

/** /journal write: the entry is not echoed back, so a glance at the screen shows nothing of it. */
export function addJournalEntry(
  deps: AppDeps,
  p: Participant,
  raw: string | undefined,
  now: number,
): OutMessage {
  writeNote(deps, p, 'journal', raw, now);
  return { blocks: [text(J.saved)] };
}

/** /journal read: the last few entries, newest first. */
export function recentJournal(deps: AppDeps, p: Participant, limit = 5): OutMessage {
  const entries = recentNotes(deps, p, 'journal', limit);
  if (entries.length === 0) return { blocks: [text(J.empty)] };
  return {
    blocks: [
      heading(J.recentHeading(entries.length)),
      ...entries.flatMap((e) => [text(formatDate(e.localDate)), quote(e.text)]),
    ],
    sensitive: true,
  };
}

/** /intention set. The newest intention is the current one; older ones stay as a record of how intentions changed. */
export function setIntention(
  deps: AppDeps,
  p: Participant,
  raw: string | undefined,
  now: number,
): OutMessage {
  const note = writeNote(deps, p, 'intention', raw, now);
  return { blocks: [text(I.set), quote(note.text)], sensitive: true };
}

/** /intention show: the current intention and the three before it. */
export function showIntentions(deps: AppDeps, p: Participant): OutMessage {
  const [current, ...earlier] = recentNotes(deps, p, 'intention', 4);
  if (!current) return { blocks: [text(I.none), quote(I.example)] };
  return {
    blocks: [
      heading(I.currentHeading),
      quote(current.text),
      text(I.setOn(formatDate(current.localDate))),
      ...(earlier.length > 0
        ? [
            heading(I.earlierHeading),
            ...earlier.flatMap((i) => [text(formatDate(i.localDate)), quote(i.text)]),
          ]
        : []),
    ],
    sensitive: true,
  };
}
