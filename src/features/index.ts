import { type Feature, type FeatureParts, partsOf, type Routes, routesOf } from '../app/feature.js';
import { actionPlans } from './action-plans/index.js';
import { checkIn } from './check-in/index.js';
import { enrolment } from './enrolment/index.js';
import { facilitators } from './facilitators/index.js';
import { notes } from './notes/index.js';
import { privacy } from './privacy/index.js';
import { reflection } from './reflection/index.js';
import { sessions } from './sessions/index.js';
import { settings } from './settings/index.js';

/** Every feature, one line each. Adding a feature: its folder, its line here, its command files, its migration. */
export const FEATURES: readonly Feature[] = [
  enrolment,
  checkIn,
  sessions,
  notes,
  actionPlans,
  reflection,
  settings,
  facilitators,
  privacy,
];

/** The buttons and chat forms of every feature, by verb. */
export const featureRoutes = (): Routes => routesOf(FEATURES);

/** The nudge kinds and the parts of /export and /forget of every feature, for AppDeps. */
export const featureParts = (): FeatureParts => partsOf(FEATURES);
