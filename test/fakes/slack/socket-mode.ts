/**
 * Socket Mode on the HTTP server's /socket path, as @slack/socket-mode 3 expects it: apps.connections.open hands
 * out a single-use ?ticket= URL; on connect the server says {type:'hello'}, pings every so often (the client drops
 * a connection that has not been pinged for 30 s; ws answers the client's own pings), delivers envelopes
 * {envelope_id, type, payload, accepts_response_payload} and takes acks {envelope_id, payload?}.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { envelopeId, opaque } from './ids.js';
import type { Json, SocketAck } from './types.js';

export interface SocketDeps {
  appId: string;
  /** ws://127.0.0.1:PORT */
  wsBase: string;
  pingIntervalMs: number;
  ackTimeoutMs: number;
}

interface Pending {
  resolve(r: { ack: SocketAck; ackMs: number }): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
  sentAt: number;
  ws: WebSocket;
}

export class SocketModeServer {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly conns: WebSocket[] = [];
  private readonly pending = new Map<string, Pending>();
  private next = 0;
  /** Connections ever accepted. */
  connectionsOpened = 0;

  constructor(
    server: Server,
    private readonly deps: SocketDeps,
  ) {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const ticket = url.searchParams.get('ticket') ?? '';
      if (url.pathname !== '/socket' || !this.tickets.delete(ticket)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
    });
  }

  /** A fresh single-use URL, as apps.connections.open returns. */
  openUrl(): string {
    const ticket = opaque(16);
    this.tickets.add(ticket);
    return `${this.deps.wsBase}/socket?ticket=${ticket}&app_id=${this.deps.appId}`;
  }

  get clients(): number {
    return this.conns.length;
  }

  /** Sends an envelope to one connected client (round robin) and resolves with its ack. */
  deliver(
    type: string,
    payload: Json,
    acceptsResponsePayload: boolean,
  ): Promise<{
    envelopeId: string;
    ack: SocketAck;
    ackMs: number;
  }> {
    const ws = this.conns[this.next++ % Math.max(1, this.conns.length)];
    if (!ws) return Promise.reject(new Error('FakeSlack: no Socket Mode client is connected'));
    const id = envelopeId();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new Error(`FakeSlack: no ack for envelope ${id} (${type}) within ${this.deps.ackTimeoutMs} ms`),
        );
      }, this.deps.ackTimeoutMs);
      this.pending.set(id, {
        resolve: (r) => resolve({ envelopeId: id, ...r }),
        reject,
        timer,
        sentAt: performance.now(),
        ws,
      });
      ws.send(
        JSON.stringify({ envelope_id: id, payload, type, accepts_response_payload: acceptsResponsePayload }),
      );
    });
  }

  /** Sends {type:'disconnect', reason} to every client (which then reconnects through apps.connections.open). */
  disconnectAll(reason = 'refresh_requested'): void {
    for (const ws of this.conns) {
      ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-fake' } }));
    }
  }

  async close(): Promise<void> {
    for (const ws of [...this.conns]) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(ws: WebSocket): void {
    this.connectionsOpened += 1;
    this.conns.push(ws);
    const ping = setInterval(() => ws.ping(), this.deps.pingIntervalMs);
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let msg: Json;
      try {
        msg = JSON.parse(data.toString());
      } catch {
        return;
      }
      const p = typeof msg?.envelope_id === 'string' ? this.pending.get(msg.envelope_id) : undefined;
      if (!p) return;
      clearTimeout(p.timer);
      this.pending.delete(msg.envelope_id);
      p.resolve({ ack: msg, ackMs: performance.now() - p.sentAt });
    });
    ws.on('close', () => {
      clearInterval(ping);
      this.conns.splice(this.conns.indexOf(ws), 1);
      for (const [id, p] of this.pending) {
        if (p.ws !== ws) continue;
        clearTimeout(p.timer);
        this.pending.delete(id);
        p.reject(new Error(`FakeSlack: the socket closed before envelope ${id} was acked`));
      }
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.conns.length,
        debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: this.deps.appId },
      }),
    );
  }
}
