import { defineCommand, leaf } from '../src/app/command.js';
import { option } from '../src/domain/option-kinds.js';
import { skip } from '../src/features/check-in/pause.js';

export default defineCommand({
  name: 'skip',
  description: 'Skip a day’s check-in, no questions asked',
  access: 'participant',
  leaf: leaf({
    description: 'Skip a day’s check-in',
    options: {
      day: option.choice('today (the default) or tomorrow', ['today', 'tomorrow'], {
        code: 'invalid-skip',
        problem: () => 'I can skip today or tomorrow, for example: /skip tomorrow',
      }),
    },
    examples: ['skip', 'skip tomorrow'],
    run: (ctx, o) => skip(ctx.deps, ctx.me(), o.day, ctx.now),
  }),
});
