import type { Feature } from '../../app/feature.js';
import { textOf } from '../../app/page-forms.js';
import { actionForm } from '../../domain/action-form.js';
import { addAction } from './action-plans.js';
import { actionsExport } from './export.js';

/**
 * Action plans: small steps a person sets themselves. Its command is /action (its use cases are still in
 * src/app/action-plans.ts); so far its room holds its part of /export. /forget erases its rows with the person.
 */
export const actionPlans: Feature = {
  name: 'action-plans',
  exportPart: actionsExport,
  // In link mode on Discord and Slack, /action add takes its words on the private page.
  pageForms: {
    action: {
      form: actionForm,
      save: (deps, p, a, now) => addAction(deps, p, textOf(actionForm, 'action', a), now),
    },
  },
};
