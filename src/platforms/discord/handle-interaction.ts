import type { AppDeps } from '../../app/deps.js';
import type { Routes } from '../../app/feature.js';
import { type Inbound as AppInbound, handleInbound, type InboundResult } from '../../app/inbound.js';
import { type Registry, replyForError } from '../../app/run-command.js';
import { fieldSchemas } from '../../domain/checkin-form.js';
import { promptById } from '../../domain/prompts/index.js';
import { isUserError } from '../../errors.js';
import { checkinFormId } from '../../features/check-in/checkin.js';
import { DEFER_AFTER_MS, LATE, withDeadline } from '../../lib/deadline.js';
import type { Clock } from '../../ports/clock.js';
import { parseButtonId } from '../../views/button-id.js';
import { type FormRequest, type OutMessage, text } from '../../views/message.js';
import { callerOf } from './actor-of.js';
import { checkinModal } from './checkin-modal.js';
import { DISCORD_TEXTS } from './discord-texts.js';
import type { DraftCache } from './drafts.js';
import type { DiscordWho, Inbound, Responder } from './inbound.js';
import { renderDiscord } from './render.js';

export interface DiscordAppContext {
  deps: AppDeps;
  registry: Registry;
  routes: Routes;
  clock: Clock;
  drafts: DraftCache;
  /** Work not finished by then is deferred (Discord's deadline for the first answer is 3 s). */
  deferAfterMs?: number;
}

/** An interaction as the app's one way in reads it. */
const toApp = (inbound: Inbound): AppInbound => {
  switch (inbound.kind) {
    case 'command':
      return {
        kind: 'command',
        invocation: { name: inbound.name, sub: inbound.sub, options: inbound.options },
      };
    case 'button':
      return { kind: 'button', id: inbound.customId };
    case 'modal':
      return { kind: 'form', formId: inbound.customId, fields: inbound.fields };
  }
};

/**
 * Every Discord interaction, from the gateway or the HTTP endpoint, goes through here: translate it, hand it to
 * the app's one way in (which resolves the actor, runs the use case, keeps health data off Discord unless the
 * operator opted in, and turns errors into kind replies), and answer within Discord's deadline. What stays here is
 * Discord's own: deferring, modals, and keeping a refused modal's words for "Try again". Never throws.
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
    const now = ctx.clock.now();
    // Commands answer with a new message; buttons and modals opened from a message replace that message.
    const mode =
      inbound.kind === 'command' || (inbound.kind === 'modal' && !inbound.fromMessage) ? 'reply' : 'update';
    const retry = inbound.kind === 'button' ? retryForm(inbound.customId) : null;
    const work = (): Promise<InboundResult> =>
      handleInbound(deps, ctx, callerOf(who), toApp(inbound), now, { thirdParty: true });
    const first = retry ?? (await withDeadline(work(), ctx.deferAfterMs ?? DEFER_AFTER_MS));
    if (first === LATE) {
      deferred = true;
      await r.defer(mode, ephemeral);
    }
    const result = first === LATE ? await work() : first;
    const { message: m, error } = result;
    if (error !== undefined) {
      if (isUserError(error) && inbound.kind === 'modal' && error.code !== 'not-enrolled') {
        // Keep what they typed for the retry, and offer it.
        rememberDraft(ctx, who, inbound.customId, inbound.fields);
        m.buttons = [{ id: retryId(inbound.customId), label: DISCORD_TEXTS.tryAgain, style: 'primary' }];
      }
      return await send(r, m, 'reply', ephemeral, deferred);
    }
    if (inbound.kind === 'modal') ctx.drafts.clear(`${who.userId}:${inbound.customId}`);
    if (m.form?.mood !== undefined && !deferred) {
      const form = m.form as FormRequest & { mood: number };
      return await r.modal(checkinModal(form, ctx.drafts.take(draftKey(who, form), now)));
    }
    await send(r, m, mode, ephemeral, deferred);
  } catch (e) {
    // Only Discord itself can fail here (the app's errors are replies already).
    try {
      await send(r, replyForError(e, deps.log, logContext), 'reply', ephemeral, deferred);
    } catch (sendErr) {
      deps.log.error({ err: sendErr, ...logContext }, 'could not tell the person about an error');
    }
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

/**
 * "Try again" after a refused modal: the same form, refilled with what the person typed (Discord's own: its
 * modals cannot stay open with an error, so the words wait in the draft cache).
 */
function retryForm(customId: string): InboundResult | null {
  const { verb, params } = parseButtonId(customId);
  if (verb !== 'checkin.retry') return null;
  const mood = fieldSchemas.mood.safeParse(params.v);
  const prompt = params.p ? promptById(params.p) : undefined;
  const nobody = {
    platform: 'discord' as const,
    spaceExternalId: '',
    spaceName: null,
    userId: '',
    displayName: null,
    isFacilitator: false,
  };
  if (!mood.success || !prompt || !params.date) {
    return { actor: nobody, message: { blocks: [text(DISCORD_TEXTS.formExpired)] } };
  }
  return {
    actor: nobody,
    message: {
      blocks: [],
      form: {
        form: 'checkin',
        localDate: params.date,
        promptId: prompt.id,
        promptText: prompt.text,
        mood: mood.data,
      },
      sensitive: true,
    },
  };
}
