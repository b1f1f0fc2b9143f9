import { z } from 'zod';
import { defineCommand, leaf } from '../src/app/command.js';
import { setIntention, showIntentions } from '../src/app/intentions.js';

export default defineCommand({
  name: 'intention',
  description: 'Set an intention for the coming days, or see your current one',
  access: 'participant',
  subcommands: {
    set: leaf({
      description: 'Set a new intention',
      options: z.object({ text: z.string().optional().describe('Your intention, in a few words') }),
      examples: ['intention set Meet my worries with curiosity'],
      run: (ctx, o) => setIntention(ctx.deps, ctx.me(), o.text, ctx.now),
    }),
    show: leaf({
      description: 'See your current and earlier intentions',
      options: z.object({}),
      run: (ctx) => showIntentions(ctx.deps, ctx.me()),
    }),
  },
  textSub: 'set',
  defaultSub: 'show',
});
