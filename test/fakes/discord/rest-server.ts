/**
 * The HTTP side: body parsing, auth, rate limits, routing, logging. REST lives under /api/v10; attachment URLs
 * the fake hands out are served under /attachments.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseDiscordMultipart } from './multipart.js';
import type { RateLimiter } from './rate-limits.js';
import { discordError, matchRoute, NOT_FOUND, type Route, type RouteResult, routeName } from './router.js';
import type { FakeStore, Payload } from './store.js';
import type { Json, RequestLogEntry } from './types.js';

export interface RestDeps {
  store: FakeStore;
  limiter: RateLimiter;
  routes: Route[];
  token: string;
  requests: RequestLogEntry[];
  baseUrl: string;
  gatewayUrl: string;
  /** Called after every logged request. */
  onRequest(entry: RequestLogEntry): void;
}

const API_PREFIX = '/api/v10';

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}): void {
  if (body === undefined || status === 204) {
    res.writeHead(status, headers).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function parseBody(raw: Buffer, contentType: string): { payload: Payload; logged: Json } | RouteResult {
  if (contentType.startsWith('multipart/form-data')) {
    const parsed = parseDiscordMultipart(raw, contentType);
    return { payload: { json: parsed.payload_json, files: parsed.files }, logged: parsed };
  }
  if (raw.length === 0) return { payload: { json: null, files: [] }, logged: null };
  try {
    const json = JSON.parse(raw.toString('utf8'));
    return { payload: { json, files: [] }, logged: json };
  } catch {
    return discordError(400, 50109, 'The request body contains invalid JSON.');
  }
}

function serveAttachment(store: FakeStore, path: string, res: ServerResponse): void {
  const [, , channelId, attachmentId] = path.split('/');
  const m = store.messages.find(
    (x) => x.channelId === channelId && x.attachments.some((a) => a.id === attachmentId),
  );
  const file = m?.attachments.find((a) => a.id === attachmentId);
  if (!file) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': file.data.length }).end(file.data);
}

export async function handleRest(deps: RestDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const at = Date.now();
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', deps.baseUrl);
  const raw = await readBody(req);
  if (url.pathname.startsWith('/attachments/')) {
    serveAttachment(deps.store, url.pathname, res);
    return;
  }
  const path = url.pathname.startsWith(`${API_PREFIX}/`)
    ? url.pathname.slice(API_PREFIX.length)
    : url.pathname;
  const query = Object.fromEntries(url.searchParams);
  const entry: RequestLogEntry = {
    method,
    path,
    route: 'unknown',
    query,
    body: null,
    status: 0,
    at,
    rateLimited: false,
  };
  const finish = (result: RouteResult, headers: Record<string, string> = {}) => {
    entry.status = result.status;
    if (result.status >= 400 && typeof result.body?.code === 'number') entry.errorCode = result.body.code;
    deps.requests.push(entry);
    send(res, result.status, result.body, headers);
    deps.onRequest(entry);
  };

  const parsed = parseBody(raw, String(req.headers['content-type'] ?? ''));
  if ('status' in parsed) return finish(parsed);
  entry.body = parsed.logged;

  const match = url.pathname.startsWith(`${API_PREFIX}/`) ? matchRoute(deps.routes, method, path) : null;
  const route = match?.route;
  entry.route = route ? routeName(route) : 'unknown';
  if (route?.auth && req.headers.authorization !== `Bot ${deps.token}`) {
    return finish(discordError(401, 0, '401: Unauthorized'));
  }
  const decision = deps.limiter.decide({
    route: route ? entry.route : `${method} ${path}`,
    major: route?.major?.map((p) => match?.params[p] ?? '').join('/') ?? 'global',
    interaction: route?.interaction === true,
  });
  if (decision.limited) {
    entry.rateLimited = true;
    const { global, retryAfterMs } = decision.limited;
    const body = { message: 'You are being rate limited.', retry_after: retryAfterMs / 1000, global };
    return finish({ status: 429, body: global ? { ...body, code: 0 } : body }, decision.headers);
  }
  if (!route || !match) return finish(NOT_FOUND, decision.headers);
  let result: RouteResult;
  try {
    result = route.handle({
      method,
      path,
      params: match.params,
      query,
      payload: parsed.payload,
      store: deps.store,
      baseUrl: deps.baseUrl,
      gatewayUrl: deps.gatewayUrl,
    });
  } catch (error) {
    result = { status: 500, body: { code: 0, message: `500: Internal Server Error (${String(error)})` } };
  }
  finish(result, decision.headers);
}
