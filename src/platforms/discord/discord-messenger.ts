import { type APIChannel, DiscordAPIError, RateLimitError, type REST, Routes } from 'discord.js';
import type { Logger } from '../../ports/logger.js';
import type { Messenger, Recipient, SendOptions, SendResult } from '../../ports/messenger.js';
import type { OutMessage } from '../../views/message.js';
import { sendDirectVia } from '../direct-send.js';
import { DiscordChannels } from './discord-channels.js';
import { ALLOWED_MENTIONS } from './escape.js';
import { nonceFor } from './nonce.js';
import { type DiscordPayload, renderDiscord } from './render.js';

/** Discord error codes that mean retrying cannot help. */
const PERMANENT: Record<number, string> = {
  50007: 'the person does not accept direct messages from this bot',
  10013: 'unknown user',
};
const UNKNOWN_CHANNEL = 10003;

export { nonceFor } from './nonce.js';

/**
 * Direct messages over Discord's REST API only (no gateway), so a delivery worker needs nothing but the token.
 * One request per message when the DM channel id is known (cached in SQLite by the caller), two when it must be
 * opened. The delivery key goes out as the message nonce with enforce_nonce, so a resend after a crash or a
 * retry is dropped by Discord itself. @discordjs/rest paces requests by Discord's rate-limit headers and waits
 * out a 429 before retrying, so nothing is hammered.
 */
export class DiscordMessenger implements Messenger {
  readonly channels: DiscordChannels;

  constructor(
    private readonly rest: REST,
    private readonly opts: { answerInChat: boolean; log: Logger },
  ) {
    this.channels = new DiscordChannels(rest, opts.log);
  }

  sendDirect(to: Recipient, message: OutMessage, opts: SendOptions): Promise<SendResult> {
    return sendDirectVia(
      {
        name: 'Discord',
        answerInChat: opts.answerInChat ?? this.opts.answerInChat,
        open: (userId) => this.openDm(userId),
        post: (channelId, m) => this.post(channelId, renderDiscord(m), opts.idempotencyKey),
        // A cached channel can vanish.
        channelGone: (e) => e instanceof DiscordAPIError && e.code === UNKNOWN_CHANNEL,
        failure: (e, r) => this.failure(e, r),
      },
      to,
      message,
    );
  }

  private async openDm(userId: string): Promise<string> {
    const channel = (await this.rest.post(Routes.userChannels(), {
      body: { recipient_id: userId },
    })) as APIChannel;
    return channel.id;
  }

  private async post(channelId: string, payloads: DiscordPayload[], key: string): Promise<void> {
    for (const [i, p] of payloads.entries()) {
      await this.rest.post(Routes.channelMessages(channelId), {
        body: {
          content: p.content,
          components: p.components,
          allowed_mentions: ALLOWED_MENTIONS,
          nonce: nonceFor(i === 0 ? key : `${key}#${i}`),
          enforce_nonce: true,
        },
        files: p.files.map((f) => ({ name: f.name, data: f.data, contentType: f.contentType })),
      });
    }
  }

  private failure(e: unknown, to: Recipient): SendResult {
    if (e instanceof DiscordAPIError) {
      const permanent = typeof e.code === 'number' ? PERMANENT[e.code] : undefined;
      if (permanent) return { ok: false, permanent: true, reason: `discord ${e.code}: ${permanent}` };
      return { ok: false, permanent: false, reason: `discord ${e.code} (HTTP ${e.status})` };
    }
    if (e instanceof RateLimitError) {
      return { ok: false, permanent: false, reason: 'rate limited', retryAfterMs: e.retryAfter };
    }
    this.opts.log.warn({ err: e, user: to.userId }, 'discord send failed');
    return { ok: false, permanent: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
