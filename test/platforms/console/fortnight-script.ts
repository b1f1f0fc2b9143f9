/**
 * The fortnight the console test lives through: the lines typed (two script parts, around a five-hour stop on the
 * last Saturday) and, from the same table of answers, what must come out: nudges, delivery rows, stored values.
 * London is on GMT for the whole fortnight, so its local times equal UTC; New York is UTC-5.
 */
import { DateTime } from 'luxon';
import type { Phase } from '../../../src/domain/types.js';

export interface Answer {
  date: string;
  /** When it was saved (UTC; London is on GMT all fortnight). */
  at: string;
  mood: number;
  sleep: number;
  energy: number;
  anxiety: number;
  reflection: string | null;
  typedTags: string;
  tags: string[];
  /** The phase the day's reflection prompt must come from. */
  phase: Phase;
  /** The phase note shown when the check-in opens (its first words), or null for none. */
  note: string | null;
}

const a = (
  date: string,
  time: string,
  [mood, sleep, energy, anxiety]: number[],
  rest: Partial<Answer>,
): Answer => ({
  date,
  at: `${date}T${time}:00.000Z`,
  mood: mood ?? 0,
  sleep: sleep ?? 0,
  energy: energy ?? 0,
  anxiety: anxiety ?? 0,
  reflection: null,
  typedTags: '',
  tags: [],
  phase: 'maintenance',
  note: null,
  ...rest,
});

export const RTL_REFLECTION = 'Felt held 🌿🫶🏽 — «שלום, עולם» and مرحبا بكم, both at once.';
export const JOURNAL = 'Walked by the river; felt "lighter" — 🌊 and אור בסוף.  Two spaces, kept.';
export const INTENTION = 'Meet my worries with curiosity';
export const ACTION = 'Walk ten minutes after lunch on weekdays';

export const YOU: Answer[] = [
  a('2026-11-23', '08:00', [6, 2, 3, 4], {
    reflection: 'Tired but steady. Slept on the sofa after.',
    typedTags: 'time outside, connected',
    tags: ['time-outside', 'connected'],
    phase: 'session-day',
    note: 'Session day. Please do not drive or operate machinery until you have had a full night of sleep.',
  }),
  a('2026-11-24', '08:00', [7, 4, 3, 2], {
    reflection: RTL_REFLECTION,
    typedTags: 'slept-well',
    tags: ['slept-well'],
    phase: 'integration',
    note: 'It is normal for your body to feel a little off in these first days after a session.',
  }),
  a('2026-11-26', '08:00', [5, 3, 2, 3], {
    typedTags: 'hard-day; journaled',
    tags: ['hard-day', 'journaled'],
    phase: 'integration',
    note: 'These first days after a session are a good time to note what you want to keep.',
  }),
  a('2026-11-28', '08:00', [8, 4, 4, 1], { reflection: 'A long walk by the canal.' }),
  a('2026-11-29', '08:00', [7, 3, 3, 2], {
    reflection: 'Called my sister 📞.',
    typedTags: 'connected',
    tags: ['connected'],
  }),
  a('2026-12-02', '08:00', [6, 3, 3, 3], { reflection: 'Back after a short pause.' }),
  a('2026-12-03', '07:00', [6, 4, 3, 2], { typedTags: 'meditated', tags: ['meditated'] }),
  a('2026-12-04', '08:00', [5, 3, 3, 4], {
    reflection: 'Nervous about Monday, and that is all right.',
    phase: 'preparation',
    note: 'Your next session is in 3 days.',
  }),
  a('2026-12-05', '12:00', [6, 3, 4, 3], {
    reflection: 'Made soup. ☕',
    typedTags: 'made something, ate well',
    tags: ['creative', 'ate-well'],
    phase: 'preparation',
    note: 'Your next session is in 2 days.',
  }),
  a('2026-12-06', '08:00', [7, 4, 4, 2], {
    reflection: 'Ready-ish. עברית ו-English together.',
    typedTags: 'slept well',
    tags: ['slept-well'],
    phase: 'preparation',
    note: 'Your next session is tomorrow.',
  }),
];
export const ALEX = a('2026-11-27', '18:00', [4, 2, 2, 3], { reflection: 'Alex here — first check-in.' });

const byDate = (date: string): Answer => {
  const found = YOU.find((x) => x.date === date);
  if (!found) throw new Error(`no answer planned for ${date}`);
  return found;
};
const answers = (x: Answer): string[] => [
  String(x.mood),
  String(x.sleep),
  String(x.energy),
  String(x.anxiety),
  x.reflection ?? '',
  x.typedTags,
];

// Each day begins at 06:00 London time; `:advance 2h` reaches the 08:00 nudge and `1` presses its Check in button.
// Alex is "alex" (`:as alex`); everyone else typing is "you".
export const PART_1 = [
  '/start zone:Europe/London time:08:00',
  '1',
  '/session log',
  '/session next 2026-12-07',
  ':as alex',
  '/start zone:America/New_York time:12:30',
  '1',
  ':as you',
  // Mon 23: the session day. One bad answer first.
  ':advance 2h',
  '1',
  '11',
  ...answers(byDate('2026-11-23')),
  ':advance 22h',
  // Tue 24
  ':advance 2h',
  '1',
  ...answers(byDate('2026-11-24')),
  ':advance 22h',
  // Wed 25: the nudge is left unanswered all day.
  ':advance 2h',
  ':advance 22h',
  // Thu 26: the reflection is skipped with Enter.
  ':advance 2h',
  '1',
  ...answers(byDate('2026-11-26')),
  ':advance 22h',
  // Fri 27: skipped before the nudge; alex answers their own nudge in the evening.
  '/skip',
  ':advance 12h',
  ':as alex',
  '1',
  ...answers(ALEX),
  ':as you',
  ':advance 12h',
  // Sat 28
  ':advance 2h',
  '1',
  ...answers(byDate('2026-11-28')),
  `/journal ${JOURNAL}`,
  ':advance 22h',
  // Sun 29, then a pause through Mon 30 and Tue 1.
  ':advance 2h',
  '1',
  ...answers(byDate('2026-11-29')),
  '/pause 7d',
  ':advance 22h',
  ':advance 1d',
  ':advance 1d',
  // Wed 2: back.
  '/resume',
  ':advance 2h',
  '1',
  ...answers(byDate('2026-12-02')),
  `/intention ${INTENTION}`,
  `/action add ${ACTION}`,
  ':advance 22h',
  // Thu 3: checks in at 07:00, before the nudge.
  ':advance 1h',
  '/checkin',
  ...answers(byDate('2026-12-03')),
  ':advance 23h',
  // Fri 4
  ':advance 2h',
  '1',
  ...answers(byDate('2026-12-04')),
  '/action done 1',
  ':advance 22h',
];
// The process stops at Sat 5 06:00 and starts again at 11:00, three hours after the 08:00 nudge was due.
export const PART_2 = [
  ':advance 1h',
  '/checkin',
  ...answers(byDate('2026-12-05')),
  ':advance 18h',
  // Sun 6
  ':advance 2h',
  '1',
  ...answers(byDate('2026-12-06')),
  ':advance 12h',
  '/export',
];

export const YOU_NUDGES_1 = [
  'checkin @ Mon 23 Nov 08:00',
  'checkin @ Tue 24 Nov 08:00',
  'checkin @ Wed 25 Nov 08:00',
  'followup @ Wed 25 Nov 11:00',
  'checkin @ Thu 26 Nov 08:00',
  'checkin @ Sat 28 Nov 08:00',
  'checkin @ Sun 29 Nov 08:00',
  'checkin @ Wed 2 Dec 08:00',
  'checkin @ Fri 4 Dec 08:00',
];
export const YOU_NUDGES_2 = ['checkin @ Sun 6 Dec 08:00'];

/** You's delivery rows: [kind, local date, status, due (UTC), sent (UTC) or null]. */
export const YOU_DELIVERIES: [string, string, string, string, string | null][] = [
  ['checkin', '2026-11-23', 'sent', '2026-11-23T08:00Z', '2026-11-23T08:00Z'],
  ['checkin', '2026-11-24', 'sent', '2026-11-24T08:00Z', '2026-11-24T08:00Z'],
  ['checkin', '2026-11-25', 'sent', '2026-11-25T08:00Z', '2026-11-25T08:00Z'],
  ['followup', '2026-11-25', 'sent', '2026-11-25T11:00Z', '2026-11-25T11:00Z'],
  ['checkin', '2026-11-26', 'sent', '2026-11-26T08:00Z', '2026-11-26T08:00Z'],
  ['checkin', '2026-11-28', 'sent', '2026-11-28T08:00Z', '2026-11-28T08:00Z'],
  ['checkin', '2026-11-29', 'sent', '2026-11-29T08:00Z', '2026-11-29T08:00Z'],
  ['checkin', '2026-12-02', 'sent', '2026-12-02T08:00Z', '2026-12-02T08:00Z'],
  // Already answered at 07:00: planned, then cancelled instead of sent.
  ['checkin', '2026-12-03', 'cancelled', '2026-12-03T08:00Z', null],
  ['checkin', '2026-12-04', 'sent', '2026-12-04T08:00Z', '2026-12-04T08:00Z'],
  // Due while the process was down, found three hours late (past the 2 h grace): missed, never sent late.
  ['checkin', '2026-12-05', 'missed', '2026-12-05T08:00Z', null],
  ['checkin', '2026-12-06', 'sent', '2026-12-06T08:00Z', '2026-12-06T08:00Z'],
];

/** Alex checks in at 12:30 New York time every day, with the one follow-up at 15:30 unless they answered. */
export function alexNudges(from: string, days: number, lastFollowUp: boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < days; i++) {
    const day = DateTime.fromISO(`${from}T12:30`, { zone: 'America/New_York' }).plus({ days: i });
    out.push(`checkin @ ${day.toFormat('ccc d LLL HH:mm')}`);
    const answered = day.toISODate() === ALEX.date;
    if (!answered && (lastFollowUp || i < days - 1)) {
      out.push(`followup @ ${day.plus({ hours: 3 }).toFormat('ccc d LLL HH:mm')}`);
    }
  }
  return out;
}
