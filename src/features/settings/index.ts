import type { Feature } from '../../app/feature.js';

/**
 * A person's settings: check-in time, zone, quiet hours, follow-up, sharing with facilitators (settings.ts, its
 * texts in texts.ts). Its command is /settings; it has no buttons, nudges or data of its own (the settings are the
 * participant's row, exported with the profile).
 */
export const settings: Feature = { name: 'settings' };
