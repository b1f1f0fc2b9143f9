import type { Feature } from '../../app/feature.js';
import { openCheckin, openCheckinWithMood, recordCheckin } from './checkin.js';
import { checkinsExport } from './export.js';
import { CHECKIN_NUDGES } from './nudges.js';
import { skip, snooze } from './pause.js';

/**
 * The daily check-in: its nudges (the day's, the follow-up, a snooze), their buttons (open, mood, skip, snooze), the
 * chat form that stores it, and its part of /export.
 */
export const checkIn: Feature = {
  name: 'check-in',
  nudges: CHECKIN_NUDGES,
  exportPart: checkinsExport,
  buttons: {
    'checkin.open': ({ deps, me, now, params }) => openCheckin(deps, me(), now, params.date),
    'checkin.mood': ({ deps, me, now, params }) => openCheckinWithMood(deps, me(), now, params),
    'nudge.skip': ({ deps, me, now, params }) => skip(deps, me(), undefined, now, params.date),
    'nudge.snooze': ({ deps, me, now, params }) => snooze(deps, me(), params.m, now),
  },
  forms: {
    // A chat modal opens after the mood button, so the mood rides in the form's id; the console asks it first.
    'checkin.submit': ({ deps, actor, me, now, params, fields }) =>
      recordCheckin(
        deps,
        me(),
        params.v === undefined ? fields : { ...fields, mood: params.v },
        {
          localDate: params.date ?? null,
          promptId: params.p ?? null,
          source: actor.platform === 'console' ? 'console' : 'chat',
        },
        now,
      ).reply,
  },
};
