import { type KnownBlock, WebAPIPlatformError, WebAPIRateLimitedError, type WebClient } from '@slack/web-api';
import type { Logger, Messenger, Recipient, SendOptions, SendResult } from '../../ports.js';
import type { OutMessage } from '../../views/message.js';
import { sendDirectVia } from '../direct-send.js';
import { renderSlack } from './render.js';

/** Slack errors that mean retrying cannot help: the person is gone, or cannot be messaged by this app. */
const PERMANENT = new Set([
  'user_not_found',
  'user_disabled',
  'account_inactive',
  'cannot_dm_bot',
  'not_allowed_token_type',
  'missing_scope',
  'restricted_action',
  'user_not_visible',
  'messages_tab_disabled',
]);
const GONE_CHANNEL = new Set(['channel_not_found', 'is_archived']);

/**
 * Direct messages through the Web API: conversations.open when the DM id is not cached yet (the caller stores it
 * in SQLite), then chat.postMessage with Block Kit, so a warm nudge is one call. The WebClient waits out a 429 as
 * its Retry-After says before trying again.
 */
export class SlackMessenger implements Messenger {
  constructor(
    private readonly client: WebClient,
    private readonly opts: { answerInChat: boolean; log: Logger },
  ) {}

  // Slack has no message nonce: a resend is prevented by the delivery row's status, not by Slack.
  sendDirect(to: Recipient, message: OutMessage, opts: SendOptions): Promise<SendResult> {
    return sendDirectVia(
      {
        name: 'Slack',
        answerInChat: opts.answerInChat ?? this.opts.answerInChat,
        open: (userId) => this.openDm(userId),
        post: (channel, m) => this.post(channel, renderSlack(m)),
        channelGone: (e) => e instanceof WebAPIPlatformError && GONE_CHANNEL.has(e.data.error ?? ''),
        failure: (e, r) => this.failure(e, r),
      },
      to,
      message,
    );
  }

  async openDm(userId: string): Promise<string> {
    const r = await this.client.conversations.open({ users: userId });
    const id = r.channel?.id;
    if (!id) throw new Error('conversations.open returned no channel');
    return id;
  }

  private async post(channel: string, payloads: ReturnType<typeof renderSlack>): Promise<void> {
    // Our blocks are built as plain JSON (render.ts); Slack validates them. The cast is the only bridge.
    for (const p of payloads)
      await this.client.chat.postMessage({ channel, text: p.text, blocks: p.blocks as KnownBlock[] });
  }

  private failure(e: unknown, to: Recipient): SendResult {
    if (e instanceof WebAPIPlatformError) {
      const error = e.data.error ?? 'unknown';
      return PERMANENT.has(error)
        ? { ok: false, permanent: true, reason: `slack ${error}` }
        : { ok: false, permanent: false, reason: `slack ${error}` };
    }
    if (e instanceof WebAPIRateLimitedError) {
      return { ok: false, permanent: false, reason: 'rate limited', retryAfterMs: e.retryAfter * 1000 };
    }
    this.opts.log.warn({ err: e, user: to.userId }, 'slack send failed');
    return { ok: false, permanent: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
