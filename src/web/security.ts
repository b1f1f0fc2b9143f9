import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Logger } from '../ports/logger.js';
import { messagePage, type PageChrome } from './pages/layout.js';

/** Headers for every response: a CSP that allows no script at all, no framing, no referrer, no caching. */
export const securityHeaders = (): RequestHandler[] => [
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  }),
  (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  },
];

/** Link and form endpoints: a person needs a handful of requests a minute; a guesser gets a kind 429. */
export const linkRateLimit = (perMinute: number, chrome: PageChrome): RequestHandler =>
  rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res
        .status(429)
        .type('html')
        .send(
          messagePage(
            'Slow down a little',
            ['Too many tries in a short time. Please wait a minute and try again.'],
            chrome,
          ),
        );
    },
  });

/** Tokens live in /l/ paths: logs show the route, never the token. No bodies, no query strings are logged. */
export const redactPath = (path: string): string => path.replace(/^\/l\/[^/?#]+/, '/l/[redacted]');

export const requestLog =
  (log: Logger): RequestHandler =>
  (req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      log.debug(
        { method: req.method, path: redactPath(req.path), status: res.statusCode, ms: Math.round(ms) },
        'http',
      );
    });
    next();
  };
