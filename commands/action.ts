import { z } from 'zod';
import { addAction, completeAction, listActions } from '../src/app/action-plans.js';
import { defineCommand, leaf } from '../src/app/command.js';

export default defineCommand({
  name: 'action',
  description: 'Turn an insight into a small, specific step, and mark it done',
  access: 'participant',
  subcommands: {
    add: leaf({
      description: 'Add an action plan',
      options: z.object({ text: z.string().optional().describe('One small, specific step') }),
      examples: ['action add Call my sister on Sunday evening'],
      run: (ctx, o) => addAction(ctx.deps, ctx.me(), o.text, ctx.now),
    }),
    list: leaf({
      description: 'See your open and recently done actions',
      options: z.object({}),
      run: (ctx) => listActions(ctx.deps, ctx.me()),
    }),
    done: leaf({
      description: 'Mark an action done',
      options: z.object({ number: z.string().optional().describe('The action’s number from /action list') }),
      examples: ['action done 2'],
      run: (ctx, o) => completeAction(ctx.deps, ctx.me(), o.number, ctx.now),
    }),
  },
  textSub: 'add',
  defaultSub: 'list',
});
