/**
 * The HTTP side: Web API methods under /api/ (body parsing, auth, rate limits, dispatch, the call log), the file
 * upload URLs under /upload/ and the response_url sink under /response/.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { METHOD_SCOPES, type MethodSpec } from './method-table.js';
import { parseMultipart } from './multipart.js';
import type { RateLimiter } from './rate-limits.js';
import type { SlackStore } from './store.js';
import type { ApiCall, Json } from './types.js';

export interface ApiDeps {
  store: SlackStore;
  limiter: RateLimiter;
  methods: Record<string, MethodSpec>;
  calls: ApiCall[];
  baseUrl: string;
  openSocketUrl(): string;
  /** Called after every logged call and every response_url post. */
  onChange(): void;
}

/** Params the WebClient JSON-encodes into form fields; the log and the handlers see them parsed. */
const JSON_PARAMS = ['blocks', 'view', 'files', 'attachments', 'metadata'];

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type':
      typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function parseParams(raw: Buffer, contentType: string, query: URLSearchParams): Record<string, Json> {
  const params: Record<string, Json> = Object.fromEntries(query);
  if (contentType.startsWith('application/json')) {
    if (raw.length) Object.assign(params, JSON.parse(raw.toString('utf8')));
  } else if (contentType.startsWith('multipart/form-data')) {
    for (const p of parseMultipart(raw, contentType))
      params[p.name] = p.filename === null ? p.data.toString('utf8') : p.data;
  } else if (raw.length) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(raw.toString('utf8'))));
  }
  for (const key of JSON_PARAMS) {
    if (typeof params[key] !== 'string') continue;
    try {
      params[key] = JSON.parse(params[key]);
    } catch {
      // Left as the string; the handler answers invalid_arguments / invalid_blocks_format.
    }
  }
  return params;
}

function tokenOf(req: IncomingMessage, params: Record<string, Json>): string | null {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  return typeof params.token === 'string' ? params.token : null;
}

async function handleApi(deps: ApiDeps, method: string, req: IncomingMessage, res: ServerResponse) {
  const at = Date.now();
  const url = new URL(req.url ?? '/', deps.baseUrl);
  const raw = await readBody(req);
  let params: Record<string, Json>;
  try {
    params = parseParams(raw, String(req.headers['content-type'] ?? ''), url.searchParams);
  } catch {
    params = {};
  }
  const token = tokenOf(req, params);
  delete params.token;
  const { botToken, appToken } = deps.store.identity;
  const tokenType = token === botToken ? 'bot' : token === appToken ? 'app' : null;
  const call: ApiCall = {
    method,
    params,
    tokenType,
    status: 200,
    ok: false,
    response: null,
    at,
    rateLimited: false,
  };
  const finish = (status: number, body: Json, headers: Record<string, string> = {}) => {
    call.status = status;
    call.ok = body?.ok === true;
    if (body?.ok === false) call.error = body.error;
    call.response = body;
    deps.calls.push(call);
    send(res, status, body, headers);
    deps.onChange();
  };
  const spec = deps.methods[method];
  if (!spec) return finish(200, { ok: false, error: 'unknown_method', req_method: method });
  if (!token) return finish(200, { ok: false, error: 'not_authed' });
  if (!tokenType) return finish(200, { ok: false, error: 'invalid_auth' });
  if (tokenType !== spec.token) return finish(200, { ok: false, error: 'not_allowed_token_type' });
  if (tokenType === 'bot' && deps.store.revoked) return finish(200, { ok: false, error: deps.store.revoked });
  const needed = METHOD_SCOPES[method];
  const { scopes } = deps.store;
  if (tokenType === 'bot' && needed && scopes && !scopes.has(needed)) {
    // Slack names the scope the method needed and the ones the token has (also in X-OAuth-Scopes).
    return finish(200, { ok: false, error: 'missing_scope', needed, provided: [...scopes].join(',') });
  }
  const channel = method === 'chat.postMessage' ? deps.store.resolveChannel(params.channel) : undefined;
  const decision = deps.limiter.decide(method, channel && 'id' in channel ? channel.id : undefined);
  if (decision.retryAfterSec !== null) {
    call.rateLimited = true;
    call.retryAfterSec = decision.retryAfterSec;
    return finish(
      429,
      { ok: false, error: 'ratelimited' },
      { 'Retry-After': String(decision.retryAfterSec) },
    );
  }
  let body: Json;
  try {
    body = spec.handle({
      params,
      store: deps.store,
      baseUrl: deps.baseUrl,
      openSocketUrl: deps.openSocketUrl,
    });
  } catch (error) {
    body = { ok: false, error: 'internal_error', detail: String(error) };
  }
  finish(200, body);
}

function handleUpload(deps: ApiDeps, id: string, raw: Buffer, contentType: string, res: ServerResponse) {
  const upload = deps.store.uploads.get(id);
  if (!upload) return send(res, 404, 'Not Found');
  let content = raw;
  if (contentType.startsWith('multipart/form-data')) {
    const parts = parseMultipart(raw, contentType);
    const file = parts.find((p) => p.filename !== null) ?? parts.find((p) => p.name === 'file');
    content = file?.data ?? Buffer.alloc(0);
  }
  upload.content = content;
  send(res, 200, `OK - ${content.length}`);
}

function handleResponseUrl(deps: ApiDeps, id: string, raw: Buffer, contentType: string, res: ServerResponse) {
  const rec = deps.store.injections.get(id);
  if (!rec) return send(res, 404, { ok: false, error: 'no_such_url' });
  let body: Json;
  try {
    body = contentType.startsWith('application/x-www-form-urlencoded')
      ? JSON.parse(new URLSearchParams(raw.toString('utf8')).get('payload') ?? '{}')
      : JSON.parse(raw.toString('utf8'));
  } catch {
    return send(res, 400, { ok: false, error: 'invalid_payload' });
  }
  if (!rec.addResponse(body)) return send(res, 404, { ok: false, error: 'used_url' });
  send(res, 200, { ok: true });
  deps.onChange();
}

export async function handleHttp(deps: ApiDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', deps.baseUrl);
  const [, root, rest] = /^\/([^/]+)\/(.+)$/.exec(url.pathname) ?? [];
  if (req.method !== 'POST' && !(req.method === 'GET' && root === 'api'))
    return send(res, 405, 'Method Not Allowed');
  if (root === 'api' && rest) return handleApi(deps, decodeURIComponent(rest), req, res);
  const contentType = String(req.headers['content-type'] ?? '');
  if (root === 'upload' && rest) return handleUpload(deps, rest, await readBody(req), contentType, res);
  if (root === 'response' && rest)
    return handleResponseUrl(deps, rest, await readBody(req), contentType, res);
  send(res, 404, 'Not Found');
}
