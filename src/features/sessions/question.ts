/**
 * Whether a planned session took place. A planned date is only a plan: it counts as a session (and moves the
 * person into session-day and integration prompts) once they say it happened. From its day on we ask, with three
 * buttons; until they answer, prompts stay as they were (see domain/phase.ts).
 */

import type { CoreDeps } from '../../app/deps.js';
import { phaseFor } from '../../app/phase-of.js';
import type { Participant, TherapySession } from '../../domain/entities.js';
import { localDateOf } from '../../domain/local-time.js';
import { buttonId } from '../../views/button-id.js';
import type { Block, Button, OutMessage } from '../../views/message.js';
import { text } from '../../views/message.js';
import { SESSION_TEXTS as T } from './texts.js';

export const SESSION_ANSWER = 'session.answer';

/** The planned session whose day has come and that nobody has confirmed yet (the earliest), if any. */
function awaiting(deps: CoreDeps, p: Participant, now: number): TherapySession | null {
  const date = phaseFor(deps, p, now).awaitingConfirmation;
  if (date === null) return null;
  return deps.store.sessions.list(p.id).find((s) => s.date === date && s.status === 'planned') ?? null;
}

/**
 * The question, with its buttons, or null when nothing awaits an answer. Button ids carry the session's id, never
 * its date, so the date does not travel through a platform in a button either.
 */
export function sessionQuestion(
  deps: CoreDeps,
  p: Participant,
  now: number,
): { blocks: Block[]; buttons: Button[] } | null {
  const s = awaiting(deps, p, now);
  if (!s) return null;
  const today = localDateOf(now, p.zone);
  const button = (a: 'yes' | 'no' | 'moved', label: string, style: Button['style']) => ({
    id: buttonId(SESSION_ANSWER, { id: s.id, a }),
    label,
    style,
  });
  return {
    blocks: [text(s.date === today ? T.askToday(s.date) : T.askPast(s.date))],
    buttons: [
      button('yes', T.yes, 'primary'),
      button('no', T.no, 'secondary'),
      button('moved', T.moved, 'secondary'),
    ],
  };
}

/**
 * What a check-in nudge adds while a session awaits an answer. The console has no third party, so it asks right
 * there; a nudge that crosses a chat platform only points at /session, with no date or detail (principle 1).
 */
export function nudgeSessionExtra(
  deps: CoreDeps,
  p: Participant,
  now: number,
): Pick<OutMessage, 'blocks' | 'buttons'> {
  const q = sessionQuestion(deps, p, now);
  if (!q) return { blocks: [] };
  return p.platform === 'console' ? q : { blocks: [text(T.waitingPointer)] };
}
