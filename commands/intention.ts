import { defineCommand, leaf } from '../src/app/command.js';
import { option } from '../src/domain/option-kinds.js';
import { MAX_TEXT_CHARS } from '../src/domain/text-input.js';
import { setIntention, showIntentions } from '../src/features/notes/index.js';

export default defineCommand({
  name: 'intention',
  description: 'Set an intention for the coming days, or see your current one',
  access: 'participant',
  subcommands: {
    set: leaf({
      description: 'Set a new intention',
      options: {
        text: option.text('Your intention, in a few words', {
          noun: 'intention',
          maxLength: MAX_TEXT_CHARS,
          code: 'invalid-intention',
          chatOnly: true,
        }),
      },
      examples: ['intention set Meet my worries with curiosity'],
      pageForm: 'intention',
      run: (ctx, o) => setIntention(ctx.deps, ctx.me(), o.text, ctx.now),
    }),
    show: leaf({
      description: 'See your current and earlier intentions',
      options: {},
      run: (ctx) => showIntentions(ctx.deps, ctx.me()),
    }),
  },
  textSub: 'set',
  defaultSub: 'show',
});
