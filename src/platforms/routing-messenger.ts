import type { Platform } from '../domain/types.js';
import type { Messenger, Recipient, SendOptions, SendResult } from '../ports.js';
import type { OutMessage } from '../views/message.js';

/** One process can run Discord and Slack together: each nudge goes to the messenger of its person's platform. */
export class RoutingMessenger implements Messenger {
  private readonly byPlatform = new Map<Platform, Messenger>();

  set(platform: Platform, m: Messenger): void {
    this.byPlatform.set(platform, m);
  }

  async sendDirect(to: Recipient, message: OutMessage, opts: SendOptions): Promise<SendResult> {
    const m = this.byPlatform.get(to.platform);
    // Not permanent: the platform may be configured again after a restart, and the person has done nothing wrong.
    if (!m)
      return { ok: false, permanent: false, reason: `${to.platform} is not configured in this process` };
    return m.sendDirect(to, message, opts);
  }
}
