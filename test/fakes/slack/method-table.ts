/**
 * Web API method plumbing shared by the methods-*.ts files.
 */
import type { SlackStore } from './store.js';
import type { Json } from './types.js';

export interface MethodCtx {
  params: Record<string, Json>;
  store: SlackStore;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** A fresh single-use Socket Mode URL (apps.connections.open). */
  openSocketUrl(): string;
}

export interface MethodSpec {
  /** Which token the method takes: 'bot' (xoxb) or 'app' (xapp); the other gets not_allowed_token_type. */
  token: 'bot' | 'app';
  handle(ctx: MethodCtx): Json;
}

/**
 * The bot token scope each method needs, as Slack's docs list it (conversations.open accepts any of four; the
 * fake asks for the DM one). Methods not listed need none.
 */
export const METHOD_SCOPES: Record<string, string> = {
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.delete': 'chat:write',
  'conversations.open': 'im:write',
  'pins.add': 'pins:write',
  'users.info': 'users:read',
  'usergroups.users.list': 'usergroups:read',
  'files.getUploadURLExternal': 'files:write',
  'files.completeUploadExternal': 'files:write',
};

export const fail = (error: string, extra: Json = {}): Json => ({ ok: false, error, ...extra });

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** blocks as an array whatever came in (the fake already JSON-parsed string params). */
export const blocksOf = (v: unknown): Json[] => (Array.isArray(v) ? v : []);
