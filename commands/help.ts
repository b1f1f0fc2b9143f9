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
    run: (_ctx, o) => helpMessage(ALL_COMMANDS(), o.command),
  }),
});
