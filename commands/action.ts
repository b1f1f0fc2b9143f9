import { defineCommand, leaf } from '../src/app/command.js';
import { option } from '../src/domain/option-kinds.js';
import { MAX_TEXT_CHARS } from '../src/domain/text-input.js';
import { addAction, completeAction, listActions } from '../src/features/action-plans/action-plans.js';

const WHICH = 'Which action? Give its number, for example: /action done 2';

export default defineCommand({
  name: 'action',
  description: 'Turn an insight into a small, specific step, and mark it done',
  access: 'participant',
  subcommands: {
    add: leaf({
      description: 'Add an action plan',
      options: {
        text: option.text('One small, specific step', {
          noun: 'action',
          maxLength: MAX_TEXT_CHARS,
          code: 'invalid-action',
          chatOnly: true,
        }),
      },
      examples: ['action add Call my sister on Sunday evening'],
      pageForm: 'action',
      run: (ctx, o) => addAction(ctx.deps, ctx.me(), o.text, ctx.now),
    }),
    list: leaf({
      description: 'See your open and recently done actions',
      options: {},
      run: (ctx) => listActions(ctx.deps, ctx.me()),
    }),
    done: leaf({
      description: 'Mark an action done',
      options: {
        number: option.integer('The action’s number from /action list', {
          required: true,
          min: 1,
          max: 999_999,
          code: 'invalid-action-number',
          missing: WHICH,
          problem: () => 'Please give the action’s number, for example: /action done 2 (see /action list).',
        }),
      },
      examples: ['action done 2'],
      run: (ctx, o) => completeAction(ctx.deps, ctx.me(), o.number, ctx.now),
    }),
  },
  textSub: 'add',
  defaultSub: 'list',
});
