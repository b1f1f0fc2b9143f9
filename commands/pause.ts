import { defineCommand, leaf } from '../src/app/command.js';
import { option } from '../src/domain/option-kinds.js';
import { pause } from '../src/features/check-in/pause.js';

export default defineCommand({
  name: 'pause',
  description: 'Pause your nudges, until you resume or until a date',
  access: 'participant',
  leaf: leaf({
    description: 'Pause your nudges',
    options: {
      until: option.duration('A date like 2026-12-01, or a number of days like 7d', {
        orDate: true,
        code: 'invalid-pause',
      }),
    },
    examples: ['pause', 'pause 7d', 'pause 2026-12-01'],
    run: (ctx, o) => pause(ctx.deps, ctx.me(), o.until, ctx.now),
  }),
});
