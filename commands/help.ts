import { z } from 'zod';
import { defineCommand, leaf } from '../src/app/command.js';
import { helpMessage } from '../src/views/help.js';
import { ALL_COMMANDS } from './registry.js';

export default defineCommand({
  name: 'help',
  description: 'What Interlude can do, and how',
  access: 'anyone',
  leaf: leaf({
    description: 'What Interlude can do',
    options: z.object({ command: z.string().optional().describe('A command to explain, like journal') }),
    examples: ['help', 'help settings'],
    // The list shows facilitator and admin commands only to those who may use them; /help <name> explains any.
    run: (ctx, o) =>
      helpMessage(
        o.command
          ? ALL_COMMANDS()
          : ALL_COMMANDS().filter(
              (c) =>
                (c.access !== 'facilitator' || ctx.actor.isFacilitator) &&
                (c.access !== 'admin' || ctx.actor.isSpaceAdmin === true),
            ),
        o.command,
      ),
  }),
});
