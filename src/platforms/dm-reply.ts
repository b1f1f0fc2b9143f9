import { crisisMessage } from '../app/crisis.js';
import type { AppSettings } from '../app/deps.js';
import { message, type OutMessage, text } from '../views/message.js';
import { HELP_WORD } from '../views/texts.js';

const ASKS_FOR_HELP = /\b(crisis|suicid|kill myself|hurt myself|emergency)/i;

/**
 * The answer to a message typed to the bot in a DM (Discord, Slack). It is not stored or read further: words that
 * ask for help get the crisis lines at once; anything else gets a pointer to the commands.
 */
export function dmReply(settings: Pick<AppSettings, 'crisisLines'>, content: string): OutMessage {
  if (HELP_WORD.test(content) || ASKS_FOR_HELP.test(content)) {
    const m = crisisMessage(settings);
    return { ...m, blocks: [...m.blocks, text('For everything else, type /help.')] };
  }
  return message(
    text(
      'I work through commands: type /help to see them. I do not read or keep messages written here. If you need help right now, type /crisis.',
    ),
  );
}
