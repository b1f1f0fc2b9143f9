import type { Messenger, Recipient, SendResult } from '../../ports.js';
import type { OutMessage } from '../../views/message.js';

/** Delivers nudges into the terminal chat. There is no third party here, so nothing can fail permanently. */
export class ConsoleMessenger implements Messenger {
  constructor(private readonly show: (userId: string, m: OutMessage) => void) {}

  async sendDirect(to: Recipient, message: OutMessage): Promise<SendResult> {
    this.show(to.userId, message);
    return { ok: true, dmChannelId: `console:${to.userId}` };
  }
}
