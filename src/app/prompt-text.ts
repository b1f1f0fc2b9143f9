import { promptById } from '../domain/prompts/index.js';

/** The prompt a reflection answered, in our words, or null when it answered none (or one since retired). */
export const promptTextOf = (promptId: string | null): string | null =>
  promptId ? (promptById(promptId)?.text ?? null) : null;
