import type { Platform } from '../domain/types.js';
import type {
  ChannelPosts,
  Messenger,
  Recipient,
  SendFailure,
  SendOptions,
  SendResult,
} from '../ports/messenger.js';
import type { OutMessage } from '../views/message.js';

/** One process can run Discord and Slack together: each nudge goes to the messenger of its person's platform. */
export class RoutingMessenger implements Messenger {
  private readonly byPlatform = new Map<Platform, Messenger>();

  set(platform: Platform, m: Messenger): void {
    this.byPlatform.set(platform, m);
  }

  async sendDirect(to: Recipient, message: OutMessage, opts: SendOptions): Promise<SendResult> {
    const m = this.byPlatform.get(to.platform);
    if (!m) return notConfigured(to.platform);
    return m.sendDirect(to, message, opts);
  }

  /** The channel capability of one platform's messenger, when that platform has it here. */
  channelsFor(platform: Platform): ChannelPosts | undefined {
    return this.byPlatform.get(platform)?.channels;
  }

  /**
   * Channel posts routed by the ref's platform; present once any platform here can post to channels. A platform
   * without the capability answers a permanent failure (ask `channelsFor` first to know in advance).
   */
  get channels(): ChannelPosts | undefined {
    if (![...this.byPlatform.values()].some((m) => m.channels)) return undefined;
    const route = (platform: Platform): ChannelPosts | SendFailure =>
      this.channelsFor(platform) ??
      (this.byPlatform.has(platform)
        ? { ok: false, permanent: true, reason: `${platform} cannot post to channels` }
        : notConfigured(platform));
    const isPosts = (c: ChannelPosts | SendFailure): c is ChannelPosts => !('ok' in c);
    return {
      post: async (to, message, opts) => {
        const c = route(to.platform);
        return isPosts(c) ? c.post(to, message, opts) : c;
      },
      update: async (posted, message) => {
        const c = route(posted.platform);
        return isPosts(c) ? c.update(posted, message) : c;
      },
      pin: async (posted) => {
        const c = route(posted.platform);
        return isPosts(c) ? c.pin(posted) : c;
      },
    };
  }
}

// Not permanent: the platform may be configured again after a restart, and the person has done nothing wrong.
const notConfigured = (platform: Platform): SendFailure => ({
  ok: false,
  permanent: false,
  reason: `${platform} is not configured in this process`,
});
