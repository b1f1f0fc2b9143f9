import { message, type OutMessage, text } from '../views/message.js';
import { FREE_TEXT_HELP_TAIL, FREE_TEXT_POINTER } from '../views/texts.js';
import { crisisMessage } from './crisis.js';
import type { AppSettings } from './deps.js';

/** "help" on its own, or words that ask for help or speak of harming oneself. */
const HELP_WORD = /^\s*help\s*[.!?]*\s*$/i;
const ASKS_FOR_HELP =
  /\b(crisis|suicid\w*|kill(ing)? myself|end(ing)? my life|hurt(ing)? myself|harm(ing)? myself|self[- ]harm\w*|want to die|emergency)\b/i;

/**
 * Whether words typed to the bot ask for help. The one test every surface uses (Discord and Slack DMs, the console,
 * the console's check-in questions), so the answer to a cry for help cannot differ by surface. A backup, never the
 * safety net: the crisis lines are always one command away too.
 */
export const asksForHelp = (content: string): boolean =>
  HELP_WORD.test(content) || ASKS_FOR_HELP.test(content);

/** The crisis lines, with a pointer to the commands after them. */
export const crisisReply = (settings: Pick<AppSettings, 'crisisLines'>): OutMessage => {
  const m = crisisMessage(settings);
  return { ...m, blocks: [...m.blocks, text(FREE_TEXT_HELP_TAIL)] };
};

/**
 * The answer to words typed to the bot outside a command, on every surface. They are not stored or read further:
 * words that ask for help get the crisis lines at once; anything else gets a pointer to the commands.
 */
export function answerFreeText(settings: Pick<AppSettings, 'crisisLines'>, content: string): OutMessage {
  if (asksForHelp(content)) return crisisReply(settings);
  return message(text(FREE_TEXT_POINTER));
}
