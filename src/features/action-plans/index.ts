import type { Feature } from '../../app/feature.js';
import { actionsExport } from './export.js';

/**
 * Action plans: small steps a person sets themselves. Its command is /action (its use cases are still in
 * src/app/action-plans.ts); so far its room holds its part of /export. /forget erases its rows with the person.
 */
export const actionPlans: Feature = { name: 'action-plans', exportPart: actionsExport };
