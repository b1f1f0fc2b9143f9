import { UserError } from '../errors.js';
import { type OutMessage, text } from '../views/message.js';
import { parseActionId } from './action-id.js';
import type { Actor } from './actor.js';
import { openCheckin, openCheckinWithMood, recordCheckin } from './checkin.js';
import type { AppDeps } from './deps.js';
import { confirmEnrolment } from './enrol.js';
import { forgetConfirmed } from './forget.js';
import { requireParticipant } from './participants.js';
import { skip, snooze } from './pause.js';
import { answerSessionQuestion } from './session-answer.js';
import { SESSION_ANSWER } from './session-question.js';

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
    case 'checkin.mood':
      return openCheckinWithMood(deps, me(), now, params);
    case 'nudge.skip':
      return skip(deps, me(), undefined, now, params.date);
    case 'nudge.snooze':
      return snooze(deps, me(), params.m, now);
    case SESSION_ANSWER:
      return answerSessionQuestion(deps, me(), params, now);
    case 'forget.confirm':
      return forgetConfirmed(deps, me());
    case 'forget.cancel':
      return { blocks: [text('Kept. Nothing was erased.')] };
    default:
      throw new UserError('unknown-action', 'That button has expired. Type /help to see what you can do.');
  }
}

/**
 * A submitted chat form (Discord modal, Slack view). `formId` is the id the form was opened with (see
 * checkinFormId); `fields` are the person's answers by field key, untrusted. Stores all or nothing.
 */
export function handleFormSubmit(
  deps: AppDeps,
  actor: Actor,
  formId: string,
  fields: Record<string, string>,
  now: number,
): OutMessage {
  const { verb, params } = parseActionId(formId);
  if (verb !== 'checkin.submit') {
    throw new UserError('unknown-form', 'That form has expired. Type /checkin to start a fresh one.');
  }
  const p = requireParticipant(deps.store, actor);
  return recordCheckin(
    deps,
    p,
    { ...fields, mood: params.v },
    { localDate: params.date ?? null, promptId: params.p ?? null, source: 'chat' },
    now,
  ).reply;
}
