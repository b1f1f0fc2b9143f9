import type { Request, Response } from 'express';
import { personExport } from '../../app/export-data.js';
import { endBrowserSession, participantForLink, participantOfSession } from '../../app/page-access.js';
import type { Participant } from '../../domain/entities.js';
import { MINUTE } from '../../domain/types.js';
import type { Attachment } from '../../views/message.js';
import { exportPage, exportSignedOutPage, noExportFilePage } from '../pages/export-page.js';
import { type Landing, sessionOf, type WebContext } from '../web-context.js';
import { refusalPage } from './link-route.js';

/** Everything the person has stored, as files, drawn from the store now (so a download is always current). */
const filesOf = (ctx: WebContext, p: Participant): Attachment[] => personExport(ctx.deps, p);

/**
 * The page an export link (from /export) opens. The link is single-use: the first open uses it up and the
 * session it opened is the only way to the files, so a forwarded or logged copy of the link opens nothing.
 * Downloads are the person's own data, not a facilitator's view, so (like the reflection page) they are not audited.
 */
export const exportLanding: Landing = (ctx, _req, res, { session, link }) => {
  const now = ctx.clock.now();
  // The link was used up as it opened (openLink); of two opens only the first got here.
  const p = participantForLink(ctx.deps, link);
  if (!p) {
    endBrowserSession(ctx.deps, session);
    res.removeHeader('Set-Cookie');
    const r = refusalPage(ctx.deps.settings, 'unknown');
    res.status(r.status).type('html').send(r.body);
    return;
  }
  const files = filesOf(ctx, p).map((f) => ({
    filename: f.filename,
    bytes: Buffer.byteLength(f.data, 'utf8'),
  }));
  res
    .type('html')
    .send(
      exportPage({ files, minutesLeft: Math.floor((session.expiresAt - now) / MINUTE) }, ctx.deps.settings),
    );
};

/** The person an export session belongs to, or a kind 403 page (no session, an ended one, another page's). */
function exportOwner(ctx: WebContext, req: Request, res: Response): Participant | null {
  const s = sessionOf(ctx, req, ctx.clock.now());
  const p = s?.purpose === 'export' ? participantOfSession(ctx.deps, s) : null;
  if (p) return p;
  res.status(403).type('html').send(exportSignedOutPage(ctx.deps.settings));
  return null;
}

/**
 * GET /export/:filename — one file of the person's export, built from the store now, as an attachment that no
 * cache keeps. Unknown names are a 404, but only once the session is known: a stranger learns nothing.
 */
export const exportDownload =
  (ctx: WebContext) =>
  (req: Request, res: Response): void => {
    const p = exportOwner(ctx, req, res);
    if (!p) return;
    const name = String(req.params.filename ?? '');
    const file = filesOf(ctx, p).find((f) => f.filename === name);
    if (!file) {
      res.status(404).type('html').send(noExportFilePage(ctx.deps.settings));
      return;
    }
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(Buffer.from(file.data, 'utf8'));
  };
