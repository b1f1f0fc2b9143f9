import { defineCommand, leaf } from '../src/app/command.js';
import { option } from '../src/domain/option-kinds.js';
import { MAX_TEXT_CHARS } from '../src/domain/text-input.js';
import { addJournalEntry, recentJournal } from '../src/features/notes/index.js';

export default defineCommand({
  name: 'journal',
  description: 'Write in your private journal, or read your last entries',
  access: 'participant',
  subcommands: {
    write: leaf({
      description: 'Write a journal entry (up to 4,000 characters)',
      options: {
        text: option.text('What is on your mind', {
          noun: 'journal entry',
          maxLength: MAX_TEXT_CHARS,
          code: 'invalid-journal',
          chatOnly: true,
        }),
      },
      examples: ['journal write The walk by the river helped more than I expected'],
      pageForm: 'journal',
      run: (ctx, o) => addJournalEntry(ctx.deps, ctx.me(), o.text, ctx.now),
    }),
    read: leaf({
      description: 'Read your last five entries',
      options: {},
      run: (ctx) => recentJournal(ctx.deps, ctx.me()),
    }),
  },
  textSub: 'write',
  defaultSub: 'read',
});
