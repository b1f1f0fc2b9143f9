import type { Phase } from '../types.js';

/** One reflection prompt. Its id is stored with every answer, so ids never change once shipped. */
export interface Prompt {
  id: string;
  phase: Phase;
  theme: string;
  text: string;
}

/**
 * The themes prompts are drawn from (domain.md). Kept as one list so a typo in a phase file fails a test
 * instead of quietly creating a new theme.
 */
export const PROMPT_THEMES = [
  'narrative',
  'remember',
  'insight',
  'intention',
  'action',
  'sleep',
  'movement',
  'mindfulness',
  'creative',
  'somatic',
  'relationships',
  'setbacks',
  'gratitude',
  'rest',
  'body-check',
  'logistics',
  'care-team',
  'looking-back',
] as const;

/**
 * Integration prompts with this theme ask gently how the body feels after a session; rotation prefers them on
 * the first two days after it.
 */
export const BODY_CHECK_THEME = 'body-check';
