import { openCheckin, openCheckinWithMood, recordCheckin } from '../../app/checkin.js';
import type { Feature } from '../../app/feature.js';
import { skip, snooze } from '../../app/pause.js';

/** The daily check-in: its nudge's buttons (open, mood, skip, snooze) and the chat form that stores it. */
export const checkIn: Feature = {
  name: 'check-in',
  buttons: {
    'checkin.open': ({ deps, me, now, params }) => openCheckin(deps, me(), now, params.date),
    'checkin.mood': ({ deps, me, now, params }) => openCheckinWithMood(deps, me(), now, params),
    'nudge.skip': ({ deps, me, now, params }) => skip(deps, me(), undefined, now, params.date),
    'nudge.snooze': ({ deps, me, now, params }) => snooze(deps, me(), params.m, now),
  },
  forms: {
    'checkin.submit': ({ deps, me, now, params, fields }) =>
      recordCheckin(
        deps,
        me(),
        { ...fields, mood: params.v },
        { localDate: params.date ?? null, promptId: params.p ?? null, source: 'chat' },
        now,
      ).reply,
  },
};
