/**
 * Bot-token REST routes: gateway info, users and DM channels, channel messages (with nonce enforcement),
 * application commands and a little guild lookup.
 */
import { ChannelType } from 'discord-api-types/v10';
import { bodyProblems } from './openapi-check.js';
import { channelObject, memberObject, messageObject } from './payloads.js';
import { discordError, type Route, type RouteCtx, type RouteResult } from './router.js';
import type { Json } from './types.js';

const MAX_CONTENT = 2000;

function invalidForm(field: string, code: string, message: string): RouteResult {
  return discordError(400, 50035, 'Invalid Form Body', { [field]: { _errors: [{ code, message }] } });
}

function channelOf(ctx: RouteCtx) {
  return ctx.store.channels.get(ctx.params.channel ?? '');
}

function botMessage(ctx: RouteCtx, id: string): RouteResult {
  const m = ctx.store.messageById.get(id);
  if (!m || m.channelId !== ctx.params.channel) return discordError(404, 10008, 'Unknown Message');
  return {
    status: 200,
    body: messageObject(m, ctx.store.user(m.authorId), ctx.baseUrl, { guildId: m.guildId }),
  };
}

function createMessage(ctx: RouteCtx): RouteResult {
  const { store, payload } = ctx;
  const channel = channelOf(ctx);
  if (!channel) return discordError(404, 10003, 'Unknown Channel');
  if (store.lacks(channel.id, 'send')) return discordError(403, 50013, 'Missing Permissions');
  if (channel.type === ChannelType.DM && store.rejectDms.has(channel.recipientId ?? '')) {
    return discordError(403, 50007, 'Cannot send messages to this user');
  }
  const j = payload.json ?? {};
  const content = typeof j.content === 'string' ? j.content : '';
  if (content.length > MAX_CONTENT) {
    return invalidForm('content', 'BASE_TYPE_MAX_LENGTH', `Must be ${MAX_CONTENT} or fewer in length.`);
  }
  const nonEmpty = (v: Json) => Array.isArray(v) && v.length > 0;
  if (!content && !payload.files.length && !nonEmpty(j.embeds) && !nonEmpty(j.components) && !j.poll) {
    if (!nonEmpty(j.sticker_ids)) return discordError(400, 50006, 'Cannot send an empty message');
  }
  const nonce = typeof j.nonce === 'string' || typeof j.nonce === 'number' ? j.nonce : null;
  const nonceKey = `${channel.id}|${nonce}`;
  if (nonce !== null && j.enforce_nonce === true) {
    const first = store.nonces.get(nonceKey);
    if (first) return { status: 200, body: messageObject(first, store.user(first.authorId), ctx.baseUrl) };
  }
  const m = store.createMessage(channel, store.bot.id, payload, nonce);
  if (nonce !== null) store.nonces.set(nonceKey, m);
  return { status: 200, body: messageObject(m, store.user(m.authorId), ctx.baseUrl, { guildId: m.guildId }) };
}

/** An edit Discord would refuse: a body outside its OpenAPI description, content too long, nothing left. */
function invalidEdit(ctx: RouteCtx): RouteResult | null {
  const j = ctx.payload.json ?? {};
  const problems = bodyProblems('PATCH', ctx.path, j);
  if (problems.length) {
    const _errors = problems.map((message) => ({ code: 'INVALID_FORM_BODY', message }));
    return discordError(400, 50035, 'Invalid Form Body', { _errors });
  }
  if (typeof j.content === 'string' && j.content.length > MAX_CONTENT) {
    return invalidForm('content', 'BASE_TYPE_MAX_LENGTH', `Must be ${MAX_CONTENT} or fewer in length.`);
  }
  if (
    j.content === '' &&
    Array.isArray(j.components) &&
    j.components.length === 0 &&
    !ctx.payload.files.length
  ) {
    return discordError(400, 50006, 'Cannot send an empty message');
  }
  return null;
}

/** PUT a pin: the message must be in the channel; pinning a pinned message is a no-op; a channel has a cap. */
function pin(ctx: RouteCtx): RouteResult {
  const { store } = ctx;
  const channel = channelOf(ctx);
  if (!channel) return discordError(404, 10003, 'Unknown Channel');
  if (ctx.payload.json !== null) return discordError(400, 50035, 'Invalid Form Body');
  const m = store.messageById.get(ctx.params.message!);
  if (!m || m.channelId !== channel.id) return discordError(404, 10008, 'Unknown Message');
  if (store.lacks(channel.id, 'pin')) return discordError(403, 50013, 'Missing Permissions');
  const pinned = store.pins.get(channel.id) ?? [];
  if (pinned.includes(m.id)) return { status: 204 };
  if (pinned.length >= store.maxPins) {
    return discordError(400, 30003, `Maximum number of pins reached (${store.maxPins})`);
  }
  store.pins.set(channel.id, [...pinned, m.id]);
  return { status: 204 };
}

export const REST_ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: '/gateway/bot',
    auth: true,
    handle: (ctx) => ({
      status: 200,
      body: {
        url: ctx.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      },
    }),
  },
  {
    method: 'GET',
    pattern: '/gateway',
    auth: false,
    handle: (ctx) => ({ status: 200, body: { url: ctx.gatewayUrl } }),
  },
  {
    method: 'GET',
    pattern: '/users/@me',
    auth: true,
    handle: (ctx) => ({
      status: 200,
      body: {
        ...ctx.store.user(ctx.store.bot.id),
        verified: true,
        mfa_enabled: false,
        locale: 'en-US',
        email: null,
      },
    }),
  },
  {
    method: 'GET',
    pattern: '/users/:user',
    auth: true,
    handle: (ctx) =>
      ctx.store.unknownUsers.has(ctx.params.user!)
        ? discordError(404, 10013, 'Unknown User')
        : { status: 200, body: ctx.store.user(ctx.params.user!) },
  },
  {
    method: 'POST',
    pattern: '/users/@me/channels',
    auth: true,
    handle: (ctx) => {
      const recipient = ctx.payload.json?.recipient_id;
      if (typeof recipient !== 'string' || !/^\d{15,21}$/.test(recipient)) {
        return invalidForm('recipient_id', 'NUMBER_TYPE_COERCE', `Value "${recipient}" is not snowflake.`);
      }
      const unknown = ctx.store.unknownUsers.get(recipient);
      if (unknown === 10013) return discordError(404, 10013, 'Unknown User');
      if (unknown === 50035) return invalidForm('recipient_id', 'NUMBER_TYPE_COERCE', 'Unknown user.');
      const channel = ctx.store.dmChannelFor(recipient);
      return { status: 200, body: channelObject(channel, ctx.store.user(recipient)) };
    },
  },
  {
    method: 'GET',
    pattern: '/channels/:channel',
    auth: true,
    major: ['channel'],
    handle: (ctx) => {
      const channel = channelOf(ctx);
      if (!channel) return discordError(404, 10003, 'Unknown Channel');
      const recipient = channel.recipientId ? ctx.store.user(channel.recipientId) : undefined;
      return { status: 200, body: channelObject(channel, recipient) };
    },
  },
  {
    method: 'POST',
    pattern: '/channels/:channel/messages',
    auth: true,
    major: ['channel'],
    handle: createMessage,
  },
  {
    method: 'GET',
    pattern: '/channels/:channel/messages/:message',
    auth: true,
    major: ['channel'],
    handle: (ctx) => botMessage(ctx, ctx.params.message!),
  },
  {
    method: 'PATCH',
    pattern: '/channels/:channel/messages/:message',
    auth: true,
    major: ['channel'],
    handle: (ctx) => {
      const m = ctx.store.messageById.get(ctx.params.message!);
      if (!m || m.channelId !== ctx.params.channel) return discordError(404, 10008, 'Unknown Message');
      if (m.authorId !== ctx.store.bot.id) {
        return discordError(403, 50005, 'Cannot edit a message authored by another user');
      }
      const invalid = invalidEdit(ctx);
      if (invalid) return invalid;
      ctx.store.editMessage(m, ctx.payload);
      return botMessage(ctx, m.id);
    },
  },
  {
    method: 'DELETE',
    pattern: '/channels/:channel/messages/:message',
    auth: true,
    major: ['channel'],
    handle: (ctx) => {
      const m = ctx.store.messageById.get(ctx.params.message!);
      if (!m || m.channelId !== ctx.params.channel) return discordError(404, 10008, 'Unknown Message');
      ctx.store.messageById.delete(m.id);
      return { status: 204 };
    },
  },
  // The current pin route, and the deprecated one Discord still answers.
  {
    method: 'PUT',
    pattern: '/channels/:channel/messages/pins/:message',
    auth: true,
    major: ['channel'],
    handle: pin,
  },
  { method: 'PUT', pattern: '/channels/:channel/pins/:message', auth: true, major: ['channel'], handle: pin },
  {
    method: 'POST',
    pattern: '/channels/:channel/typing',
    auth: true,
    major: ['channel'],
    handle: (ctx) => (channelOf(ctx) ? { status: 204 } : discordError(404, 10003, 'Unknown Channel')),
  },
  {
    method: 'GET',
    pattern: '/guilds/:guild/members/:user',
    auth: true,
    major: ['guild'],
    handle: (ctx) => {
      const guild = ctx.store.guilds.get(ctx.params.guild!);
      if (!guild) return discordError(403, 50001, 'Missing Access');
      const userId = ctx.params.user!;
      if (userId === ctx.store.bot.id) {
        return { status: 200, body: memberObject([], guild.joinedAt, ctx.store.user(userId)) };
      }
      const m = guild.members.get(userId);
      if (!m) return discordError(404, 10007, 'Unknown Member');
      return { status: 200, body: memberObject(m.roles, m.joined_at, ctx.store.user(userId)) };
    },
  },
];
