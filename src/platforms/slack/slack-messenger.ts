import { type KnownBlock, WebAPIPlatformError, WebAPIRateLimitedError, type WebClient } from '@slack/web-api';
import type { Logger } from '../../ports/logger.js';
import type { Messenger, Recipient, SendOptions, SendResult } from '../../ports/messenger.js';
import type { OutMessage } from '../../views/message.js';
import { sendDirectVia } from '../direct-send.js';
import { renderSlack } from './render.js';
import { SlackChannels } from './slack-channels.js';
import { operatorHint, sideOf } from './slack-errors.js';

type SlackRefusal = { error?: string; needed?: unknown; provided?: unknown };
const GONE_CHANNEL = new Set(['channel_not_found', 'is_archived']);
/** A misconfigured app fails every send alike: say so the first time, then once every this many failures. */
const OPERATOR_LOG_EVERY = 100;

/**
 * Direct messages through the Web API: conversations.open when the DM id is not cached yet (the caller stores it
 * in SQLite), then chat.postMessage with Block Kit, so a warm nudge is one call. The WebClient waits out a 429 as
 * its Retry-After says before trying again.
 */
export class SlackMessenger implements Messenger {
  readonly channels: SlackChannels;

  constructor(
    private readonly client: WebClient,
    private readonly opts: { answerInChat: boolean; log: Logger },
  ) {
    this.channels = new SlackChannels(client, opts.log);
  }

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

  private readonly operatorFailures = new Map<string, number>();

  private failure(e: unknown, to: Recipient): SendResult {
    if (e instanceof WebAPIPlatformError) {
      const error = e.data.error ?? 'unknown';
      const side = sideOf(error);
      if (side === 'operator') {
        // missing_scope answers carry `needed` and `provided`, which WebAPICallResult does not declare.
        const data: SlackRefusal = e.data;
        this.operatorProblem(data);
        // The app's setup, not the person: retried, and in the end failed for now, never marked unreachable.
        const needed = typeof data.needed === 'string' ? ` (needs ${data.needed})` : '';
        return { ok: false, permanent: false, reason: `slack ${error}${needed}` };
      }
      return { ok: false, permanent: side === 'person', reason: `slack ${error}` };
    }
    if (e instanceof WebAPIRateLimitedError) {
      return { ok: false, permanent: false, reason: 'rate limited', retryAfterMs: e.retryAfter * 1000 };
    }
    this.opts.log.warn({ err: e, user: to.userId }, 'slack send failed');
    return { ok: false, permanent: false, reason: e instanceof Error ? e.message : String(e) };
  }

  /** Only Slack's answer is logged: the error, the scope it needed and the ones the token has; never the token. */
  private operatorProblem(data: SlackRefusal): void {
    const key = `${data.error}:${String(data.needed ?? '')}`;
    const seen = (this.operatorFailures.get(key) ?? 0) + 1;
    this.operatorFailures.set(key, seen);
    if (seen % OPERATOR_LOG_EVERY !== 1) return;
    this.opts.log.error(
      {
        platform: 'slack',
        error: data.error,
        ...(typeof data.needed === 'string' ? { neededScope: data.needed } : {}),
        ...(typeof data.provided === 'string' ? { providedScopes: data.provided } : {}),
        failures: seen,
        fix: operatorHint(data),
      },
      `slack refused to send a direct message (${data.error}): the app's setup needs fixing, nobody is marked unreachable`,
    );
  }
}
