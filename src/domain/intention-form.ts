import type { FormDefinition } from './form.js';

/**
 * One question: the intention a person sets for the days ahead. Defined only as data; every surface renders it
 * with its generic form renderer (no renderer is written for it). Not yet opened by a command.
 */
export const intentionForm: FormDefinition = {
  id: 'intention',
  title: 'Your intention',
  intro: 'An intention is a gentle direction, not a promise. You can change it whenever you like.',
  submitLabel: 'Save my intention',
  fields: [
    {
      key: 'intention',
      kind: 'text',
      label: 'Intention',
      question: 'What is your intention for the days ahead?',
      what: 'intention',
    },
  ],
};
