import type { AppDeps } from '../../app/deps.js';
import type { Note, NoteKind, Participant } from '../../domain/entities.js';
import { localDateOf } from '../../domain/local-time.js';
import { freeText } from '../../domain/text-input.js';
import { parseInput } from '../../domain/validation.js';
import { NOTE_KINDS, notesOf } from './note-kinds.js';

const schemas = {
  journal: freeText(NOTE_KINDS.journal.noun),
  intention: freeText(NOTE_KINDS.intention.noun),
} as const;

/**
 * Keep one note of a kind, dated today in the person's zone. Validates first (a kind UserError names what is
 * wrong, and nothing is stored); every surface that takes a note — a command, a chat form, a private page — calls this.
 */
export function writeNote(
  deps: AppDeps,
  p: Participant,
  kind: NoteKind,
  raw: string | undefined,
  now: number,
): Note {
  const body = parseInput(schemas[kind], raw ?? '', NOTE_KINDS[kind].invalidCode);
  return notesOf(deps.store, kind).add(p.id, localDateOf(now, p.zone), body, now);
}

/** A person's newest notes of a kind, newest first. */
export const recentNotes = (deps: AppDeps, p: Participant, kind: NoteKind, limit: number): Note[] =>
  notesOf(deps.store, kind).recent(p.id, limit);
