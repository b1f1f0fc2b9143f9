/**
 * One injected interaction: what the bot answered (callback, follow-ups, edits) and the handle tests await on.
 */

import { Waiters } from '../waiters.js';
import type { ChannelState } from './payloads.js';
import type {
  CallbackRecord,
  EditRecord,
  FakeMessage,
  FollowUpRecord,
  InteractionHandle,
  Json,
} from './types.js';

export class InteractionRecord implements InteractionHandle {
  readonly callbacks: CallbackRecord[] = [];
  readonly followUps: FollowUpRecord[] = [];
  readonly edits: EditRecord[] = [];
  /** The message that is the interaction's response (@original), once there is one. */
  original: FakeMessage | null = null;
  readonly followUpMessages = new Map<string, FakeMessage>();
  readonly createdAt = Date.now();
  private readonly startedAt = performance.now();
  private respondedAt: number | null = null;
  private readonly waiters = new Waiters('FakeDiscord');

  constructor(
    readonly id: string,
    readonly token: string,
    /** InteractionType: 2 command, 3 component, 5 modal submit. */
    readonly type: number,
    readonly channel: ChannelState,
    /** The message a component interaction came from. */
    readonly sourceMessage: FakeMessage | null,
    readonly payload: Json,
    readonly guildId: string | undefined,
    /** 'http': not dispatched; the test POSTs `payload` to the bot and may report its HTTP answer. */
    readonly via: 'gateway' | 'http',
    private readonly applyHttpResponse: (rec: InteractionRecord, body: Json) => void,
  ) {}

  recordHttpResponse(body: { type: number; data?: Json }): void {
    if (this.acknowledged) throw new Error(`FakeDiscord: interaction ${this.id} already has a response`);
    this.applyHttpResponse(this, body);
  }

  get responseDelayMs(): number | null {
    return this.respondedAt === null ? null : this.respondedAt - this.startedAt;
  }

  get acknowledged(): boolean {
    return this.callbacks.length > 0;
  }

  acknowledge(cb: CallbackRecord): void {
    this.respondedAt = performance.now();
    this.callbacks.push(cb);
    this.waiters.notify();
  }

  addFollowUp(f: FollowUpRecord, message: FakeMessage): void {
    this.followUps.push(f);
    this.followUpMessages.set(message.id, message);
    this.waiters.notify();
  }

  addEdit(e: EditRecord): void {
    this.edits.push(e);
    this.waiters.notify();
  }

  async response(timeoutMs = 5000): Promise<CallbackRecord> {
    await this.waiters.waitFor(
      () => this.callbacks.length > 0,
      timeoutMs,
      () => `a callback to interaction ${this.id}`,
    );
    return this.callbacks[0]!;
  }

  waitForFollowUps(n: number, timeoutMs = 5000): Promise<void> {
    return this.waiters.waitFor(
      () => this.followUps.length >= n,
      timeoutMs,
      () => `${n} follow-ups to interaction ${this.id} (have ${this.followUps.length})`,
    );
  }

  waitForEdits(n: number, timeoutMs = 5000): Promise<void> {
    return this.waiters.waitFor(
      () => this.edits.length >= n,
      timeoutMs,
      () => `${n} edits of interaction ${this.id}'s messages (have ${this.edits.length})`,
    );
  }

  /** Fails pending waits when the fake closes. */
  abandon(): void {
    this.waiters.rejectAll(`FakeDiscord closed while interaction ${this.id} was awaited`);
  }
}
