import type { Messenger, Recipient, SendResult } from '../../ports/messenger.js';
import type { OutMessage } from '../../views/message.js';
import { ConsoleChannels } from './console-channels.js';

/**
 * Delivers nudges into the terminal chat. There is no third party here, so nothing can fail permanently.
 * Channel posts need somewhere to print (`writeChannel`); without it the capability is absent.
 */
export class ConsoleMessenger implements Messenger {
  readonly channels?: ConsoleChannels;

  constructor(
    private readonly show: (userId: string, m: OutMessage) => void,
    writeChannel?: (text: string) => void,
  ) {
    if (writeChannel) this.channels = new ConsoleChannels(writeChannel);
  }

  async sendDirect(to: Recipient, message: OutMessage): Promise<SendResult> {
    this.show(to.userId, message);
    return { ok: true, dmChannelId: `console:${to.userId}` };
  }
}
