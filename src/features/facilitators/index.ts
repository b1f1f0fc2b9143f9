import type { Feature } from '../../app/feature.js';

/**
 * Facilitators: /setup facilitator-role (space-setup.ts), the dashboard sign-in (dashboard-login.ts) and the roster
 * and member views of those who share (roster.ts, every view audit-logged). Its texts are in texts.ts.
 */
export const facilitators: Feature = { name: 'facilitators' };
