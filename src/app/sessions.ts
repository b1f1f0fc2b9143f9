import { localDateOf, localDateSchema } from '../domain/local-time.js';
import { parseInput } from '../domain/validation.js';
import { UserError } from '../errors.js';
import type { Participant } from '../ports.js';
import { heading, list, type OutMessage, text } from '../views/message.js';
import { phaseNote } from '../views/phase-notes.js';
import { formatDateLong } from '../views/when.js';
import type { AppDeps } from './deps.js';
import { phaseFor } from './phase-of.js';

const PHASE_NAMES = {
  'session-day': 'a session day',
  integration: 'the first days after a session',
  maintenance: 'the weeks between sessions',
  preparation: 'getting ready for your next session',
  'booster-due': 'a while since your last session',
} as const;

const dateOf = (raw: string | undefined) => parseInput(localDateSchema, raw ?? '', 'invalid-date');

/** Record a session that took place (today or earlier), so prompts follow where the person is. */
export function logSession(deps: AppDeps, p: Participant, raw: string | undefined, now: number): OutMessage {
  const today = localDateOf(now, p.zone);
  const date = raw === undefined ? today : dateOf(raw);
  if (date > today) {
    throw new UserError(
      'session-in-future',
      `${formatDateLong(date)} hasn't happened yet. To plan a session, use /session next ${date}.`,
    );
  }
  const already = deps.store.sessions.list(p.id).some((s) => s.date === date && s.status === 'done');
  if (!already) deps.store.sessions.add(p.id, date, 'done', now);
  return showSessions(deps, p, now, `Noted a session on ${formatDateLong(date)}.`);
}

/** Set (or replace) the next planned session. */
export function planNextSession(
  deps: AppDeps,
  p: Participant,
  raw: string | undefined,
  now: number,
): OutMessage {
  const today = localDateOf(now, p.zone);
  const date = dateOf(raw);
  if (date < today) {
    throw new UserError(
      'session-in-past',
      `${formatDateLong(date)} is already behind us. To note a session you had, use /session log ${date}.`,
    );
  }
  deps.store.transaction(() => {
    deps.store.sessions.clearPlanned(p.id);
    deps.store.sessions.add(p.id, date, 'planned', now);
  });
  return showSessions(deps, p, now, `Your next session is set for ${formatDateLong(date)}.`);
}

export function showSessions(deps: AppDeps, p: Participant, now: number, lead?: string): OutMessage {
  const info = phaseFor(deps, p, now);
  const note = phaseNote(info);
  const facts = [
    info.lastSession
      ? `Last session: ${formatDateLong(info.lastSession)}`
      : 'No session logged yet (/session log).',
    info.nextSession
      ? `Next session: ${formatDateLong(info.nextSession)}`
      : 'No next session set (/session next).',
    `Right now: ${PHASE_NAMES[info.phase]}.`,
  ];
  return {
    blocks: [
      ...(lead ? [text(lead)] : []),
      heading('Your sessions'),
      list(facts),
      ...(note ? [text(note)] : []),
    ],
    sensitive: true,
  };
}
