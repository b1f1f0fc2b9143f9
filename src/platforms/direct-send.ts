import type { Recipient, SendResult } from '../ports/messenger.js';
import { shapeForChat } from '../views/chat-shape.js';
import type { OutMessage } from '../views/message.js';

/** What a chat platform supplies to send a direct message; the flow around it is the same everywhere. */
export interface DirectChannel {
  name: string;
  answerInChat: boolean;
  /** Open (or find) the DM with a user: its channel id. */
  open(userId: string): Promise<string>;
  /** Post a message, already shaped for chat, into a DM channel. */
  post(channelId: string, message: OutMessage): Promise<void>;
  /** The cached channel no longer exists: open it again once. */
  channelGone(e: unknown): boolean;
  /** A thrown error as a SendResult: permanent or worth retrying. */
  failure(e: unknown, to: Recipient): SendResult;
}

/**
 * One direct message: refuse health content unless the operator opted in (design principle 1), use the cached DM
 * channel (one request) or open it (two), reopen once if the cached one has gone, and report the channel so the
 * caller caches it.
 */
export async function sendDirectVia(
  ch: DirectChannel,
  to: Recipient,
  message: OutMessage,
): Promise<SendResult> {
  if (message.sensitive && !ch.answerInChat) {
    throw new Error(`refusing to send health content through ${ch.name} (ANSWER_IN_CHAT is off)`);
  }
  const shaped = shapeForChat(message, ch.answerInChat);
  try {
    let channel = to.dmChannelId ?? (await ch.open(to.userId));
    try {
      await ch.post(channel, shaped);
    } catch (e) {
      if (!(to.dmChannelId && ch.channelGone(e))) throw e;
      channel = await ch.open(to.userId);
      await ch.post(channel, shaped);
    }
    return { ok: true, dmChannelId: channel };
  } catch (e) {
    return ch.failure(e, to);
  }
}
