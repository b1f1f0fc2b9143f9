import { defineCommand, leaf } from '../src/app/command.js';
import { resume } from '../src/features/check-in/pause.js';

export default defineCommand({
  name: 'resume',
  description: 'Start your nudges again',
  access: 'participant',
  leaf: leaf({
    description: 'Start your nudges again',
    options: {},
    run: (ctx) => resume(ctx.deps, ctx.me(), ctx.now),
  }),
});
