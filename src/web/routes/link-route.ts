import type { Request, Response } from 'express';
import { openLink } from '../../app/page-access.js';
import type { LinkPurpose } from '../../domain/entities.js';
import { sessionCookie } from '../cookies.js';
import { messagePage, type PageChrome } from '../pages/layout.js';
import type { Landings, WebContext } from '../web-context.js';

const REFUSALS = {
  expired: {
    status: 410,
    title: 'This link has expired',
    line: 'Links last a day and a half, to keep your answers private.',
  },
  used: {
    status: 410,
    title: 'This link was already used',
    line: 'Each link works for one check-in, so nobody else can use it after you.',
  },
  unknown: { status: 404, title: 'This link does not work', line: 'It may have been copied incompletely.' },
  altered: { status: 404, title: 'This link does not work', line: 'It may have been copied incompletely.' },
  'wrong-purpose': {
    status: 404,
    title: 'This link does not work',
    line: 'It may have been copied incompletely.',
  },
} as const;

type Reason = keyof typeof REFUSALS;

/** Where a link of a known purpose came from, so the page can say how to get a fresh one. */
const FRESH: Partial<Record<LinkPurpose, { line: Partial<Record<Reason, string>>; next: string }>> = {
  reflection: {
    line: { expired: 'Reflection links last a day and a half, to keep what you wrote private.' },
    next: 'To get a fresh one, type /summary in your chat with Interlude.',
  },
  dashboard: {
    line: {
      expired: 'Dashboard links expire when unused, so an old message cannot sign anyone in.',
      used: 'Each dashboard link signs in once, in one browser, so nobody else can use it after you.',
    },
    next: "To sign in again, type /dashboard in your group's chat with Interlude.",
  },
  entry: {
    line: {
      expired: 'Links to your private pages last a short while, to keep what you write private.',
      used: 'Each link saves once, so nobody else can use it after you. What you wrote with it was saved.',
    },
    next: 'To write more, type the same command again in your chat with Interlude (for example /journal).',
  },
  export: {
    line: {
      expired: 'Download links last an hour, because the page gives everything you have stored.',
      used: 'Each download link opens once, in one browser, so nobody else can use it after you.',
    },
    next: 'To get a fresh one, type /export in your chat with Interlude.',
  },
};

const DEFAULT_NEXT =
  'To get a fresh one, type /checkin in your chat with Interlude (or /summary for your reflection page). Nothing was saved from this link.';

export function refusalPage(
  chrome: PageChrome,
  reason: Reason,
  purpose?: LinkPurpose,
): { status: number; body: string } {
  const r = REFUSALS[reason];
  const fresh = purpose ? FRESH[purpose] : undefined;
  return {
    status: r.status,
    body: messagePage(r.title, [fresh?.line[reason] ?? r.line, fresh?.next ?? DEFAULT_NEXT], chrome),
  };
}

/**
 * GET /l/:token — open a private link. The page is rendered right here rather than after a redirect: a link
 * clicked in a chat app is a cross-site navigation, and a SameSite=Strict cookie set now is only sent on the
 * requests this page makes itself (the form post, the links on the page), which is exactly what we want.
 */
export const linkRoute =
  (ctx: WebContext, landings: Landings) =>
  (req: Request, res: Response): void | Promise<void> => {
    const now = ctx.clock.now();
    const token = String(req.params.token ?? '');
    const opened = openLink(ctx.deps, token, now, (purpose) => landings[purpose] !== undefined);
    const landing = opened.ok ? landings[opened.link.purpose] : undefined;
    if (!opened.ok || !landing) {
      const r = opened.ok
        ? refusalPage(ctx.deps.settings, 'wrong-purpose')
        : refusalPage(ctx.deps.settings, opened.reason, opened.purpose);
      res.status(r.status).type('html').send(r.body);
      return;
    }
    const { cookie, session, link } = opened;
    res.setHeader(
      'Set-Cookie',
      sessionCookie(ctx.cookieName, cookie, (session.expiresAt - now) / 1000, ctx.secure),
    );
    return landing(ctx, req, res, { session, link });
  };
