/** The Messenger port: how a message reaches a person (and, where a platform can, a channel). */
import type { Platform } from '../domain/types.js';
import type { OutMessage } from '../views/message.js';

export interface Recipient {
  platform: Platform;
  spaceExternalId: string;
  userId: string;
  dmChannelId: string | null;
}

export type SendResult =
  | { ok: true; dmChannelId?: string }
  /** `permanent`: retrying cannot help (the person closed their DMs, the user is gone). */
  | { ok: false; permanent: boolean; reason: string; retryAfterMs?: number };

export interface SendOptions {
  /** The delivery key: a platform that supports it (Discord nonce) drops a resend. */
  idempotencyKey: string;
  /** Chat mode for this message; unset: the messenger's own setting. */
  answerInChat?: boolean;
}

export interface Messenger {
  sendDirect(to: Recipient, message: OutMessage, opts: SendOptions): Promise<SendResult>;
  /** Posting to shared channels; absent where the platform (or this setup) cannot, so callers must check. */
  readonly channels?: ChannelPosts;
}

/** A shared channel: a Discord guild text channel, a Slack channel, a named room on the console. */
export interface ChannelRef {
  platform: Platform;
  spaceExternalId: string;
  channelId: string;
}

/** Where a post landed, so it can be edited or pinned later. Plain JSON: the app may store it. */
export interface PostedRef {
  platform: Platform;
  channelId: string;
  /**
   * The platform's ids of the post's pieces, in order (Discord message ids, Slack `ts`): a long post can take more
   * than one message. The first is the one pinned.
   */
  messageIds: string[];
}

/** A refusal or failure, shaped like a failed SendResult: `permanent` when retrying the same call cannot help. */
export type SendFailure = Extract<SendResult, { ok: false }>;

/** A post, or its edit: the ref to keep (an edit that needs more or fewer pieces changes it). */
export type PostResult = { ok: true; posted: PostedRef } | SendFailure;

export type DoneResult = { ok: true } | SendFailure;

/**
 * Posting into a shared channel. Nothing posted pings anyone (no @everyone, no mentions) and people's words show
 * exactly as written. Health content (`sensitive`) is refused: a channel is never private.
 */
export interface ChannelPosts {
  /** `idempotencyKey`: a platform that supports it (Discord nonce) drops a resend. */
  post(to: ChannelRef, message: OutMessage, opts?: { idempotencyKey?: string }): Promise<PostResult>;
  /** Replace what a post says. */
  update(posted: PostedRef, message: OutMessage): Promise<PostResult>;
  /** Pin the post (its first piece). Pinning a pinned post succeeds. */
  pin(posted: PostedRef): Promise<DoneResult>;
}
