/** What Interlude says when someone joins (the consent itself is in src/views/texts.ts, versioned). */
export const ENROL_TEXTS = {
  zoneNeeded: (time: string) =>
    `Which time zone are you in? Add it to /start, for example: /start zone:Europe/London time:${time}`,
  welcome: 'Welcome to Interlude',
  agree: 'I agree — start',
  notNow: 'Not now',
  set: "You're set",
  firstCheckin: (when: string) => `Your first check-in will arrive ${when}.`,
  setUp: 'Your check-ins are set up.',
  anyTime: 'A few things you can do any time:',
  anyTimeList: [
    '/checkin — check in now',
    '/journal — write a journal entry',
    '/session log — note a session you had, so prompts follow where you are',
    '/crisis — help right now',
    '/help — everything else',
  ],
} as const;
