import { heading, linkedList, notice, type OutMessage } from '../views/message.js';
import { crisisHeading, NOT_EMERGENCY } from '../views/texts.js';
import type { AppSettings } from './deps.js';

/**
 * Crisis lines, at once, for anyone (enrolled or not). Reads nothing and writes nothing, so it cannot fail on
 * the store and never waits on a queue. The lines are the operator's own text, so their web addresses are real
 * links on every surface.
 */
export function crisisMessage(settings: Pick<AppSettings, 'crisisLines'>): OutMessage {
  return {
    blocks: [heading(crisisHeading), linkedList(settings.crisisLines), notice(NOT_EMERGENCY)],
  };
}
