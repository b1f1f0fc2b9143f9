import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { AppDeps } from '../app/deps.js';
import type { Clock } from '../ports/clock.js';
import { sessionCookieName } from './cookies.js';
import { messagePage } from './pages/layout.js';
import { SOMETHING_WENT_WRONG, TOO_LARGE } from './pages/texts.js';
import { checkinLanding, checkinPost } from './routes/checkin-route.js';
import { dashboardHome, memberRoute } from './routes/dashboard-route.js';
import { entryLanding, entryPost } from './routes/entry-route.js';
import { exportDownload } from './routes/export-route.js';
import { linkRoute } from './routes/link-route.js';
import { linkRateLimit, redactPath, requestLog, securityHeaders } from './security.js';
import { STYLESHEET } from './styles.js';
import type { Landings, WebContext } from './web-context.js';

export interface WebOptions {
  deps: AppDeps;
  clock: Clock;
  /** Pages other than the check-in that a link may open (reflection, dashboard, export). */
  landings?: Landings;
  /** Extra routes (later: the Slack receiver, admin pages) mounted on the same server. */
  mount?: (app: Express, ctx: WebContext) => void;
  /** Requests per minute per address on link and form endpoints. */
  rateLimitPerMinute?: number;
}

/**
 * The largest form body read. A full reflection of 4,000 emoji is ~16 KB of UTF-8 and three times that url-encoded;
 * this reads far past that (a 120,000-character paste), so an over-long reflection gets the form's own message,
 * with the text kept in the box. Only beyond this does a post go unread (see TOO_LARGE).
 */
const FORM_BODY_LIMIT = '1mb';

/** body-parser's errors for a body too large to read at all. */
const tooLarge = (err: unknown): boolean =>
  typeof err === 'object' &&
  err !== null &&
  'type' in err &&
  (err.type === 'entity.too.large' || err.type === 'parameters.too.many');

/** The private pages, on Express: the framework Bolt's receiver and Bull Board can share later. */
export function createWebApp(o: WebOptions): Express {
  const secure = o.deps.settings.publicUrl.startsWith('https://');
  const ctx: WebContext = { deps: o.deps, clock: o.clock, secure, cookieName: sessionCookieName(secure) };
  const app = express();
  app.disable('x-powered-by');
  if (secure) app.set('trust proxy', 'loopback');
  app.use(requestLog(o.deps.log), ...securityHeaders());
  app.get('/assets/interlude.css', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.type('text/css').send(STYLESHEET);
  });
  const limit = linkRateLimit(o.rateLimitPerMinute ?? 60, o.deps.settings);
  app.get(
    '/l/:token',
    limit,
    linkRoute(ctx, { checkin: checkinLanding, entry: entryLanding, ...o.landings }),
  );
  app.post('/entry', limit, express.urlencoded({ extended: false, limit: FORM_BODY_LIMIT }), entryPost(ctx));
  app.post(
    '/checkin',
    limit,
    express.urlencoded({ extended: false, limit: FORM_BODY_LIMIT }),
    checkinPost(ctx),
  );
  // The facilitator's pages need a dashboard session, which only a dashboard link (a `landings` entry) opens.
  app.get('/dashboard', limit, dashboardHome(ctx));
  app.get('/dashboard/member/:id', limit, memberRoute(ctx));
  // A person's export files need the session their export link (a `landings` entry) opened.
  app.get('/export/:filename', limit, exportDownload(ctx));
  o.mount?.(app, ctx);
  app.use((_req, res) => {
    res
      .status(404)
      .type('html')
      .send(messagePage('Not found', ['There is no page here.'], o.deps.settings));
  });
  // Express 5 forwards thrown and rejected errors here; the person sees an apology, the log gets the detail.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status =
      typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number'
        ? err.status
        : 500;
    if (status >= 500) o.deps.log.error({ err, path: redactPath(req.path) }, 'web request failed');
    // Never "nothing was lost": a body too large to read is lost here, and after a failure we cannot know.
    const said = tooLarge(err) ? TOO_LARGE : SOMETHING_WENT_WRONG;
    res
      .status(status)
      .type('html')
      .send(messagePage(said.title, said.lines, o.deps.settings));
  });
  return app;
}

/** Listen on host:port (port 0 picks a free one); resolves with the bound port. */
export async function startWebServer(
  app: Express,
  host: string,
  port: number,
): Promise<{ server: Server; port: number }> {
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
