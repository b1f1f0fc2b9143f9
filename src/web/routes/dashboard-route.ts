import type { Request, Response } from 'express';
import { z } from 'zod';
import { DASHBOARD_SESSION_HOURS } from '../../app/links.js';
import { spaceNameOf } from '../../app/page-access.js';
import type { BrowserSession } from '../../domain/entities.js';
import { HOUR } from '../../domain/types.js';
import { rosterFor, type Viewer, viewMember } from '../../features/facilitators/roster.js';
import { messagePage } from '../pages/layout.js';
import { memberPage, noMemberPage } from '../pages/member-page.js';
import { rosterPage } from '../pages/roster-page.js';
import { type Landing, sessionOf, type WebContext } from '../web-context.js';
import { rangeChart } from './range-chart.js';

const viewerOf = (s: BrowserSession): Viewer => ({ spaceId: s.spaceId, userId: s.userId });

function sendRoster(ctx: WebContext, res: Response, session: BrowserSession): void {
  const now = ctx.clock.now();
  const members = rosterFor(ctx.deps, viewerOf(session), now);
  const spaceName = spaceNameOf(ctx.deps, session.spaceId);
  res
    .type('html')
    .send(
      rosterPage(
        { spaceName, members, hoursLeft: Math.floor((session.expiresAt - now) / HOUR) },
        ctx.deps.settings,
      ),
    );
}

/** The page a dashboard link opens: the link is already used up (one-time sign-in, see link-route.ts). */
export const dashboardLanding: Landing = (ctx, _req, res, { session }) => sendRoster(ctx, res, session);

/**
 * The facilitator's session, or a kind 403 page: none (or an ended one) asks them to sign in again; a patient's
 * check-in or reflection session is told this page is not for them. Nothing about any member is shown either way.
 */
function facilitatorSession(ctx: WebContext, req: Request, res: Response): BrowserSession | null {
  const s = sessionOf(ctx, req, ctx.clock.now());
  if (s?.purpose === 'dashboard') return s;
  const body = s
    ? messagePage(
        'This page is for facilitators',
        [
          "The facilitator dashboard shows group members' shared check-ins to the group's facilitators only.",
          'Your own reflection page is one /summary away in your chat with Interlude.',
        ],
        ctx.deps.settings,
      )
    : messagePage(
        'Please sign in again',
        [
          `Your dashboard sign-in has ended, or this browser has none. Sign-ins last ${DASHBOARD_SESSION_HOURS} hours, for privacy.`,
          "Type /dashboard in your group's chat with Interlude for a fresh link.",
        ],
        ctx.deps.settings,
      );
  res.status(403).type('html').send(body);
  return null;
}

/** GET /dashboard — the roster again, for a signed-in facilitator. */
export const dashboardHome =
  (ctx: WebContext) =>
  (req: Request, res: Response): void => {
    const session = facilitatorSession(ctx, req, res);
    if (session) sendRoster(ctx, res, session);
  };

const memberParams = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,14}$/)
    .transform(Number),
});

/** GET /dashboard/member/:id — one member's 30 days. The audit row is written before anything is read. */
export const memberRoute =
  (ctx: WebContext) =>
  async (req: Request, res: Response): Promise<void> => {
    const session = facilitatorSession(ctx, req, res);
    if (!session) return;
    const params = memberParams.safeParse(req.params);
    const view = params.success
      ? viewMember(ctx.deps, viewerOf(session), params.data.id, ctx.clock.now())
      : null;
    if (!view) {
      res.status(404).type('html').send(noMemberPage(ctx.deps.settings));
      return;
    }
    const chart = await rangeChart(view, 'Mood, sleep and energy, last 30 days');
    res.type('html').send(memberPage(view, chart, ctx.deps.settings));
  };
