import { DiscordAPIError, RateLimitError, type REST, Routes } from 'discord.js';
import type { Logger } from '../../ports/logger.js';
import type {
  ChannelPosts,
  ChannelRef,
  DoneResult,
  PostedRef,
  PostResult,
  SendFailure,
} from '../../ports/messenger.js';
import type { OutMessage } from '../../views/message.js';
import { badRef, editPieces, forChannel, isFailure } from '../channel-post.js';
import { ALLOWED_MENTIONS } from './escape.js';
import { nonceFor } from './nonce.js';
import { type DiscordPayload, renderDiscord } from './render.js';

/** Discord error codes a channel post can meet, said plainly for the operator's log and the facilitator. */
const KNOWN: Record<number, string> = {
  10003: 'unknown channel',
  10008: 'unknown message',
  30003: 'the channel already has as many pins as Discord allows',
  50001: 'the bot cannot see this channel',
  50005: 'the message was written by someone else',
  50013: 'the bot lacks a permission in this channel (Send Messages, or Pin Messages to pin)',
  50035: 'Discord found the message invalid',
};

const upload = (p: DiscordPayload) =>
  p.files.map((f) => ({ name: f.name, data: f.data, contentType: f.contentType }));

/**
 * Posts in guild text channels over REST, rendered by the same renderer as DMs (people's words escaped) with
 * allowed_mentions empty on every create and edit, so nothing pings. A post too long for one message is several.
 */
export class DiscordChannels implements ChannelPosts {
  constructor(
    private readonly rest: REST,
    private readonly log: Logger,
  ) {}

  async post(
    to: ChannelRef,
    message: OutMessage,
    opts: { idempotencyKey?: string } = {},
  ): Promise<PostResult> {
    const m = forChannel(message);
    if (isFailure(m)) return m;
    try {
      const ids: string[] = [];
      for (const [i, p] of renderDiscord(m).entries()) {
        const key = opts.idempotencyKey && (i === 0 ? opts.idempotencyKey : `${opts.idempotencyKey}#${i}`);
        ids.push(await this.create(to.channelId, p, key));
      }
      return { ok: true, posted: { platform: 'discord', channelId: to.channelId, messageIds: ids } };
    } catch (e) {
      return this.failure(e, to.channelId);
    }
  }

  async update(posted: PostedRef, message: OutMessage): Promise<PostResult> {
    const m = forChannel(message);
    if (isFailure(m)) return m;
    const bad = badRef(posted);
    if (bad) return bad;
    const channel = posted.channelId;
    try {
      const next = await editPieces(posted, renderDiscord(m), {
        edit: (id, p) => this.edit(channel, id, p),
        post: (p) => this.create(channel, p),
        remove: async (id) => {
          await this.rest.delete(Routes.channelMessage(channel, id));
        },
      });
      return { ok: true, posted: next };
    } catch (e) {
      return this.failure(e, channel);
    }
  }

  async pin(posted: PostedRef): Promise<DoneResult> {
    const bad = badRef(posted);
    if (bad) return bad;
    try {
      // The current route (the older /channels/{id}/pins/{id} is deprecated in Discord's OpenAPI description).
      await this.rest.put(Routes.channelMessagesPin(posted.channelId, posted.messageIds[0]!));
      return { ok: true };
    } catch (e) {
      return this.failure(e, posted.channelId);
    }
  }

  private async create(channelId: string, p: DiscordPayload, key?: string): Promise<string> {
    const created = (await this.rest.post(Routes.channelMessages(channelId), {
      body: {
        content: p.content,
        components: p.components,
        allowed_mentions: ALLOWED_MENTIONS,
        ...(key ? { nonce: nonceFor(key), enforce_nonce: true } : {}),
      },
      files: upload(p),
    })) as { id: string };
    return created.id;
  }

  private async edit(channelId: string, messageId: string, p: DiscordPayload): Promise<void> {
    await this.rest.patch(Routes.channelMessage(channelId, messageId), {
      body: {
        content: p.content,
        components: p.components,
        allowed_mentions: ALLOWED_MENTIONS,
        // The files to keep: exactly the new ones (files[n] is attachment id "n"); earlier ones go.
        attachments: p.files.map((f, i) => ({ id: String(i), filename: f.name })),
      },
      files: upload(p),
    });
  }

  /** Discord's 4xx answers mean the request or the bot's setup is wrong: permanent. Outages and limits are not. */
  private failure(e: unknown, channelId: string): SendFailure {
    if (e instanceof DiscordAPIError) {
      const known = typeof e.code === 'number' ? KNOWN[e.code] : undefined;
      const reason = `discord ${e.code}${known ? `: ${known}` : ` (HTTP ${e.status})`}`;
      const permanent = e.status >= 400 && e.status < 500 && e.status !== 429;
      if (permanent) this.log.warn({ channel: channelId, code: e.code }, 'discord refused a channel post');
      return { ok: false, permanent, reason };
    }
    if (e instanceof RateLimitError) {
      return { ok: false, permanent: false, reason: 'rate limited', retryAfterMs: e.retryAfter };
    }
    this.log.warn({ err: e, channel: channelId }, 'discord channel post failed');
    return { ok: false, permanent: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
