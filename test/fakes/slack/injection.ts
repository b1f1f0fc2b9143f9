/**
 * One injected slash command or interaction: its trigger id, its response_url and what the bot POSTed there.
 */

import { Waiters } from '../waiters.js';
import type { Json, ResponseUrlPost } from './types.js';

/** Slack lets an app use a response_url up to five times (within 30 minutes). */
export const RESPONSE_URL_USES = 5;

export class InjectionRecord {
  readonly responses: ResponseUrlPost[] = [];
  private readonly waiters = new Waiters('FakeSlack');

  constructor(
    /** '' when the payload carries no response_url. */
    readonly responseUrl: string,
    readonly triggerId: string,
    readonly payload: Json,
  ) {}

  /** Records a response_url POST; false once the URL is used up. */
  addResponse(body: Json): boolean {
    if (this.responses.length >= RESPONSE_URL_USES) return false;
    const j = body && typeof body === 'object' ? body : {};
    const pick = <K extends keyof ResponseUrlPost>(k: K) => (k in j ? { [k]: j[k] } : {});
    this.responses.push({
      ...pick('text'),
      ...pick('blocks'),
      ...pick('response_type'),
      ...pick('replace_original'),
      ...pick('delete_original'),
      body,
      at: Date.now(),
    });
    this.waiters.notify();
    return true;
  }

  waitForResponses(n: number, timeoutMs = 5000): Promise<void> {
    return this.waiters.waitFor(
      () => this.responses.length >= n,
      timeoutMs,
      () => `${n} response_url posts (have ${this.responses.length})`,
    );
  }

  /** Fails pending waits when the fake closes. */
  abandon(): void {
    this.waiters.rejectAll('FakeSlack closed while a response_url post was awaited');
  }

  /** The fields every handle shares; `responses` is the live log. */
  base() {
    return {
      triggerId: this.triggerId,
      responseUrl: this.responseUrl,
      payload: this.payload,
      responses: this.responses as readonly ResponseUrlPost[],
      waitForResponses: (n: number, timeoutMs?: number) => this.waitForResponses(n, timeoutMs),
    };
  }
}
