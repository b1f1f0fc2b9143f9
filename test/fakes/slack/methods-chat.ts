/**
 * auth.test, conversations.open and the chat.* methods.
 */
import { messageTs } from './ids.js';
import { blocksOf, fail, type MethodCtx, type MethodSpec, str } from './method-table.js';
import type { SlackStore } from './store.js';
import type { FakeSlackMessage, Json } from './types.js';

function messageObject(store: SlackStore, m: FakeSlackMessage): Json {
  const { identity } = store;
  return {
    type: 'message',
    user: identity.botUserId,
    bot_id: identity.botId,
    app_id: identity.appId,
    team: identity.teamId,
    text: m.text,
    blocks: m.blocks,
    ts: m.ts,
    ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
    ...(m.editedAt ? { edited: { user: identity.botUserId, ts: messageTs() } } : {}),
    bot_profile: {
      id: identity.botId,
      app_id: identity.appId,
      name: identity.botName,
      team_id: identity.teamId,
    },
  };
}

function authTest({ store }: MethodCtx): Json {
  const { identity } = store;
  return {
    ok: true,
    url: `https://${identity.teamDomain}.slack.com/`,
    team: identity.teamName,
    user: identity.botName,
    team_id: identity.teamId,
    user_id: identity.botUserId,
    bot_id: identity.botId,
    is_enterprise_install: false,
  };
}

function conversationsOpen({ params, store }: MethodCtx): Json {
  const users = (str(params.users) ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (users.length === 0) {
    const dmUser = store.dmUserByChannel.get(str(params.channel) ?? '');
    if (!params.channel) return fail('users_list_not_supplied');
    return dmUser ? { ok: true, channel: { id: params.channel } } : fail('channel_not_found');
  }
  if (users.length > 8) return fail('too_many_users');
  for (const u of users) {
    if (store.unknownUsers.has(u)) return fail('user_not_found');
    const reason = store.blocked.get(u);
    if (reason && reason !== 'messages_tab_disabled') return fail(reason);
  }
  const id = users.length === 1 ? store.dmFor(users[0]!) : store.mpimFor(users);
  return { ok: true, no_op: false, already_open: false, channel: { id } };
}

function postMessage({ params, store }: MethodCtx): Json {
  const target = store.resolveChannel(params.channel);
  if ('error' in target) return fail(target.error);
  if (store.outside.has(target.id)) return fail('not_in_channel');
  const blocked = store.postError(target.dmUser);
  if (blocked) return fail(blocked);
  const text = str(params.text) ?? '';
  const blocks = blocksOf(params.blocks);
  if (!text && blocks.length === 0 && !params.attachments) return fail('no_text');
  if (params.blocks !== undefined && !Array.isArray(params.blocks)) return fail('invalid_blocks_format');
  const m: FakeSlackMessage = {
    channel: target.id,
    ts: messageTs(),
    text,
    blocks,
    ...(str(params.thread_ts) ? { threadTs: str(params.thread_ts) } : {}),
    ...(params.metadata ? { metadata: params.metadata } : {}),
    user: store.identity.botUserId,
    at: Date.now(),
    edits: 0,
    editedAt: null,
  };
  store.messages.push(m);
  return { ok: true, channel: m.channel, ts: m.ts, message: messageObject(store, m) };
}

function update({ params, store }: MethodCtx): Json {
  const target = store.resolveChannel(params.channel);
  if ('error' in target) return fail(target.error);
  if (store.outside.has(target.id)) return fail('not_in_channel');
  const m = store.findMessage(target.id, str(params.ts) ?? '');
  if (!m) return fail('message_not_found');
  if (params.blocks !== undefined && !Array.isArray(params.blocks)) return fail('invalid_blocks_format');
  if ('text' in params) m.text = str(params.text) ?? '';
  if ('blocks' in params) m.blocks = blocksOf(params.blocks);
  m.edits += 1;
  m.editedAt = Date.now();
  return { ok: true, channel: m.channel, ts: m.ts, text: m.text, message: messageObject(store, m) };
}

function postEphemeral({ params, store }: MethodCtx): Json {
  const target = store.resolveChannel(params.channel);
  if ('error' in target) return fail(target.error);
  const user = str(params.user);
  if (!user || store.unknownUsers.has(user)) return fail('user_not_found');
  if (target.dmUser && target.dmUser !== user) return fail('user_not_in_channel');
  const blocked = store.postError(target.dmUser);
  if (blocked) return fail(blocked);
  const ts = messageTs();
  store.ephemerals.push({
    channel: target.id,
    user,
    text: str(params.text) ?? '',
    blocks: blocksOf(params.blocks),
    messageTs: ts,
    at: Date.now(),
  });
  return { ok: true, message_ts: ts };
}

function chatDelete({ params, store }: MethodCtx): Json {
  const target = store.resolveChannel(params.channel);
  if ('error' in target) return fail(target.error);
  const i = store.messages.findIndex((m) => m.channel === target.id && m.ts === params.ts);
  if (i < 0) return fail('message_not_found');
  store.messages.splice(i, 1);
  return { ok: true, channel: target.id, ts: params.ts };
}

export const CHAT_METHODS: Record<string, MethodSpec> = {
  'auth.test': { token: 'bot', handle: authTest },
  'conversations.open': { token: 'bot', handle: conversationsOpen },
  'chat.postMessage': { token: 'bot', handle: postMessage },
  'chat.update': { token: 'bot', handle: update },
  'chat.postEphemeral': { token: 'bot', handle: postEphemeral },
  'chat.delete': { token: 'bot', handle: chatDelete },
};
