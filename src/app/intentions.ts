import type { Participant } from '../domain/entities.js';
import { localDateOf } from '../domain/local-time.js';
import { freeText } from '../domain/text-input.js';
import { parseInput } from '../domain/validation.js';
import { heading, type OutMessage, quote, text } from '../views/message.js';
import { formatDate } from '../views/when.js';
import type { AppDeps } from './deps.js';

const intentionSchema = freeText('intention');

/** The newest intention is the current one; older ones stay as a record of how intentions changed. */
export function setIntention(
  deps: AppDeps,
  p: Participant,
  raw: string | undefined,
  now: number,
): OutMessage {
  const body = parseInput(intentionSchema, raw ?? '', 'invalid-intention');
  deps.store.intentions.add(p.id, localDateOf(now, p.zone), body, now);
  return {
    blocks: [text('Your intention is set. Hold it lightly — it is a direction, not a test.'), quote(body)],
    sensitive: true,
  };
}

export function showIntentions(deps: AppDeps, p: Participant): OutMessage {
  const [current, ...earlier] = deps.store.intentions.recent(p.id, 4);
  if (!current) {
    return {
      blocks: [
        text('You have no intention set yet. Set one with /intention followed by a few words, for example:'),
        quote('/intention Meet my worries with curiosity this week'),
      ],
    };
  }
  return {
    blocks: [
      heading('Your current intention'),
      quote(current.text),
      text(`Set ${formatDate(current.localDate)}.`),
      ...(earlier.length > 0
        ? [heading('Before that'), ...earlier.flatMap((i) => [text(formatDate(i.localDate)), quote(i.text)])]
        : []),
    ],
    sensitive: true,
  };
}
