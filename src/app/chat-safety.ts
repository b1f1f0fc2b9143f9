import { type Block, type OutMessage, text } from '../views/message.js';
import type { Actor } from './actor.js';
import type { AppDeps } from './deps.js';
import { exportLinkMessage } from './export-data.js';
import { linkFor } from './links.js';
import { findParticipant } from './participants.js';
import { KEPT_OFF_CHAT, OPEN_PRIVATE_PAGE } from './privacy-texts.js';

/**
 * Design principle 1 at the edge of every chat platform: unless the operator opted in (ANSWER_IN_CHAT), a reply
 * marked `sensitive` never crosses the chat API. It becomes a private link instead: the message's own link when it
 * has one (the check-in page, the reflection page), the export download page for /export, else the reflection page.
 * Headings carry no health data and stay, so the person sees what they asked for.
 */
export function safeForChat(deps: AppDeps, actor: Actor, m: OutMessage, now: number): OutMessage {
  if (!m.sensitive || deps.settings.answerInChat) return m;
  const p = findParticipant(deps.store, actor);
  if (m.files?.length && p) return exportLinkMessage(deps, p, now);
  const links = m.blocks.filter((b) => b.type === 'link');
  const headings = m.blocks.filter((b) => b.type === 'heading').slice(0, 1);
  const fallback: Block[] = p
    ? [{ type: 'link', label: OPEN_PRIVATE_PAGE, url: linkFor(deps, p, 'reflection', now) }]
    : [];
  return {
    blocks: [...headings, text(KEPT_OFF_CHAT), ...(links.length ? links : fallback)],
    ...(m.buttons ? { buttons: m.buttons } : {}),
  };
}
