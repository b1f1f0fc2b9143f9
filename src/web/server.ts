import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { AppDeps } from '../app/deps.js';
import type { Clock } from '../ports.js';
import { sessionCookieName } from './cookies.js';
import { messagePage } from './pages/layout.js';
import { checkinLanding, checkinPost } from './routes/checkin-route.js';
import { dashboardHome, memberRoute } from './routes/dashboard-route.js';
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
  const limit = linkRateLimit(o.rateLimitPerMinute ?? 60);
  app.get('/l/:token', limit, linkRoute(ctx, { checkin: checkinLanding, ...o.landings }));
  app.post('/checkin', limit, express.urlencoded({ extended: false, limit: '100kb' }), checkinPost(ctx));
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
      .send(messagePage('Not found', ['There is no page here.']));
  });
  // Express 5 forwards thrown and rejected errors here; the person sees an apology, the log gets the detail.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status =
      typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number'
        ? err.status
        : 500;
    if (status >= 500) o.deps.log.error({ err, path: redactPath(req.path) }, 'web request failed');
    res
      .status(status)
      .type('html')
      .send(
        messagePage('Something went wrong', [
          'Sorry — that did not work. Nothing you wrote was lost; please try again.',
        ]),
      );
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
