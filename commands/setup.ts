import { defineCommand, leaf } from '../src/app/command.js';
import { option } from '../src/domain/option-kinds.js';
import { setFacilitatorRole, showSetup } from '../src/features/facilitators/space-setup.js';

export default defineCommand({
  name: 'setup',
  description: 'Server admins: choose which role marks the group’s facilitators',
  access: 'admin',
  defaultSub: 'show',
  subcommands: {
    'facilitator-role': leaf({
      description: 'Set the role whose members are facilitators (or none to clear it)',
      options: { role: option.role('The facilitators’ role', { required: true }) },
      examples: ['setup facilitator-role role:@Facilitators'],
      run: (ctx, o) => setFacilitatorRole(ctx.deps, ctx.actor, o, ctx.now),
    }),
    show: leaf({
      description: 'Show what is set up for this server',
      options: {},
      run: (ctx) => showSetup(ctx.deps, ctx.actor),
    }),
  },
});
