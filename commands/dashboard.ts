import { defineCommand, leaf } from '../src/app/command.js';
import { dashboardLogin } from '../src/features/facilitators/dashboard-login.js';

export default defineCommand({
  name: 'dashboard',
  description: 'Facilitators: a private sign-in link to the roster of members who chose to share',
  access: 'facilitator',
  leaf: leaf({
    description: 'Get a one-time sign-in link to the facilitator dashboard',
    options: {},
    run: (ctx) => dashboardLogin(ctx.deps, ctx.actor, ctx.now),
  }),
});
