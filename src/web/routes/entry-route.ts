import type { Request, Response } from 'express';
import { csrfMatches } from '../../app/links.js';
import { linkOfSession, participantForLink, redeemLink } from '../../app/page-access.js';
import { type PageForm, pageFormById } from '../../app/page-forms.js';
import type { RawAnswers } from '../../domain/form.js';
import { fieldProblems } from '../../domain/form-schema.js';
import { isUserError } from '../../errors.js';
import { entryPage, entrySavedPage } from '../pages/entry-page.js';
import { answersFromBody } from '../pages/form-page.js';
import { ENTRY_NOT_SAVED } from '../pages/texts.js';
import { type Landing, postedBody, sessionOf, type WebContext } from '../web-context.js';
import { refusalPage } from './link-route.js';

/** The page an entry link opens: its form (journal, intention, action plan, session date), from its definition. */
export const entryLanding: Landing = (ctx, _req, res, { session, link }) => {
  const p = participantForLink(ctx.deps, link);
  const entry = pageFormById(ctx.deps, link.formId);
  if (!p || !entry) {
    const r = refusalPage(ctx.deps.settings, 'unknown');
    res.status(r.status).type('html').send(r.body);
    return;
  }
  const values = entry.initial?.(p, ctx.clock.now()) ?? {};
  res
    .type('html')
    .send(entryPage({ form: entry.form, csrfToken: session.csrfToken, values }, ctx.deps.settings));
};

/** The form shown back with what was typed, when it cannot be saved from this browser now. Stores nothing. */
function keptAnswers(ctx: WebContext, res: Response, entry: PageForm, values: RawAnswers, expired: boolean) {
  const notice = { title: ENTRY_NOT_SAVED.title, lines: ENTRY_NOT_SAVED.lines(expired) };
  res
    .status(expired ? 410 : 403)
    .type('html')
    .send(entryPage({ form: entry.form, notice, csrfToken: '', values }, ctx.deps.settings));
}

/**
 * POST /entry — store a page form's answers through the same use case its command runs. The link is used up in the
 * same transaction as the answers are stored (redeemLink): a bad answer rolls both back and the form comes back
 * with the answers kept; a second submit finds the link used and stores nothing.
 */
export const entryPost =
  (ctx: WebContext) =>
  (req: Request, res: Response): void => {
    const now = ctx.clock.now();
    const { settings } = ctx.deps;
    const body = postedBody(req);
    const posted = pageFormById(ctx.deps, typeof body._form === 'string' ? body._form : null);
    const session = sessionOf(ctx, req, now);
    const link = session?.purpose === 'entry' ? linkOfSession(ctx.deps, session) : null;
    // The link decides which form this is; the posted name only lets a page without a session come back whole.
    const entry = link ? pageFormById(ctx.deps, link.formId) : posted;
    const values = entry ? answersFromBody(entry.form, body) : {};
    const p = link ? participantForLink(ctx.deps, link) : null;
    if (!session || !link || !p || !entry || !csrfMatches(session, body._csrf)) {
      if (entry) keptAnswers(ctx, res, entry, values, false);
      else {
        const r = refusalPage(settings, 'unknown');
        res.status(r.status).type('html').send(r.body);
      }
      return;
    }
    if (link.usedAt !== null) {
      const r = refusalPage(settings, 'used', 'entry');
      res.status(r.status).type('html').send(r.body);
      return;
    }
    if (link.expiresAt <= now) {
      keptAnswers(ctx, res, entry, values, true);
      return;
    }
    try {
      const saved = redeemLink(ctx.deps, link, now, () => entry.save(ctx.deps, p, values, now));
      if (!saved) {
        const r = refusalPage(settings, 'used', 'entry');
        res.status(r.status).type('html').send(r.body);
        return;
      }
      res.type('html').send(entrySavedPage(saved.blocks, settings));
    } catch (e) {
      if (!isUserError(e)) throw e;
      res
        .status(422)
        .type('html')
        .send(
          entryPage(
            {
              form: entry.form,
              csrfToken: session.csrfToken,
              values,
              error: e.message,
              problems: fieldProblems(entry.form, values),
            },
            settings,
          ),
        );
    }
  };
