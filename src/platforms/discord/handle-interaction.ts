import { parseActionId } from '../../app/action-id.js';
import { handleAction, handleFormSubmit } from '../../app/actions.js';
import { safeForChat } from '../../app/chat-safety.js';
import { checkinFormId } from '../../app/checkin.js';
import type { AppDeps } from '../../app/deps.js';
import { type Registry, replyForError, runCommand } from '../../app/run-command.js';
import { fieldSchemas } from '../../domain/checkin-form.js';
import { promptById } from '../../domain/prompts/index.js';
import { isUserError } from '../../errors.js';
import type { Clock } from '../../ports.js';
import { shapeForChat } from '../../views/chat-shape.js';
import { type FormRequest, type OutMessage, text } from '../../views/message.js';
import { DEFER_AFTER_MS, LATE, withDeadline } from '../deadline.js';
import { actorOf } from './actor-of.js';
import { checkinModal } from './checkin-modal.js';
import type { DraftCache } from './drafts.js';
import type { DiscordWho, Inbound, Responder } from './inbound.js';
import { renderDiscord } from './render.js';

export interface DiscordAppContext {
  deps: AppDeps;
  registry: Registry;
  clock: Clock;
  drafts: DraftCache;
  /** Work not finished by then is deferred (Discord's deadline for the first answer is 3 s). */
  deferAfterMs?: number;
}

/**
 * Every Discord interaction, from the gateway or the HTTP endpoint, goes through here: find the actor, run the use
 * case, turn errors into kind replies (the one place, via replyForError), keep health data off Discord unless the
 * operator opted in, and answer within Discord's deadline. Never throws: a failure is logged with its context.
 */
export async function handleInteraction(
  ctx: DiscordAppContext,
  who: DiscordWho,
  inbound: Inbound,
  r: Responder,
): Promise<void> {
  const { deps } = ctx;
  const ephemeral = who.guildId !== null;
  const logContext = { platform: 'discord', kind: inbound.kind, guild: who.guildId, user: who.userId };
  let deferred = false;
  try {
    const actor = actorOf(deps.store, who);
    const now = ctx.clock.now();
    // Commands answer with a new message; buttons and modals opened from a message replace that message.
    const mode =
      inbound.kind === 'command' || (inbound.kind === 'modal' && !inbound.fromMessage) ? 'reply' : 'update';
    const work = async (): Promise<OutMessage> => {
      switch (inbound.kind) {
        case 'command':
          return runCommand(deps, ctx.registry, actor, inbound, now);
        case 'button':
          return retryForm(inbound.customId) ?? handleAction(deps, actor, inbound.customId, now);
        case 'modal':
          return submitForm(ctx, who, inbound.customId, inbound.fields, now);
      }
    };
    const result = await withDeadline(work(), ctx.deferAfterMs ?? DEFER_AFTER_MS);
    if (result === LATE) {
      deferred = true;
      await r.defer(mode, ephemeral);
    }
    const m = result === LATE ? await workResult(ctx, work, logContext) : result;
    const shaped = shapeForChat(safeForChat(deps, actor, m, now), deps.settings.answerInChat);
    if (shaped.form?.mood !== undefined && !deferred) {
      const form = shaped.form as FormRequest & { mood: number };
      return await r.modal(checkinModal(form, ctx.drafts.take(draftKey(who, form), now)));
    }
    await send(r, shaped, mode, ephemeral, deferred);
  } catch (e) {
    const m = replyForError(e, deps.log, logContext);
    try {
      if (isUserError(e) && inbound.kind === 'modal' && e.code !== 'not-enrolled') {
        // Keep what they typed for the retry, and offer it.
        rememberDraft(ctx, who, inbound.customId, inbound.fields);
        m.actions = [{ id: retryId(inbound.customId), label: 'Try again', style: 'primary' }];
      }
      await send(r, m, 'reply', ephemeral, deferred);
    } catch (sendErr) {
      deps.log.error({ err: sendErr, ...logContext }, 'could not tell the person about an error');
    }
  }
}

/** The late result of work whose first answer was a deferral; errors become the reply like any other. */
async function workResult(
  ctx: DiscordAppContext,
  work: () => Promise<OutMessage>,
  logContext: Record<string, unknown>,
): Promise<OutMessage> {
  try {
    return await work();
  } catch (e) {
    return replyForError(e, ctx.deps.log, logContext);
  }
}

async function send(
  r: Responder,
  m: OutMessage,
  mode: 'reply' | 'update',
  ephemeral: boolean,
  deferred: boolean,
): Promise<void> {
  const [first, ...rest] = renderDiscord(m);
  if (!first) return;
  if (deferred) await r.editOriginal(first);
  else if (mode === 'update') await r.update(first);
  else await r.reply(first, ephemeral);
  for (const p of rest) await r.followUp(p, ephemeral);
}

/** A modal's submit: the check-in form. What was typed is cleared from the draft cache once it is stored. */
function submitForm(
  ctx: DiscordAppContext,
  who: DiscordWho,
  formId: string,
  fields: Record<string, string>,
  now: number,
): OutMessage {
  const m = handleFormSubmit(ctx.deps, actorOf(ctx.deps.store, who), formId, fields, now);
  ctx.drafts.clear(`${who.userId}:${formId}`);
  return m;
}

const draftKey = (who: DiscordWho, f: FormRequest & { mood: number }) =>
  `${who.userId}:${checkinFormId({ localDate: f.localDate, promptId: f.promptId, mood: f.mood })}`;

function rememberDraft(
  ctx: DiscordAppContext,
  who: DiscordWho,
  formId: string,
  fields: Record<string, string>,
) {
  ctx.drafts.put(`${who.userId}:${formId}`, fields, ctx.clock.now());
}

const retryId = (formId: string) => `checkin.retry?${formId.split('?')[1] ?? ''}`;

/** "Try again" after a refused modal: the same form, refilled with what the person typed. */
function retryForm(customId: string): OutMessage | null {
  const { verb, params } = parseActionId(customId);
  if (verb !== 'checkin.retry') return null;
  const mood = fieldSchemas.mood.safeParse(params.v);
  const prompt = params.p ? promptById(params.p) : undefined;
  if (!mood.success || !prompt || !params.date) {
    return { blocks: [text('That form has expired. Type /checkin to start a fresh one.')] };
  }
  return {
    blocks: [],
    form: {
      form: 'checkin',
      localDate: params.date,
      promptId: prompt.id,
      promptText: prompt.text,
      mood: mood.data,
    },
    sensitive: true,
  };
}
