import { type Feature, type Routes, routesOf } from '../app/feature.js';
import { checkIn } from './check-in/index.js';
import { enrolment } from './enrolment/index.js';
import { privacy } from './privacy/index.js';
import { sessions } from './sessions/index.js';

/** Every feature, one line each. Adding a feature: its folder, its line here, its command files, its migration. */
export const FEATURES: readonly Feature[] = [enrolment, checkIn, sessions, privacy];

/** The buttons and chat forms of every feature, by verb. */
export const featureRoutes = (): Routes => routesOf(FEATURES);
