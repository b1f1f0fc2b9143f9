import type { Request, Response } from 'express';
import { checkinForm, recordCheckin } from '../../app/checkin.js';
import { csrfMatches, webSessionFor } from '../../app/links.js';
import { isUserError } from '../../errors.js';
import type { Link, Participant, WebSession } from '../../ports.js';
import { text } from '../../views/message.js';
import { readCookie } from '../cookies.js';
import { checkinPage, checkinSavedPage } from '../pages/checkin-page.js';
import { messagePage } from '../pages/layout.js';
import type { Landing, WebContext } from '../web-context.js';
import { refusalPage } from './link-route.js';

type Values = Record<string, string | string[] | undefined>;

function renderForm(
  ctx: WebContext,
  p: Participant,
  link: Link,
  session: WebSession,
  values: Values,
  error: string | null,
) {
  const form = checkinForm(ctx.deps, p, ctx.clock.now(), link.localDate);
  return checkinPage({
    csrfToken: session.csrfToken,
    promptText: form.prompt.text,
    intro: form.note ? [text(form.note)] : [],
    values,
    error,
  });
}

/** The page a check-in link opens. */
export const checkinLanding: Landing = (ctx, _req, res, { session, link }) => {
  const p = link.participantId === null ? null : ctx.deps.store.participants.get(link.participantId);
  if (!p) {
    const r = refusalPage('unknown');
    res.status(r.status).type('html').send(r.body);
    return;
  }
  res.type('html').send(renderForm(ctx, p, link, session, {}, null));
};

const forbidden = (res: Response, why: string) =>
  res
    .status(403)
    .type('html')
    .send(
      messagePage('Please open your link again', [
        why,
        'To get a fresh link, type /checkin in your chat with Interlude. Nothing was saved.',
      ]),
    );

const pick = (body: unknown): Values => {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const one = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : undefined);
  const tags = b.tags;
  return {
    mood: one('mood'),
    sleep: one('sleep'),
    energy: one('energy'),
    anxiety: one('anxiety'),
    reflection: one('reflection'),
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : one('tags'),
  };
};

/**
 * POST /checkin — store a check-in from the page, exactly as the console does. The link is marked used in the same
 * transaction as the check-in is written: a bad answer rolls both back and the form comes back with the answers
 * kept; a second submit of the same link finds it used and stores nothing.
 */
export const checkinPost =
  (ctx: WebContext) =>
  (req: Request, res: Response): void => {
    const now = ctx.clock.now();
    const session = webSessionFor(ctx.deps, readCookie(req.headers.cookie, ctx.cookieName), now);
    if (session?.purpose !== 'checkin' || session.linkId === null) {
      forbidden(res, 'This page needs the link from your check-in message, opened in this browser.');
      return;
    }
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<
      string,
      unknown
    >;
    if (!csrfMatches(session, body._csrf)) {
      forbidden(res, 'The form was missing its security token, so it was not accepted.');
      return;
    }
    const { store } = ctx.deps;
    const link = store.links.get(session.linkId);
    const p = link?.participantId ? store.participants.get(link.participantId) : null;
    if (!link || !p) {
      const r = refusalPage('unknown');
      res.status(r.status).type('html').send(r.body);
      return;
    }
    if (link.usedAt !== null || link.expiresAt <= now) {
      const r = refusalPage(link.usedAt !== null ? 'used' : 'expired');
      res.status(r.status).type('html').send(r.body);
      return;
    }
    const values = pick(body);
    try {
      const promptId = checkinForm(ctx.deps, p, now, link.localDate).prompt.id;
      const saved = store.transaction(() => {
        if (!store.links.markUsed(link.id, now)) return null;
        return recordCheckin(
          ctx.deps,
          p,
          values,
          { localDate: link.localDate, promptId, source: 'web' },
          now,
        );
      });
      if (!saved) {
        const r = refusalPage('used');
        res.status(r.status).type('html').send(r.body);
        return;
      }
      res.type('html').send(checkinSavedPage(saved.reply.blocks, saved.checkin.reflection));
    } catch (e) {
      if (!isUserError(e)) throw e;
      res
        .status(422)
        .type('html')
        .send(renderForm(ctx, p, link, session, values, e.message));
    }
  };
