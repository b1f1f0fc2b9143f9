import { commandsFor } from '../src/app/access.js';
import { defineCommand, leaf } from '../src/app/command.js';
import { option } from '../src/domain/option-kinds.js';
import { helpMessage } from '../src/views/help.js';

export default defineCommand({
  name: 'help',
  description: 'What Interlude can do, and how',
  access: 'anyone',
  leaf: leaf({
    description: 'What Interlude can do',
    options: {
      command: option.text('A command to explain, like journal', { noun: 'command name', maxLength: 40 }),
    },
    examples: ['help', 'help settings'],
    // The list comes from the registry through the context (no import cycle) and shows only what this person may
    // run (src/app/access.ts); /help <name> still explains any command, so a refusal can be looked up.
    run: (ctx, o) => helpMessage(o.command ? ctx.commands : commandsFor(ctx.commands, ctx.actor), o.command),
  }),
});
