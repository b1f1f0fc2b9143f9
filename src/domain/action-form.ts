import type { FormDefinition } from './form.js';

/** An action plan: one small, specific step, written on the page rather than in a chat. */
export const actionForm: FormDefinition = {
  id: 'action',
  title: 'A new action plan',
  intro: 'Turn an insight into one small, specific step. Small and specific works best.',
  submitLabel: 'Add this step',
  fields: [
    {
      key: 'action',
      kind: 'text',
      label: 'Action',
      question: 'What is one small, specific step you will take?',
      what: 'action',
    },
  ],
};
