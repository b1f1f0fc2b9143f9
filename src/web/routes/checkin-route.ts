import type { Request, Response } from 'express';
import { csrfMatches, type FormTicket, readFormTicket, signFormTicket } from '../../app/links.js';
import { linkOfSession, participantForLink, redeemLink } from '../../app/page-access.js';
import { checkinFormDefinition } from '../../domain/checkin-form.js';
import type { Link, Participant } from '../../domain/entities.js';
import type { RawAnswers } from '../../domain/form.js';
import { fieldProblems } from '../../domain/form-schema.js';
import { localDateOf } from '../../domain/local-time.js';
import { promptById } from '../../domain/prompts/index.js';
import { isUserError } from '../../errors.js';
import { checkinForm, recordCheckin } from '../../features/check-in/checkin.js';
import { text } from '../../views/message.js';
import { checkinPage, checkinSavedPage, longDay } from '../pages/checkin-page.js';
import { answersFromBody } from '../pages/form-page.js';
import { messagePage } from '../pages/layout.js';
import {
  dayHeading,
  FORM_EXPIRED,
  FORM_NEEDS_LINK,
  FORM_NEW_LINK,
  REFLECTION_LABEL,
  TODAY_HEADING,
} from '../pages/texts.js';
import { type Landing, postedBody, sessionOf, type WebContext } from '../web-context.js';
import { refusalPage } from './link-route.js';

type Values = RawAnswers;

/** What the form for a link shows: "Today's check-in" only when the day is today in the person's own zone. */
function formFor(ctx: WebContext, p: Participant, link: Link) {
  const now = ctx.clock.now();
  const form = checkinForm(ctx.deps, p, now, link.localDate);
  const today = form.localDate === localDateOf(now, p.zone);
  return {
    heading: today ? TODAY_HEADING : dayHeading(longDay(form.localDate)),
    day: today ? 'today' : longDay(form.localDate),
    intro: form.note ? [text(form.note)] : [],
    prompt: form.prompt,
    ticket: signFormTicket(ctx.deps.secrets.linkKey, {
      linkId: link.id,
      expiresAt: link.expiresAt,
      localDate: form.localDate,
      promptId: form.prompt.id,
    }),
  };
}

function renderForm(
  ctx: WebContext,
  p: Participant,
  link: Link,
  csrfToken: string,
  values: Values,
  o: { error?: string; problems?: Record<string, string>; notice?: (day: string) => string[] } = {},
) {
  const f = formFor(ctx, p, link);
  return checkinPage(
    {
      heading: f.heading,
      notice: o.notice?.(f.day) ?? [],
      csrfToken,
      ticket: f.ticket,
      promptText: f.prompt.text,
      intro: f.intro,
      values,
      error: o.error ?? null,
      ...(o.problems ? { problems: o.problems } : {}),
    },
    ctx.deps.settings,
  );
}

/**
 * The form shown back with everything typed in it, when it cannot be saved from this browser now: its link
 * expired (say so), or the session is gone. Nothing is stored; the person gets a new link and saves from here.
 */
function keptAnswers(
  ctx: WebContext,
  res: Response,
  ticketText: string,
  t: FormTicket,
  values: Values,
): void {
  const expired = t.expiresAt <= ctx.clock.now();
  const why = expired
    ? { title: FORM_EXPIRED.title, lines: FORM_EXPIRED.lines(longDay(t.localDate)) }
    : FORM_NEEDS_LINK;
  const body = checkinPage(
    {
      heading: why.title,
      notice: why.lines,
      csrfToken: '',
      ticket: ticketText,
      promptText: promptById(t.promptId)?.text ?? REFLECTION_LABEL,
      intro: [],
      values,
      error: null,
    },
    ctx.deps.settings,
  );
  res
    .status(expired ? 410 : 403)
    .type('html')
    .send(body);
}

/** The page a check-in link opens. */
export const checkinLanding: Landing = (ctx, _req, res, { session, link }) => {
  const p = participantForLink(ctx.deps, link);
  if (!p) {
    const r = refusalPage(ctx.deps.settings, 'unknown');
    res.status(r.status).type('html').send(r.body);
    return;
  }
  res.type('html').send(renderForm(ctx, p, link, session.csrfToken, {}));
};

const forbidden = (ctx: WebContext, res: Response, why: string) =>
  res
    .status(403)
    .type('html')
    .send(
      messagePage(
        'Please open your link again',
        [why, 'To get a fresh link, type /checkin in your chat with Interlude. Nothing was saved.'],
        ctx.deps.settings,
      ),
    );

/** The answers the page posted, by the check-in's own fields. */
const pick = (body: Record<string, unknown>): Values => answersFromBody(checkinFormDefinition, body);

/**
 * POST /checkin — store a check-in from the page, exactly as the console does. The link is marked used in the same
 * transaction as the check-in is written: a bad answer rolls both back and the form comes back with the answers
 * kept; a second submit of the same link finds it used and stores nothing. A form whose link has expired comes
 * back with its answers and says so; after a new link is opened in this browser it comes back once more with that
 * session's token, to be checked and saved.
 */
export const checkinPost =
  (ctx: WebContext) =>
  (req: Request, res: Response): void => {
    const now = ctx.clock.now();
    const { settings } = ctx.deps;
    const body = postedBody(req);
    const values = pick(body);
    const ticketText = typeof body._ticket === 'string' ? body._ticket : '';
    const ticket = readFormTicket(ctx.deps.secrets.linkKey, ticketText);
    const session = sessionOf(ctx, req, now);
    if (session?.purpose !== 'checkin' || session.linkId === null) {
      if (ticket) keptAnswers(ctx, res, ticketText, ticket, values);
      else
        forbidden(ctx, res, 'This page needs the link from your check-in message, opened in this browser.');
      return;
    }
    const link = linkOfSession(ctx.deps, session);
    const p = link ? participantForLink(ctx.deps, link) : null;
    const live = link && p && link.usedAt === null && link.expiresAt > now;
    if (!csrfMatches(session, body._csrf)) {
      // A page of ours (its ticket proves it) from before a new link was opened here: show it again with this
      // session's token, to check and save. Nothing is saved without the token.
      if (ticket && live) {
        res
          .status(409)
          .type('html')
          .send(
            renderForm(ctx, p, link, session.csrfToken, values, { notice: (day) => [FORM_NEW_LINK(day)] }),
          );
        return;
      }
      forbidden(ctx, res, 'The form was missing its security token, so it was not accepted.');
      return;
    }
    if (!link || !p) {
      const r = refusalPage(settings, 'unknown');
      res.status(r.status).type('html').send(r.body);
      return;
    }
    if (link.usedAt !== null) {
      const r = refusalPage(settings, 'used');
      res.status(r.status).type('html').send(r.body);
      return;
    }
    if (link.expiresAt <= now) {
      // Only when the session outlives its link; a check-in session ends with it, so the ticket is the usual way here.
      const t = ticket ?? {
        linkId: link.id,
        expiresAt: link.expiresAt,
        localDate: link.localDate ?? localDateOf(link.expiresAt, p.zone),
        promptId: '',
      };
      keptAnswers(ctx, res, ticket ? ticketText : signFormTicket(ctx.deps.secrets.linkKey, t), t, values);
      return;
    }
    try {
      const promptId = checkinForm(ctx.deps, p, now, link.localDate).prompt.id;
      const saved = redeemLink(ctx.deps, link, now, () =>
        recordCheckin(ctx.deps, p, values, { localDate: link.localDate, promptId, source: 'web' }, now),
      );
      if (!saved) {
        const r = refusalPage(settings, 'used');
        res.status(r.status).type('html').send(r.body);
        return;
      }
      res.type('html').send(checkinSavedPage(saved.reply.blocks, saved.checkin.reflection, settings));
    } catch (e) {
      if (!isUserError(e)) throw e;
      res
        .status(422)
        .type('html')
        .send(
          renderForm(ctx, p, link, session.csrfToken, values, {
            error: e.message,
            problems: fieldProblems(checkinFormDefinition, values),
          }),
        );
    }
  };
