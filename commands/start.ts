import { z } from 'zod';
import { defineCommand, leaf } from '../src/app/command.js';
import { startEnrolment } from '../src/app/enrol.js';

export default defineCommand({
  name: 'start',
  description: 'Begin with Interlude: read what is stored and who sees it, then agree',
  access: 'anyone',
  leaf: leaf({
    description: 'Begin with Interlude',
    options: z.object({
      zone: z.string().optional().describe('Your time zone, like Europe/London or America/New_York'),
      time: z.string().optional().describe('When to check in each day, 24-hour, like 20:00'),
    }),
    examples: ['start zone:Europe/London time:20:00'],
    run: (ctx, o) => startEnrolment(ctx.deps, ctx.actor, o),
  }),
});
