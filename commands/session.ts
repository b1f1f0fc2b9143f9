import { defineCommand, leaf } from '../src/app/command.js';
import { option } from '../src/domain/option-kinds.js';
import {
  logSession,
  planNextSession,
  removeSession,
  showSessions,
} from '../src/features/sessions/sessions.js';
import { SESSION_TEXTS } from '../src/features/sessions/texts.js';

export default defineCommand({
  name: 'session',
  description: 'Note a session you had, or set your next one, so prompts follow where you are',
  access: 'participant',
  subcommands: {
    log: leaf({
      description: 'Note a session that took place (today if no date)',
      options: { date: option.date('The date, like 2026-11-20', { chatOnly: true }) },
      examples: ['session log', 'session log 2026-11-20'],
      pageForm: 'session-log',
      run: (ctx, o) => logSession(ctx.deps, ctx.me(), o.date, ctx.now),
    }),
    next: leaf({
      description: 'Set the date of your next session',
      options: { date: option.date('The date, like 2026-12-04', { required: true }) },
      examples: ['session next 2026-12-04'],
      run: (ctx, o) => planNextSession(ctx.deps, ctx.me(), o.date, ctx.now),
    }),
    remove: leaf({
      description: 'Remove a session noted or planned by mistake',
      options: {
        date: option.date('Its date, like 2026-12-04', {
          required: true,
          missing: SESSION_TEXTS.removeNeedsDate,
        }),
      },
      examples: ['session remove 2026-12-04'],
      run: (ctx, o) => removeSession(ctx.deps, ctx.me(), o.date, ctx.now),
    }),
    show: leaf({
      description: 'See your session dates and where you are',
      options: {},
      run: (ctx) => showSessions(ctx.deps, ctx.me(), ctx.now),
    }),
  },
  defaultSub: 'show',
});
