import type { FormDefinition } from './form.js';

/** A journal entry: one written answer. The page takes it when chat may not carry health data (design principle 1). */
export const journalForm: FormDefinition = {
  id: 'journal',
  title: 'Your journal',
  intro: 'Only you can see your journal.',
  submitLabel: 'Save to my journal',
  fields: [
    {
      key: 'entry',
      kind: 'text',
      label: 'Journal entry',
      question: 'What is on your mind?',
      multiline: true,
      what: 'journal entry',
    },
  ],
};
