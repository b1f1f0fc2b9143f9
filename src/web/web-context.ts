import type { Request, Response } from 'express';
import type { AppDeps } from '../app/deps.js';
import { webSessionFor } from '../app/links.js';
import type { BrowserSession, Link, LinkPurpose } from '../domain/entities.js';
import type { Clock } from '../ports/clock.js';
import { readCookie } from './cookies.js';

/** What every route needs: the app, the clock, and how cookies are set. */
export interface WebContext {
  deps: AppDeps;
  clock: Clock;
  /** PUBLIC_URL is https: cookies are Secure and __Host- prefixed. */
  secure: boolean;
  cookieName: string;
}

/** The browser session this request's cookie names, if it is live. */
export const sessionOf = (ctx: WebContext, req: Request, now: number): BrowserSession | null =>
  webSessionFor(ctx.deps, readCookie(req.headers.cookie, ctx.cookieName), now);

/** A posted form's fields (Express's urlencoded parser gives an object; anything else is no fields). */
export const postedBody = (req: Request): Record<string, unknown> =>
  typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};

/** What a link opens once its session is set: one page per purpose. */
export type Landing = (
  ctx: WebContext,
  req: Request,
  res: Response,
  s: { session: BrowserSession; link: Link },
) => void;
export type Landings = Partial<Record<LinkPurpose, Landing>>;
