import type { Logger } from '../ports/logger.js';
import { shapeForChat } from '../views/chat-shape.js';
import type { OutMessage } from '../views/message.js';
import type { Actor } from './actor.js';
import { handleButton, handleFormSubmit } from './buttons.js';
import { type Caller, NO_ROLES, plainActor, type RoleNeeds, resolveActor } from './caller.js';
import { safeForChat } from './chat-safety.js';
import type { AppDeps } from './deps.js';
import type { Routes } from './feature.js';
import { answerFreeText } from './free-text.js';
import { type Invocation, type Registry, replyForError, runCommand } from './run-command.js';

/** What a person did, as every surface reduces it: a command, a button press, a submitted form, or words typed. */
export type Inbound =
  | { kind: 'command'; invocation: Invocation }
  | { kind: 'button'; id: string }
  | { kind: 'form'; formId: string; fields: Readonly<Record<string, unknown>> }
  | { kind: 'text'; content: string };

export interface Surface {
  /**
   * A third party carries the reply (Discord, Slack): health data becomes a private link unless the operator opted
   * in (design principle 1), and forms are asked the chat way. The console has no third party.
   */
  thirdParty: boolean;
}

export interface InboundResult {
  /** The reply to show: the answer, or a kind error. */
  message: OutMessage;
  /** Who asked, as the app resolved them. */
  actor: Actor;
  /** Set when the work failed: `message` is then the error's reply (a UserError's words, or an apology). */
  error?: unknown;
}

/** Roles a request needs looked up: a command's access, and /help (which lists what the asker may run). */
function needsOf(registry: Registry, inbound: Inbound): RoleNeeds {
  if (inbound.kind !== 'command') return NO_ROLES;
  const name = inbound.invocation.name;
  const access = registry.get(name)?.access;
  return {
    facilitator: access === 'facilitator' || name === 'help',
    admin: access === 'admin' || name === 'help',
  };
}

/** What the one way in dispatches to: the commands (commands/) and every feature's buttons and forms. */
export interface Dispatch {
  registry: Registry;
  routes: Routes;
}

function dispatch(
  deps: AppDeps,
  to: Dispatch,
  actor: Actor,
  inbound: Inbound,
  now: number,
  surface: Surface,
) {
  switch (inbound.kind) {
    case 'command':
      return runCommand(deps, to.registry, actor, inbound.invocation, now, surface);
    case 'button':
      return handleButton(deps, to.routes, actor, inbound.id, now);
    case 'form':
      return handleFormSubmit(deps, to.routes, actor, inbound.formId, inbound.fields, now);
    case 'text':
      return answerFreeText(deps.settings, inbound.content);
  }
}

/**
 * The one way in. Discord, Slack and the console translate their events into a Caller and an Inbound and call
 * this; it resolves who is asking, checks access and runs the use case, keeps health data off a third party's
 * chat, and turns any failure into the reply (a UserError as it is; anything else logged with context, and an
 * apology with a reference). Never throws, so a rule cannot differ by surface.
 */
export async function handleInbound(
  deps: AppDeps,
  to: Dispatch,
  caller: Caller,
  inbound: Inbound,
  now: number,
  surface: Surface,
  log: Logger = deps.log,
): Promise<InboundResult> {
  let actor = plainActor(caller);
  try {
    actor = await resolveActor(deps.store, caller, needsOf(to.registry, inbound));
    const m = await dispatch(deps, to, actor, inbound, now, surface);
    return { message: surface.thirdParty ? forChat(deps, actor, m, now) : m, actor };
  } catch (error) {
    const context = {
      platform: caller.platform,
      kind: inbound.kind,
      space: caller.space?.externalId,
      user: caller.userId,
    };
    return { message: replyForError(error, log, context), actor, error };
  }
}

/** Health data kept off the chat unless opted in; the check-in asked the chat way when answering there is allowed. */
export const forChat = (deps: AppDeps, actor: Actor, m: OutMessage, now: number): OutMessage =>
  shapeForChat(safeForChat(deps, actor, m, now), deps.settings.answerInChat);
