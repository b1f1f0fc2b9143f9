import type { Feature } from '../../app/feature.js';
import { textOf } from '../../app/page-forms.js';
import { intentionForm } from '../../domain/intention-form.js';
import { journalForm } from '../../domain/journal-form.js';
import { notesExport } from './export.js';
import { addJournalEntry, setIntention } from './replies.js';

/**
 * Notes: dated private text a person writes — journal entries and intentions, one concept with a kind. Its commands
 * are /journal and /intention (replies.ts); its part of /export is export.ts; /forget needs nothing of its own (its
 * rows cascade from the participant in the store's one transaction); its page forms take the words in link mode.
 */
export const notes: Feature = {
  name: 'notes',
  exportPart: notesExport,
  // In link mode on Discord and Slack, /journal and /intention set take their words on the private page.
  pageForms: {
    journal: {
      form: journalForm,
      save: (deps, p, a, now) => addJournalEntry(deps, p, textOf(journalForm, 'entry', a), now),
    },
    intention: {
      form: intentionForm,
      save: (deps, p, a, now) => setIntention(deps, p, textOf(intentionForm, 'intention', a), now),
    },
  },
};

export { notesExport } from './export.js';
export { recentNotes, writeNote } from './notes.js';
export { addJournalEntry, recentJournal, setIntention, showIntentions } from './replies.js';
