import { defineCommand, leaf } from '../src/app/command.js';
import { option } from '../src/domain/option-kinds.js';
import {
  setCheckinTime,
  setFollowUp,
  setQuietHours,
  setSharing,
  setZone,
  showSettings,
} from '../src/features/settings/settings.js';

const onOrOff = (example: string) => `Say on or off, for example: ${example}`;

export default defineCommand({
  name: 'settings',
  description: 'See or change your check-in time, time zone, quiet hours, follow-up reminder and sharing',
  access: 'participant',
  subcommands: {
    show: leaf({
      description: 'See your settings',
      options: {},
      run: (ctx) => showSettings(ctx.deps, ctx.me(), ctx.now),
    }),
    time: leaf({
      description: 'When your daily check-in comes',
      options: { time: option.time('24-hour time, like 08:30', { required: true }) },
      examples: ['settings time 08:30'],
      run: (ctx, o) => setCheckinTime(ctx.deps, ctx.me(), o.time, ctx.now),
    }),
    zone: leaf({
      description: 'Your time zone',
      options: { zone: option.zone('Like Europe/London or Asia/Kathmandu', { required: true }) },
      examples: ['settings zone America/New_York'],
      run: (ctx, o) => setZone(ctx.deps, ctx.me(), o.zone, ctx.now),
    }),
    'quiet-hours': leaf({
      description: 'Hours when I never message you',
      options: {
        hours: option.timeRange('Like 22:00-07:00, or off', { required: true, code: 'invalid-quiet-hours' }),
      },
      examples: ['settings quiet-hours 22:00-07:00', 'settings quiet-hours off'],
      run: (ctx, o) => setQuietHours(ctx.deps, ctx.me(), o.hours, ctx.now),
    }),
    'follow-up': leaf({
      description: 'One gentle reminder when a check-in goes unanswered',
      options: {
        state: option.onOff('on or off', {
          required: true,
          code: 'invalid-follow-up',
          missing: onOrOff('/settings follow-up off'),
          problem: () => onOrOff('/settings follow-up off'),
        }),
      },
      examples: ['settings follow-up off'],
      run: (ctx, o) => setFollowUp(ctx.deps, ctx.me(), o.state, ctx.now),
    }),
    sharing: leaf({
      description:
        "Share your check-ins and reflections with your group's facilitators (off unless you turn it on)",
      options: {
        state: option.onOff('on or off; leave out to see what is shared', {
          code: 'invalid-sharing',
          problem: () => onOrOff('/settings sharing on'),
        }),
      },
      examples: ['settings sharing on', 'settings sharing off', 'settings sharing'],
      run: (ctx, o) => setSharing(ctx.deps, ctx.me(), o.state, ctx.now),
    }),
  },
  defaultSub: 'show',
});
