import { UserError } from '../errors.js';
import { parseButtonId } from '../views/button-id.js';
import type { OutMessage } from '../views/message.js';
import type { Actor } from './actor.js';
import type { AppDeps } from './deps.js';
import type { Routes } from './feature.js';
import { requireParticipant } from './participants.js';
import { ROUTING_TEXTS } from './routing-texts.js';

const contextFor = (deps: AppDeps, actor: Actor, id: string, now: number) => {
  const { verb, params } = parseButtonId(id);
  return { verb, ctx: { deps, actor, now, params, me: () => requireParticipant(deps.store, actor) } };
};

/**
 * Every button on every surface lands here by its id, and goes to the feature that registered its verb. Ids arrive
 * from platforms untrusted: each handler validates its parameters, and acts only on the person who pressed.
 */
export function handleButton(
  deps: AppDeps,
  routes: Routes,
  actor: Actor,
  id: string,
  now: number,
): OutMessage {
  const { verb, ctx } = contextFor(deps, actor, id, now);
  const handler = routes.buttons.get(verb);
  if (!handler) throw new UserError('unknown-action', ROUTING_TEXTS.buttonExpired);
  return handler(ctx);
}

/**
 * A submitted form (Discord modal, Slack view, the console's questions), by the verb of the id it was opened with; `fields` are the
 * person's answers by field key, untrusted.
 */
export function handleFormSubmit(
  deps: AppDeps,
  routes: Routes,
  actor: Actor,
  formId: string,
  fields: Readonly<Record<string, unknown>>,
  now: number,
): OutMessage {
  const { verb, ctx } = contextFor(deps, actor, formId, now);
  const handler = routes.forms.get(verb);
  if (!handler) throw new UserError('unknown-form', ROUTING_TEXTS.formExpired);
  return handler({ ...ctx, fields });
}
