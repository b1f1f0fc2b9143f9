import type { NoteKind } from '../../domain/entities.js';
import type { NoteRepo, Store } from '../../ports/store.js';
import { NOTES_TEXTS } from './texts.js';

/** What differs between the kinds of note: the word for it in messages and the error code a bad one gets. */
export interface NoteKindSpec {
  noun: string;
  invalidCode: string;
  /** The section of /export and the name of its CSV file. */
  exportKey: 'journal' | 'intentions';
}

export const NOTE_KINDS: Readonly<Record<NoteKind, NoteKindSpec>> = {
  journal: { noun: NOTES_TEXTS.journal.noun, invalidCode: 'invalid-journal', exportKey: 'journal' },
  intention: { noun: NOTES_TEXTS.intention.noun, invalidCode: 'invalid-intention', exportKey: 'intentions' },
};

/** The store's repository for one kind: every kind has the same API (NoteRepo), each its own rows. */
export const notesOf = (store: Store, kind: NoteKind): NoteRepo =>
  kind === 'journal' ? store.journal : store.intentions;
