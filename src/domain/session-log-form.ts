import type { FormDefinition } from './form.js';

/** Noting a therapy session that took place: its date, given on the page so the fact stays off the chat. */
export const sessionLogForm: FormDefinition = {
  id: 'session-log',
  title: 'Note a session',
  intro: 'Noting your sessions lets the prompts follow where you are.',
  submitLabel: 'Note this session',
  fields: [
    {
      key: 'date',
      kind: 'date',
      label: 'Date',
      question: 'On what day did the session take place?',
    },
  ],
};
