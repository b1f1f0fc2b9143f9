import type { Feature } from '../../app/feature.js';
import { notesExport } from './export.js';

/**
 * Notes: dated private text a person writes — journal entries and intentions, one concept with a kind. Its commands
 * are /journal and /intention (replies.ts); its part of /export is export.ts; /forget needs nothing of its own (its
 * rows cascade from the participant in the store's one transaction). No buttons or chat forms yet.
 */
export const notes: Feature = { name: 'notes', exportPart: notesExport };

export { notesExport } from './export.js';
export { recentNotes, writeNote } from './notes.js';
export { addJournalEntry, recentJournal, setIntention, showIntentions } from './replies.js';
