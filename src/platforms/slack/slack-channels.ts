import { type KnownBlock, WebAPIPlatformError, WebAPIRateLimitedError, type WebClient } from '@slack/web-api';
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
import { renderSlack, type SlackPayload } from './render.js';
import { operatorHint, sideOf } from './slack-errors.js';

/** Slack's own trouble, worth another try; every other refusal means the call or the app's setup is wrong. */
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

type SlackRefusal = { error?: string; needed?: unknown };

/**
 * Posts in Slack channels through the Web API, rendered by the same Block Kit renderer as DMs: people's words in
 * plain_text and rich_text (no mrkdwn, so no mention or @channel can form), the mrkdwn fallback escaped. Pinning
 * needs the pins:write scope; a post Slack already has pinned counts as pinned.
 */
export class SlackChannels implements ChannelPosts {
  constructor(
    private readonly client: WebClient,
    private readonly log: Logger,
  ) {}

  async post(to: ChannelRef, message: OutMessage): Promise<PostResult> {
    const m = forChannel(message);
    if (isFailure(m)) return m;
    try {
      const ids: string[] = [];
      for (const p of renderSlack(m)) ids.push(await this.create(to.channelId, p));
      return { ok: true, posted: { platform: 'slack', channelId: to.channelId, messageIds: ids } };
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
      const next = await editPieces(posted, renderSlack(m), {
        edit: async (ts, p) => {
          await this.client.chat.update({ channel, ts, text: p.text, blocks: p.blocks as KnownBlock[] });
        },
        post: (p) => this.create(channel, p),
        remove: async (ts) => {
          await this.client.chat.delete({ channel, ts });
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
      await this.client.pins.add({ channel: posted.channelId, timestamp: posted.messageIds[0]! });
      return { ok: true };
    } catch (e) {
      if (e instanceof WebAPIPlatformError && e.data.error === 'already_pinned') return { ok: true };
      return this.failure(e, posted.channelId);
    }
  }

  private async create(channel: string, p: SlackPayload): Promise<string> {
    // Our blocks are plain JSON (render.ts); Slack validates them. The cast is the only bridge.
    const r = await this.client.chat.postMessage({ channel, text: p.text, blocks: p.blocks as KnownBlock[] });
    if (!r.ts) throw new Error('chat.postMessage returned no ts');
    return r.ts;
  }

  private failure(e: unknown, channel: string): SendFailure {
    if (e instanceof WebAPIPlatformError) {
      const data: SlackRefusal = e.data;
      const error = data.error ?? 'unknown';
      const needed = typeof data.needed === 'string' ? ` (needs ${data.needed})` : '';
      if (sideOf(error) === 'operator') {
        this.log.warn(
          { platform: 'slack', channel, error, fix: operatorHint(data) },
          'slack refused a channel post',
        );
      }
      return { ok: false, permanent: !TRANSIENT.has(error), reason: `slack ${error}${needed}` };
    }
    if (e instanceof WebAPIRateLimitedError) {
      return { ok: false, permanent: false, reason: 'rate limited', retryAfterMs: e.retryAfter * 1000 };
    }
    this.log.warn({ err: e, channel }, 'slack channel post failed');
    return { ok: false, permanent: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
