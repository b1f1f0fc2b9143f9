/**
 * The gateway on the HTTP server's /gateway path: HELLO, heartbeats, IDENTIFY → READY + GUILD_CREATEs, RESUME with
 * replay, RECONNECT on request, per-session sequence numbers. Frames are always plain JSON text: @discordjs/ws
 * parses text frames even when it asked for zlib-stream or identify compression, so any client config works.
 */
import type { Server } from 'node:http';
import { GatewayIntentBits, GatewayOpcodes } from 'discord-api-types/v10';
import { type WebSocket, WebSocketServer } from 'ws';
import { sessionId } from './ids.js';
import type { GatewayEvent, Json } from './types.js';

export interface GatewayDeps {
  token: string;
  heartbeatIntervalMs: number;
  readyData(sessionId: string): Json;
  guildCreates(): Json[];
  membersChunk(d: Json): Json;
  log(e: Omit<GatewayEvent, 'at'>): void;
}

interface Frame {
  op: number;
  d: Json;
  s?: number | null;
  t?: string | null;
}

interface Session {
  id: string;
  seq: number;
  history: Frame[];
  conn: Conn | null;
  intents: number;
}

interface Conn {
  n: number;
  ws: WebSocket;
  session: Session | null;
}

const HISTORY = 5000;

/** GUILD_CREATEs follow READY a turn of the event loop later, as they trail it on Discord. (discord.js 14.28 copes
 * with both arriving in one TCP chunk too — checked by corking the socket — so this is realism, not a workaround.) */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class FakeGateway {
  private readonly wss: WebSocketServer;
  readonly sessions = new Map<string, Session>();
  private readonly conns = new Set<Conn>();
  private connCount = 0;

  constructor(
    server: Server,
    private readonly deps: GatewayDeps,
  ) {
    this.wss = new WebSocketServer({ server, path: '/gateway' });
    this.wss.on('connection', (ws, req) =>
      this.onConnection(ws, new URL(req.url ?? '/', 'http://x').searchParams),
    );
  }

  /** Connections that have identified or resumed and are open. */
  get connectedSessions(): number {
    return [...this.sessions.values()].filter((s) => s.conn).length;
  }

  /** Dispatches to every live session (buffered for sessions between connections). Returns how many got it. */
  dispatch(t: string, d: Json, intent?: number): number {
    let n = 0;
    for (const session of this.sessions.values()) {
      if (intent !== undefined && (session.intents & intent) === 0) continue;
      this.dispatchTo(session, t, d);
      n += 1;
    }
    return n;
  }

  requestReconnect(): void {
    for (const conn of this.conns) {
      if (conn.session) this.send(conn, { op: GatewayOpcodes.Reconnect, d: null });
    }
  }

  async close(): Promise<void> {
    for (const conn of this.conns) conn.ws.terminate();
    this.conns.clear();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(ws: WebSocket, query: URLSearchParams): void {
    const conn: Conn = { n: ++this.connCount, ws, session: null };
    this.conns.add(conn);
    ws.on('message', (data) => this.onFrame(conn, data.toString()));
    ws.on('close', (code) => this.onClose(conn, code));
    ws.on('error', () => {});
    if (query.get('v') !== '10') {
      ws.close(4012, 'Invalid API version');
      return;
    }
    if ((query.get('encoding') ?? 'json') !== 'json') {
      ws.close(4002, 'Error while decoding payload.');
      return;
    }
    this.send(conn, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.deps.heartbeatIntervalMs } });
  }

  private send(conn: Conn, frame: Frame): void {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    conn.ws.send(JSON.stringify(frame));
    this.deps.log({ op: frame.op, t: frame.t ?? null, s: frame.s ?? null, dir: 'out', conn: conn.n });
  }

  private dispatchTo(session: Session, t: string, d: Json, keep = true): void {
    session.seq += 1;
    const frame: Frame = { op: GatewayOpcodes.Dispatch, s: session.seq, t, d };
    if (keep) {
      session.history.push(frame);
      if (session.history.length > HISTORY) session.history.shift();
    }
    if (session.conn) this.send(session.conn, frame);
  }

  private onFrame(conn: Conn, text: string): void {
    let frame: Frame;
    try {
      frame = JSON.parse(text);
    } catch {
      conn.ws.close(4002, 'Error while decoding payload.');
      return;
    }
    this.deps.log({ op: frame.op, d: frame.d, dir: 'in', conn: conn.n });
    switch (frame.op) {
      case GatewayOpcodes.Heartbeat:
        this.send(conn, { op: GatewayOpcodes.HeartbeatAck, d: null });
        return;
      case GatewayOpcodes.Identify:
        void this.identify(conn, frame.d);
        return;
      case GatewayOpcodes.Resume:
        this.resume(conn, frame.d);
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        if (!conn.session) {
          conn.ws.close(4003, 'Not authenticated.');
        } else if (frame.op === GatewayOpcodes.RequestGuildMembers) {
          this.dispatchTo(conn.session, 'GUILD_MEMBERS_CHUNK', this.deps.membersChunk(frame.d));
        }
        return;
      default:
        conn.ws.close(4001, 'Unknown opcode.');
    }
  }

  private async identify(conn: Conn, d: Json): Promise<void> {
    if (conn.session) {
      conn.ws.close(4005, 'Already authenticated.');
      return;
    }
    if (d?.token !== this.deps.token) {
      conn.ws.close(4004, 'Authentication failed.');
      return;
    }
    if (Array.isArray(d.shard) && (d.shard[0] !== 0 || d.shard[1] !== 1)) {
      conn.ws.close(4010, 'Invalid shard.');
      return;
    }
    if (typeof d.intents !== 'number') {
      conn.ws.close(4013, 'Invalid intent(s).');
      return;
    }
    const session: Session = { id: sessionId(), seq: 0, history: [], conn, intents: d.intents };
    conn.session = session;
    this.sessions.set(session.id, session);
    this.dispatchTo(session, 'READY', this.deps.readyData(session.id));
    if ((session.intents & GatewayIntentBits.Guilds) === 0) return;
    await nextTurn();
    if (!this.sessions.has(session.id)) return;
    for (const guild of this.deps.guildCreates()) this.dispatchTo(session, 'GUILD_CREATE', guild);
  }

  private resume(conn: Conn, d: Json): void {
    if (d?.token !== this.deps.token) {
      conn.ws.close(4004, 'Authentication failed.');
      return;
    }
    const session = this.sessions.get(d.session_id);
    if (!session || typeof d.seq !== 'number' || d.seq > session.seq) {
      this.send(conn, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    if (session.conn && session.conn !== conn) {
      session.conn.session = null;
      session.conn.ws.terminate();
    }
    session.conn = conn;
    conn.session = session;
    for (const frame of session.history) if ((frame.s ?? 0) > d.seq) this.send(conn, frame);
    this.dispatchTo(session, 'RESUMED', null, false);
  }

  private onClose(conn: Conn, code: number): void {
    this.conns.delete(conn);
    this.deps.log({ op: -1, t: 'CLOSE', d: { code }, dir: 'in', conn: conn.n });
    const session = conn.session;
    if (!session || session.conn !== conn) return;
    session.conn = null;
    // Discord invalidates the session when the client closes with 1000/1001; other codes leave it resumable.
    if (code === 1000 || code === 1001) this.sessions.delete(session.id);
  }
}
