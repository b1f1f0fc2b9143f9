/**
 * Interaction endpoints (authenticated by the interaction token, not the bot token): the initial callback and
 * the webhook follow-up / @original routes.
 */
import { InteractionResponseType, InteractionType, MessageFlags } from 'discord-api-types/v10';
import { applyCallback } from './callbacks.js';
import type { InteractionRecord } from './interaction-record.js';
import { refuseModal } from './modal-validation.js';
import { messageObject } from './payloads.js';
import { discordError, type Route, type RouteCtx, type RouteResult } from './router.js';
import type { FakeMessage, Json } from './types.js';

const MAX_CONTENT = 2000;

/** Callback types Discord accepts per interaction type. */
const ALLOWED: Record<number, number[]> = {
  [InteractionType.ApplicationCommand]: [4, 5, 9, 12],
  [InteractionType.MessageComponent]: [4, 5, 6, 7, 9, 12],
  [InteractionType.ModalSubmit]: [4, 5, 6, 7],
};

function invalidType(type: unknown): RouteResult {
  return discordError(400, 50035, 'Invalid Form Body', {
    type: {
      _errors: [{ code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: `Invalid callback type ${type}` }],
    },
  });
}

function tooLong(): RouteResult {
  return discordError(400, 50035, 'Invalid Form Body', {
    data: {
      content: {
        _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${MAX_CONTENT} or fewer in length.` }],
      },
    },
  });
}

function responseMessage(ctx: RouteCtx, rec: InteractionRecord, m: FakeMessage): Json {
  const store = ctx.store;
  const fromBot = m.authorId === store.bot.id;
  return messageObject(m, store.user(m.authorId), ctx.baseUrl, {
    guildId: rec.guildId,
    ...(fromBot ? { webhookId: store.applicationId, applicationId: store.applicationId } : {}),
    interaction: {
      id: rec.id,
      type: rec.type,
      user: rec.payload.user ?? rec.payload.member?.user,
      authorizing_integration_owners: rec.payload.authorizing_integration_owners,
    },
  });
}

function callback(ctx: RouteCtx, deadlineMs: number | null): RouteResult {
  const { store, payload } = ctx;
  const rec = store.interactions.get(ctx.params.interaction!);
  if (!rec || rec.token !== ctx.params.token) return discordError(404, 10062, 'Unknown interaction');
  if (!rec.acknowledged && deadlineMs !== null && Date.now() - rec.createdAt > deadlineMs) {
    return discordError(404, 10062, 'Unknown interaction');
  }
  if (rec.acknowledged) return discordError(400, 40060, 'Interaction has already been acknowledged.');
  const type = payload.json?.type;
  const data: Json = payload.json?.data;
  if (typeof type !== 'number' || !ALLOWED[rec.type]?.includes(type)) return invalidType(type);
  if (typeof data?.content === 'string' && data.content.length > MAX_CONTENT) return tooLong();
  const refused = type === InteractionResponseType.Modal ? refuseModal(data) : null;
  if (refused) return refused;
  applyCallback(store, rec, payload);
  if (ctx.query.with_response !== 'true') return { status: 204 };
  const original = rec.original;
  return {
    status: 200,
    body: {
      interaction: {
        id: rec.id,
        type: rec.type,
        response_message_id: original?.id ?? null,
        response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
        response_message_ephemeral: Boolean((original?.flags ?? 0) & MessageFlags.Ephemeral),
      },
      resource: { type, ...(original ? { message: responseMessage(ctx, rec, original) } : {}) },
    },
  };
}

function webhookRecord(ctx: RouteCtx): InteractionRecord | RouteResult {
  const rec = ctx.store.interactionsByToken.get(ctx.params.token!);
  // An HTTP interaction's first answer went to the test, not here: its webhooks work from the start.
  if (!rec || ctx.params.app !== ctx.store.applicationId || !(rec.acknowledged || rec.via === 'http')) {
    return discordError(404, 10015, 'Unknown Webhook');
  }
  return rec;
}

function targetMessage(rec: InteractionRecord, id: string): FakeMessage | null {
  return id === '@original' ? rec.original : (rec.followUpMessages.get(id) ?? null);
}

const pick = (j: Json) => ({
  ...(typeof j?.content === 'string' ? { content: j.content } : {}),
  ...(Array.isArray(j?.components) ? { components: j.components } : {}),
  ...(Array.isArray(j?.embeds) ? { embeds: j.embeds } : {}),
});

function followUp(ctx: RouteCtx): RouteResult {
  const rec = webhookRecord(ctx);
  if ('status' in rec) return rec;
  const j = ctx.payload.json ?? {};
  if (typeof j.content === 'string' && j.content.length > MAX_CONTENT) return tooLong();
  const m = ctx.store.buildMessage(rec.channel, ctx.store.bot.id, ctx.payload, null);
  rec.addFollowUp({ id: m.id, ...pick(j), flags: m.flags, files: m.attachments, at: Date.now() }, m);
  return { status: 200, body: responseMessage(ctx, rec, m) };
}

function webhookMessage(ctx: RouteCtx): RouteResult {
  const rec = webhookRecord(ctx);
  if ('status' in rec) return rec;
  const id = ctx.params.message!;
  if (id === '@original' && !rec.original && rec.via === 'http' && ctx.method === 'PATCH') {
    rec.original = ctx.store.buildMessage(rec.channel, ctx.store.bot.id, { json: {}, files: [] }, null);
  }
  const m = targetMessage(rec, id);
  if (!m) return discordError(404, 10008, 'Unknown Message');
  if (ctx.method === 'DELETE') {
    if (id === '@original') rec.original = null;
    else rec.followUpMessages.delete(id);
    return { status: 204 };
  }
  if (ctx.method === 'PATCH') {
    const files = ctx.store.editMessage(m, ctx.payload);
    m.flags &= ~MessageFlags.Loading;
    rec.addEdit({ messageId: id, ...pick(ctx.payload.json), files, at: Date.now() });
  }
  return { status: 200, body: responseMessage(ctx, rec, m) };
}

export function interactionRoutes(deadlineMs: () => number | null): Route[] {
  const hook = { auth: false, interaction: true, major: ['app', 'token'] };
  return [
    {
      method: 'POST',
      pattern: '/interactions/:interaction/:token/callback',
      auth: false,
      interaction: true,
      major: ['interaction'],
      handle: (ctx) => callback(ctx, deadlineMs()),
    },
    { method: 'POST', pattern: '/webhooks/:app/:token', ...hook, handle: followUp },
    { method: 'GET', pattern: '/webhooks/:app/:token/messages/:message', ...hook, handle: webhookMessage },
    { method: 'PATCH', pattern: '/webhooks/:app/:token/messages/:message', ...hook, handle: webhookMessage },
    { method: 'DELETE', pattern: '/webhooks/:app/:token/messages/:message', ...hook, handle: webhookMessage },
  ];
}
