import { UserError } from '../errors.js';
import { type OutMessage, text } from '../views/message.js';
import { parseActionId } from './action-id.js';
import type { Actor } from './actor.js';
import { openCheckin } from './checkin.js';
import type { AppDeps } from './deps.js';
import { confirmEnrolment } from './enrol.js';
import { forgetConfirmed } from './forget.js';
import { requireParticipant } from './participants.js';
import { skip, snooze } from './pause.js';

/**
 * Every button on every surface lands here by its id. Ids arrive from platforms untrusted: each handler
 * validates its parameters, and acts only on the person who pressed the button.
 */
export function handleAction(deps: AppDeps, actor: Actor, id: string, now: number): OutMessage {
  const { verb, params } = parseActionId(id);
  const me = () => requireParticipant(deps.store, actor);
  switch (verb) {
    case 'enrol.agree':
      return confirmEnrolment(deps, actor, params, now).reply;
    case 'enrol.cancel':
      return { blocks: [text('No problem. Nothing was saved. /start is here if you change your mind.')] };
    case 'checkin.open':
      return openCheckin(deps, me(), now, params.date);
    case 'nudge.skip':
      return skip(deps, me(), undefined, now, params.date);
    case 'nudge.snooze':
      return snooze(deps, me(), params.m, now);
    case 'forget.confirm':
      return forgetConfirmed(deps, me());
    case 'forget.cancel':
      return { blocks: [text('Kept. Nothing was erased.')] };
    default:
      throw new UserError('unknown-action', 'That button has expired. Type /help to see what you can do.');
  }
}
