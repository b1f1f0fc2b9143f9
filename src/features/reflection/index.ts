import type { Feature } from '../../app/feature.js';

/**
 * Looking back: /summary (summary.ts) and the private reflection page with its charts (reflection-page.ts), from
 * the rows other features keep. Nothing of its own to export or erase.
 */
export const reflection: Feature = { name: 'reflection' };
