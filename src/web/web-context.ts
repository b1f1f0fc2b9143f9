import type { Request, Response } from 'express';
import type { AppDeps } from '../app/deps.js';
import type { BrowserSession, Link, LinkPurpose } from '../domain/entities.js';
import type { Clock } from '../ports/clock.js';

/** What every route needs: the app, the clock, and how cookies are set. */
export interface WebContext {
  deps: AppDeps;
  clock: Clock;
  /** PUBLIC_URL is https: cookies are Secure and __Host- prefixed. */
  secure: boolean;
  cookieName: string;
}

/** What a link opens once its session is set: one page per purpose. */
export type Landing = (
  ctx: WebContext,
  req: Request,
  res: Response,
  s: { session: BrowserSession; link: Link },
) => void;
export type Landings = Partial<Record<LinkPurpose, Landing>>;
