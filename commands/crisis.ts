import { defineCommand, leaf } from '../src/app/command.js';
import { crisisMessage } from '../src/app/crisis.js';

export default defineCommand({
  name: 'crisis',
  description: 'People you can reach right now if you are struggling',
  access: 'anyone',
  leaf: leaf({
    description: 'Crisis lines, right now',
    options: {},
    run: (ctx) => crisisMessage(ctx.deps.settings),
  }),
});
