import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { BrowserSession, Link, LinkPurpose, Participant } from '../domain/entities.js';
import { HOUR } from '../domain/types.js';
import type { CoreDeps } from './deps.js';

/**
 * Private links: `<random>.<hmac>`. The HMAC lets a forged or altered token be refused without a database
 * lookup; the database holds only a SHA-256 of the token, so a copy of the file cannot be turned into links.
 */

const RANDOM_BYTES = 18;
const SIG_BYTES = 16;
/** How long a facilitator stays signed in after opening a dashboard link. */
export const DASHBOARD_SESSION_HOURS = 12;

export const deriveLinkKey = (masterKey: Buffer): Buffer =>
  Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'interlude/links/v1', 32));

const sign = (key: Buffer, random: string) =>
  createHmac('sha256', key).update(random).digest().subarray(0, SIG_BYTES).toString('base64url');

export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

export function mintToken(key: Buffer): string {
  const random = randomBytes(RANDOM_BYTES).toString('base64url');
  return `${random}.${sign(key, random)}`;
}

/** True when the token is one we made (whether or not it still exists). Constant-time. */
export function signatureValid(key: Buffer, token: string): boolean {
  const m = /^([A-Za-z0-9_-]{20,40})\.([A-Za-z0-9_-]{16,32})$/.exec(token);
  if (!m?.[1] || !m[2]) return false;
  const expected = Buffer.from(sign(key, m[1]));
  const given = Buffer.from(m[2]);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface LinkSubject {
  spaceId: number;
  userId: string;
  participantId: number | null;
}

export function issueLink(
  deps: CoreDeps,
  subject: LinkSubject,
  purpose: LinkPurpose,
  now: number,
  localDate: string | null = null,
  formId: string | null = null,
): { url: string; link: Link } {
  const token = mintToken(deps.secrets.linkKey);
  const link = deps.store.links.create(
    {
      ...subject,
      purpose,
      localDate,
      formId,
      tokenHash: hashToken(token),
      expiresAt: now + linkTtlHours(deps, purpose) * HOUR,
    },
    now,
  );
  return { url: `${deps.settings.publicUrl}/l/${token}`, link };
}

/** A patient's own link to one of their pages. */
export const linkFor = (
  deps: CoreDeps,
  p: Participant,
  purpose: LinkPurpose,
  now: number,
  localDate: string | null = null,
  formId: string | null = null,
) =>
  issueLink(
    deps,
    { spaceId: p.spaceId, userId: p.userId, participantId: p.id },
    purpose,
    now,
    localDate,
    formId,
  ).url;

/**
 * A sign-in link opens many people's data, and an export link everything one person has stored, so both are
 * short-lived; a patient's other links last LINK_TTL_HOURS.
 */
export const DASHBOARD_LINK_HOURS = 1;
export const EXPORT_LINK_HOURS = 1;
export const linkTtlHours = (deps: CoreDeps, purpose: LinkPurpose): number =>
  purpose === 'dashboard'
    ? Math.min(DASHBOARD_LINK_HOURS, deps.settings.linkTtlHours)
    : purpose === 'export'
      ? Math.min(EXPORT_LINK_HOURS, deps.settings.linkTtlHours)
      : deps.settings.linkTtlHours;

export type LinkCheck =
  | { ok: true; link: Link }
  /** `purpose` when the link exists (expired or used), so the refusal can say how to get a fresh one. */
  | {
      ok: false;
      reason: 'altered' | 'unknown' | 'expired' | 'used' | 'wrong-purpose';
      purpose?: LinkPurpose;
    };

/**
 * Check a token from a URL. Reads only: opening a link never changes anything. A link housekeeping removed is
 * answered from its ending, so it says the same after the clean-up as before. Used is said before expired: a used
 * link that has since expired was used (its check-in is saved; its one sign-in happened).
 */
export function checkLink(deps: CoreDeps, token: string, now: number): LinkCheck {
  if (!signatureValid(deps.secrets.linkKey, token)) return { ok: false, reason: 'altered' };
  const hash = hashToken(token);
  const link = deps.store.links.byTokenHash(hash);
  if (!link) {
    const ending = deps.store.links.endingByTokenHash(hash);
    // A revoked link is one that was taken back: to the person it is a link that does not work.
    if (!ending || ending.reason === 'revoked') return { ok: false, reason: 'unknown' };
    return { ok: false, reason: ending.reason, purpose: ending.purpose };
  }
  if (link.usedAt !== null) return { ok: false, reason: 'used', purpose: link.purpose };
  if (link.expiresAt <= now) return { ok: false, reason: 'expired', purpose: link.purpose };
  return { ok: true, link };
}

/**
 * What a check-in form carries besides its answers, signed: which link it came from, until when, for which day
 * and prompt. A browser drops the session cookie when the link expires, so a save after that arrives with no
 * session; the ticket lets the page say truly that the link expired and show the form again with the answers.
 * It authorises nothing: nothing is ever saved without a live session and its CSRF token.
 */
export interface FormTicket {
  linkId: number;
  expiresAt: number;
  localDate: string;
  promptId: string;
}

const ticketSig = (key: Buffer, payload: string) =>
  createHmac('sha256', key)
    .update(`form-ticket:${payload}`)
    .digest()
    .subarray(0, SIG_BYTES)
    .toString('base64url');

export function signFormTicket(key: Buffer, t: FormTicket): string {
  const payload = Buffer.from(JSON.stringify([t.linkId, t.expiresAt, t.localDate, t.promptId])).toString(
    'base64url',
  );
  return `${payload}.${ticketSig(key, payload)}`;
}

export function readFormTicket(key: Buffer, given: unknown): FormTicket | null {
  if (typeof given !== 'string' || given.length > 400) return null;
  const [payload, sig, extra] = given.split('.');
  if (!payload || !sig || extra !== undefined) return null;
  const expected = Buffer.from(ticketSig(key, payload));
  const actual = Buffer.from(sig);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  const v: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  if (!Array.isArray(v) || v.length !== 4) return null;
  const [linkId, expiresAt, localDate, promptId] = v as unknown[];
  if (typeof linkId !== 'number' || typeof expiresAt !== 'number') return null;
  if (typeof localDate !== 'string' || typeof promptId !== 'string') return null;
  return { linkId, expiresAt, localDate, promptId };
}

/** A browser session for a link: an opaque cookie token (only its hash is stored) and a CSRF token. */
export function openBrowserSession(
  deps: CoreDeps,
  link: Link,
  now: number,
): { cookie: string; session: BrowserSession } {
  const cookie = randomBytes(32).toString('base64url');
  const expiresAt = link.purpose === 'dashboard' ? now + DASHBOARD_SESSION_HOURS * HOUR : link.expiresAt;
  const session = deps.store.browserSessions.create(
    {
      spaceId: link.spaceId,
      userId: link.userId,
      participantId: link.participantId,
      purpose: link.purpose,
      linkId: link.id,
      csrfToken: randomBytes(24).toString('base64url'),
      expiresAt,
      tokenHash: hashToken(cookie),
    },
    now,
  );
  return { cookie, session };
}

export function webSessionFor(
  deps: CoreDeps,
  cookie: string | undefined,
  now: number,
): BrowserSession | null {
  if (!cookie || cookie.length > 100) return null;
  const s = deps.store.browserSessions.byTokenHash(hashToken(cookie));
  return s && s.expiresAt > now ? s : null;
}

export const csrfMatches = (session: BrowserSession, given: unknown): boolean => {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
};
