import { z } from 'zod';
import type { AppDeps } from '../../app/deps.js';
import type { Participant } from '../../domain/entities.js';
import { addDays, localDateOf } from '../../domain/local-time.js';
import { parseInput } from '../../domain/validation.js';
import { UserError } from '../../errors.js';
import type { OutMessage } from '../../views/message.js';
import { showSessions } from './sessions.js';
import { SESSION_TEXTS as T } from './texts.js';

const answerParams = z.object({
  id: z.coerce
    .number({ error: T.alreadyAnswered })
    .int({ error: T.alreadyAnswered })
    .positive({ error: T.alreadyAnswered }),
  a: z.enum(['yes', 'no', 'moved'], { error: T.alreadyAnswered }),
});

/** A press of "Yes, it happened", "It didn't happen" or "It moved". Acts only on the presser's own sessions. */
export function answerSessionQuestion(
  deps: AppDeps,
  p: Participant,
  params: Record<string, string>,
  now: number,
): OutMessage {
  const { id, a } = parseInput(answerParams, params, 'invalid-session-answer');
  const s = deps.store.sessions.list(p.id).find((x) => x.id === id);
  if (s?.status !== 'planned') throw new UserError('session-answered', T.alreadyAnswered);
  const today = localDateOf(now, p.zone);
  if (a === 'yes') {
    if (s.date > today) throw new UserError('session-not-yet', T.notYet(s.date));
    deps.store.sessions.setStatus(p.id, s.id, 'done');
    return showSessions(deps, p, now, T.confirmed(s.date));
  }
  deps.store.sessions.removeById(p.id, s.id);
  const lead = a === 'no' ? T.didNotHappen(s.date) : T.moveTo(s.date, addDays(today, 7));
  return showSessions(deps, p, now, lead);
}
