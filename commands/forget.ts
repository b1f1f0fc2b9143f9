import { defineCommand, leaf } from '../src/app/command.js';
import { forgetRequest } from '../src/features/privacy/forget.js';

export default defineCommand({
  name: 'forget',
  description: 'Erase everything Interlude holds about you (asks you to confirm first)',
  access: 'participant',
  leaf: leaf({
    description: 'Erase all your data',
    options: {},
    run: () => forgetRequest(),
  }),
});
