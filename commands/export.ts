import { defineCommand, leaf } from '../src/app/command.js';
import { exportMessage } from '../src/app/export-data.js';

export default defineCommand({
  name: 'export',
  description: 'Get everything Interlude holds about you, as JSON and CSV files',
  access: 'participant',
  leaf: leaf({
    description: 'Export all your data',
    options: {},
    run: (ctx) => exportMessage(ctx.deps, ctx.me()),
  }),
});
