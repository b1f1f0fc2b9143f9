import { defineCommand, leaf } from '../src/app/command.js';
import { openCheckin } from '../src/features/check-in/checkin.js';

export default defineCommand({
  name: 'checkin',
  description: 'Check in now: mood, sleep, energy, anxiety and a short reflection',
  access: 'participant',
  leaf: leaf({
    description: 'Check in now',
    options: {},
    run: (ctx) => openCheckin(ctx.deps, ctx.me(), ctx.now),
  }),
});
