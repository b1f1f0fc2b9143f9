/**
 * The operator's routes on the web server: /healthz for the orchestrator, /metrics for Prometheus, and Bull Board
 * at /admin/queues behind HTTP Basic authentication. Nothing here touches a person's data: the board shows the
 * delivery queues, whose jobs hold only what a nudge needs to reach a chat.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue as BullQueue } from 'bullmq';
import type { Express, Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { contentSecurityPolicy } from 'helmet';
import type { Logger } from '../../ports/logger.js';

export interface OpsOptions {
  /** Database reachability: true when a trivial query works. */
  checkDb: () => boolean;
  /** Redis reachability; null when no Redis is configured (in-process queue). */
  checkRedis: (() => Promise<boolean>) | null;
  /** Prometheus text (src/ops/metrics.ts PromMetrics has text() and contentType). */
  metrics: { text(): Promise<string>; contentType: string };
  /** The BullMQ queues for the dashboard; an empty list means the in-process queue (no dashboard). */
  queues: () => BullQueue[];
  /** HTTP Basic credentials for /admin/queues; null: the dashboard is switched off. */
  admin: { user: string; password: string } | null;
  log: Logger;
}

/** Where Bull Board lives; its UI, static files and API (`/admin/queues/api/queues`, ...) are all under it. */
export const ADMIN_BASE = '/admin/queues';

/** A Redis that has not answered a PING by then counts as down. */
const REDIS_DEADLINE_MS = 2_000;

/** Failed sign-ins allowed per address in each window before every attempt from it gets a 429. */
const FAILED_SIGNINS = 20;
const FAILED_SIGNIN_WINDOW_MS = 15 * 60_000;

const REALM = 'Basic realm="Interlude admin", charset="UTF-8"';

export function mountOps(app: Express, o: OpsOptions): void {
  app.get('/healthz', async (_req, res) => {
    const db = dbState(o.checkDb);
    const redis = await redisState(o.checkRedis);
    const ok = db === 'ok' && redis !== 'down';
    res.setHeader('Cache-Control', 'no-store');
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', db, redis });
  });

  app.get('/metrics', async (_req, res) => {
    const body = await o.metrics.text();
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', o.metrics.contentType);
    res.send(body);
  });

  app.use(ADMIN_BASE, ...adminQueues(o));
}

function dbState(check: () => boolean): 'ok' | 'down' {
  try {
    return check() ? 'ok' : 'down';
  } catch {
    return 'down';
  }
}

async function redisState(check: (() => Promise<boolean>) | null): Promise<'ok' | 'down' | 'not-configured'> {
  if (!check) return 'not-configured';
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), REDIS_DEADLINE_MS);
  });
  try {
    return (await Promise.race([(async () => check())(), late])) ? 'ok' : 'down';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

const plain = (res: Response, status: number, text: string): void => {
  res.status(status).type('text/plain; charset=utf-8').send(text);
};

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** The user and password of a `Basic` Authorization header; null when there is none or it is malformed. */
function basicCredentials(header: string | undefined): { user: string; password: string } | null {
  const m = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header ?? '');
  if (!m?.[1]) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Bull Board's page is a React app: its scripts, styles, fonts and API calls come from its own path, and it sets
 * a `<base href>` and a few inline styles. This policy is for that path only; every other page keeps the strict
 * one from securityHeaders(). Google Fonts, which the board's page links to, stay blocked: the board falls back
 * to the system fonts and the operator's browser tells no third party about the visit.
 */
const boardCsp = contentSecurityPolicy({
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    manifestSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
  },
});

/** The handlers for /admin/queues, in order: is the board on, too many failures, who is asking, the board. */
function adminQueues(o: OpsOptions): RequestHandler[] {
  const admin = o.admin;
  if (!admin) {
    return [
      (_req, res) =>
        plain(
          res,
          404,
          'The queue dashboard is off: set ADMIN_PASSWORD (at least 16 characters) to turn it on.',
        ),
    ];
  }
  const wantUser = sha256(admin.user);
  const wantPassword = sha256(admin.password);
  /** Both sides are hashed to the same length, and both comparisons always run: the time says nothing. */
  const authorised = (req: Request): boolean => {
    const given = basicCredentials(req.headers.authorization);
    const userOk = timingSafeEqual(sha256(given?.user ?? ''), wantUser);
    const passwordOk = timingSafeEqual(sha256(given?.password ?? ''), wantPassword);
    return given !== null && userOk && passwordOk;
  };

  // Every request that carries credentials counts, and is taken off again once it has been answered with
  // anything but a 401 or 429: what remains are the failures. A request without credentials (a browser's first
  // try, before it asks for them) guesses nothing and is not counted. Once an address is over the limit even
  // right credentials are refused until the window ends, so a guesser learns nothing from the answers.
  const failedSignins = rateLimit({
    windowMs: FAILED_SIGNIN_WINDOW_MS,
    limit: FAILED_SIGNINS,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => req.headers.authorization === undefined,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.statusCode !== 401 && res.statusCode !== 429,
    handler: (_req, res) => {
      o.log.warn({}, 'queue dashboard: too many failed sign-ins from one address');
      plain(res, 429, 'Too many failed sign-ins. Please wait 15 minutes and try again.');
    },
  });

  let board: RequestHandler | null = null;
  return [
    (_req, res, next) => {
      if (board || o.queues().length > 0) return next();
      plain(res, 404, 'The queue dashboard needs queue mode: set REDIS_URL.');
    },
    failedSignins,
    // The Authorization header and the password are never logged: only the fact of a refusal is answered.
    (req, res, next) => {
      if (authorised(req)) return next();
      res.setHeader('WWW-Authenticate', REALM);
      plain(res, 401, 'Sign in to see the queue dashboard.');
    },
    boardCsp,
    (req, res, next) => {
      board ??= buildBoard(o.queues());
      board(req, res, next);
    },
  ];
}

/**
 * The board, built once at the first authorised request. Read-only: the outbox in SQLite decides what is
 * delivered, and retrying, promoting or removing a job behind its back would make the two disagree. The board
 * shows the queues; changing them is the bot's job.
 */
function buildBoard(queues: BullQueue[]): RequestHandler {
  const serverAdapter = new ExpressAdapter().setBasePath(ADMIN_BASE);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q, { readOnlyMode: true })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Interlude queues' } },
  });
  return serverAdapter.getRouter() as RequestHandler;
}
