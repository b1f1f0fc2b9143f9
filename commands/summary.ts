import { defineCommand, leaf } from '../src/app/command.js';
import { weekSummary } from '../src/features/reflection/summary.js';

export default defineCommand({
  name: 'summary',
  description: 'Your last 7 days: check-ins, reflections, journal, intention and open actions',
  access: 'participant',
  leaf: leaf({
    description: 'Your last 7 days',
    options: {},
    run: (ctx) => weekSummary(ctx.deps, ctx.me(), ctx.now),
  }),
});
