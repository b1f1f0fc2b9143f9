/**
 * Builds an injection (trigger id, response_url, payload) and delivers it: as a signed form POST to the bot's
 * HTTP endpoint, or as a Socket Mode envelope.
 */
import { opaque } from './ids.js';
import { InjectionRecord } from './injection.js';
import { blockActionPayload, slashCommandFields, viewSubmissionPayload } from './payloads.js';
import { postSigned, signingHeaders } from './signing.js';
import type { SocketModeServer } from './socket-mode.js';
import type { SlackStore } from './store.js';
import type {
  BlockActionArgs,
  HttpInjection,
  Signing,
  SlashCommandArgs,
  SocketInjection,
  ViewSubmissionArgs,
} from './types.js';

export type Injectable =
  | { kind: 'command'; args: SlashCommandArgs }
  | { kind: 'action'; args: BlockActionArgs }
  | { kind: 'view'; args: ViewSubmissionArgs };

export class Injector {
  private readonly records: InjectionRecord[] = [];

  constructor(
    private readonly store: SlackStore,
    private readonly socket: SocketModeServer,
    private readonly baseUrl: string,
  ) {}

  async http(url: string, what: Injectable, s: Signing): Promise<HttpInjection> {
    const rec = this.record(what);
    const body =
      what.kind === 'command'
        ? new URLSearchParams(rec.payload).toString()
        : new URLSearchParams({ payload: JSON.stringify(rec.payload) }).toString();
    const signing: Signing = {
      ...(s.sign ? { sign: s.sign } : {}),
      ...(s.timestamp ? { timestamp: s.timestamp } : {}),
    };
    const headers = signingHeaders(this.store.identity.signingSecret, body, signing);
    return { ...rec.base(), ...(await postSigned(url, body, headers)) };
  }

  async overSocket(what: Injectable): Promise<SocketInjection> {
    const rec = this.record(what);
    const type = what.kind === 'command' ? 'slash_commands' : 'interactive';
    const { envelopeId, ack, ackMs } = await this.socket.deliver(type, rec.payload, what.kind !== 'action');
    return { ...rec.base(), envelopeId, ack, ackMs, body: ack.payload };
  }

  abandonAll(): void {
    for (const rec of this.records) rec.abandon();
  }

  private record(what: Injectable): InjectionRecord {
    // Actions inside a modal and view submissions carry no response_url.
    const withResponseUrl =
      what.kind === 'command' || (what.kind === 'action' && what.args.view === undefined);
    const triggerId = this.store.issueTrigger();
    const id = opaque();
    const responseUrl = withResponseUrl ? `${this.baseUrl}/response/${id}` : '';
    const payload =
      what.kind === 'command'
        ? slashCommandFields(this.store, what.args, triggerId, responseUrl)
        : what.kind === 'action'
          ? blockActionPayload(this.store, what.args, triggerId, responseUrl)
          : viewSubmissionPayload(this.store, what.args, triggerId);
    const rec = new InjectionRecord(responseUrl, triggerId, payload);
    if (withResponseUrl) this.store.injections.set(id, rec);
    this.records.push(rec);
    return rec;
  }
}
