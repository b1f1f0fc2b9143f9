import type { Phase } from '../types.js';
import { BOOSTER_DUE_PROMPTS } from './booster-due.js';
import { INTEGRATION_PROMPTS } from './integration.js';
import { MAINTENANCE_PROMPTS } from './maintenance.js';
import { PREPARATION_PROMPTS } from './preparation.js';
import type { Prompt } from './prompt.js';
import { SESSION_DAY_PROMPTS } from './session-day.js';

export type { Prompt } from './prompt.js';
export { BODY_CHECK_THEME, PROMPT_THEMES } from './prompt.js';

/** Every reflection prompt, by the phase it belongs to. */
export const PROMPTS: Record<Phase, readonly Prompt[]> = {
  'session-day': SESSION_DAY_PROMPTS,
  integration: INTEGRATION_PROMPTS,
  preparation: PREPARATION_PROMPTS,
  maintenance: MAINTENANCE_PROMPTS,
  'booster-due': BOOSTER_DUE_PROMPTS,
};

// Built once: answers store a prompt id, and showing an old answer needs its prompt back by id.
const BY_ID: ReadonlyMap<string, Prompt> = new Map(
  Object.values(PROMPTS)
    .flat()
    .map((p) => [p.id, p]),
);

export function promptById(id: string): Prompt | undefined {
  return BY_ID.get(id);
}
