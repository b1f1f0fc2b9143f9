import type { BrowserSession, Link, LinkPurpose, Participant } from '../domain/entities.js';
import type { CoreDeps } from './deps.js';
import { checkLink, type LinkCheck, openBrowserSession } from './links.js';

/**
 * What the private pages may do with links and sessions, as use cases: the web routes call these and never the
 * store. The single-use rule is written once, in `redeemLink`.
 */

/** Links used up the moment they open: a sign-in or a download page, so a forwarded or logged copy opens nothing. */
const USED_ON_OPEN: ReadonlySet<LinkPurpose> = new Set(['dashboard', 'export']);

/**
 * Use a link once: of two racing uses exactly one wins (one UPDATE decides). With `work`, using it up and the work
 * are one transaction: if the work throws (a bad answer), the link stays unused; `null` when it was already used.
 */
export function redeemLink<T>(deps: CoreDeps, link: Link, now: number, work: () => T): T | null;
export function redeemLink(deps: CoreDeps, link: Link, now: number): true | null;
export function redeemLink<T>(deps: CoreDeps, link: Link, now: number, work?: () => T): T | true | null {
  const { store } = deps;
  return store.transaction(() => {
    if (!store.links.markUsed(link.id, now)) return null;
    return work ? work() : true;
  });
}

export type OpenedLink =
  | { ok: true; link: Link; session: BrowserSession; cookie: string }
  | (Extract<LinkCheck, { ok: false }> & { link?: Link });

/**
 * Open a private link: check it, use it up when its page is used on opening (see USED_ON_OPEN), and open its
 * browser session, as one step: of two racing opens of a one-time link, only one gets a session.
 */
export function openLink(
  deps: CoreDeps,
  token: string,
  now: number,
  opens: (purpose: LinkPurpose) => boolean = () => true,
): OpenedLink {
  const check = checkLink(deps, token, now);
  if (!check.ok) return check;
  const link = check.link;
  if (!opens(link.purpose)) return { ok: false, reason: 'wrong-purpose', link };
  const opened = deps.store.transaction(() =>
    USED_ON_OPEN.has(link.purpose) && !redeemLink(deps, link, now)
      ? null
      : openBrowserSession(deps, link, now),
  );
  if (!opened) return { ok: false, reason: 'used', purpose: link.purpose, link };
  return { ok: true, link, ...opened };
}

/** The enrolled person a link belongs to, or null (a facilitator's sign-in link, or someone since erased). */
export const participantForLink = (deps: CoreDeps, link: Link): Participant | null =>
  link.participantId === null ? null : deps.store.participants.get(link.participantId);

/** The link a browser session was opened from, or null. */
export const linkOfSession = (deps: CoreDeps, session: BrowserSession): Link | null =>
  session.linkId === null ? null : deps.store.links.get(session.linkId);

/** The person a session belongs to, only when it is still theirs (same space, same platform user). */
export function participantOfSession(deps: CoreDeps, session: BrowserSession): Participant | null {
  const p = session.participantId === null ? null : deps.store.participants.get(session.participantId);
  return p && p.spaceId === session.spaceId && p.userId === session.userId ? p : null;
}

/** End a browser session now (a refused page must leave no way in behind it). */
export const endBrowserSession = (deps: CoreDeps, session: BrowserSession): void => {
  deps.store.browserSessions.delete(session.id);
};

/** A space's name as its platform gave it, for a page heading. */
export const spaceNameOf = (deps: CoreDeps, spaceId: number): string | null =>
  deps.store.spaces.get(spaceId)?.name ?? null;
