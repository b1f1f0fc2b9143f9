import { z } from 'zod';
import { defineCommand, leaf } from '../src/app/command.js';
import { skip } from '../src/app/pause.js';

export default defineCommand({
  name: 'skip',
  description: 'Skip a day’s check-in, no questions asked',
  access: 'participant',
  leaf: leaf({
    description: 'Skip a day’s check-in',
    options: z.object({ day: z.string().optional().describe('today (the default) or tomorrow') }),
    examples: ['skip', 'skip tomorrow'],
    run: (ctx, o) => skip(ctx.deps, ctx.me(), o.day, ctx.now),
  }),
});
