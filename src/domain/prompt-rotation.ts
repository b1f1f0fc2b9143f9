import type { PhaseInfo } from './phase.js';
import { BODY_CHECK_THEME, PROMPTS, type Prompt } from './prompts/index.js';
import type { Phase } from './types.js';

/**
 * FNV-1a (32-bit) followed by murmur3's finaliser. FNV alone leaves seeds that differ only in their last
 * character (consecutive dates) close together in the low bits we take a remainder of; the finaliser spreads them.
 */
export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function pick(candidates: readonly Prompt[], seed: string): Prompt {
  const chosen = candidates[hashSeed(seed) % candidates.length];
  // Every phase has prompts (a test holds the library to that), so this only fires on a broken library.
  if (!chosen) throw new Error('No prompt to choose from');
  return chosen;
}

/**
 * The reflection prompt for one person on one day.
 *
 * `recentlyShown` holds the ids shown on the days before today (the caller passes the last 7 days). Leave out
 * today's own prompt: the choice is a pure function of the seed and this list, so the same person opening the
 * form twice on one day sees the same prompt only if the list is the same both times.
 *
 * `seed` is `${participantId}:${localDate}`. When every prompt of the phase was shown recently the choice falls
 * back to the whole phase, still deterministic. On integration days 1-2 a gentle body check is preferred while
 * one is available.
 */
export function choosePrompt(
  phase: Phase,
  recentlyShown: readonly string[],
  seed: string,
  info?: PhaseInfo,
): Prompt {
  const all = PROMPTS[phase];
  const shown = new Set(recentlyShown);
  const fresh = all.filter((p) => !shown.has(p.id));
  if (fresh.length === 0) return pick(all, seed);

  const earlyIntegration =
    phase === 'integration' &&
    info?.phase === 'integration' &&
    info.integrationDay !== null &&
    info.integrationDay <= 2;
  if (earlyIntegration) {
    const bodyChecks = fresh.filter((p) => p.theme === BODY_CHECK_THEME);
    if (bodyChecks.length > 0) return pick(bodyChecks, seed);
  }
  return pick(fresh, seed);
}
