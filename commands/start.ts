import { defineCommand, leaf } from '../src/app/command.js';
import { option } from '../src/domain/option-kinds.js';
import { readStartWords, startEnrolment } from '../src/features/enrolment/enrol.js';

export default defineCommand({
  name: 'start',
  description: 'Begin with Interlude: read what is stored and who sees it, then agree',
  access: 'anyone',
  leaf: leaf({
    description: 'Begin with Interlude',
    options: {
      zone: option.zone('Your time zone, like Europe/London or America/New_York'),
      time: option.time('When to check in each day, 24-hour, like 20:00'),
    },
    examples: ['start zone:Europe/London time:20:00'],
    // `/start 07:00` and `/start new york 08:00` arrive with the words in the wrong slots; sort them first.
    arrange: readStartWords,
    run: (ctx, o) => startEnrolment(ctx.deps, ctx.actor, o),
  }),
});
