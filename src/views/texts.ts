/**
 * The words Interlude says that are not tied to one feature. Every sentence here was written and reviewed by us;
 * nothing the bot says is generated (design principle 2).
 */

export const CONSENT_VERSION = '2026-11-1';

export const NOT_EMERGENCY =
  'Interlude is not an emergency service and nobody watches it around the clock. If you might act on thoughts of harming yourself, or you are in danger, contact a crisis line or emergency services now.';

export const consentText = (zone: string, time: string): string[] => [
  'Interlude keeps you company between sessions: a short daily check-in, a journal, intentions and small action plans.',
  `What is stored: your check-in answers (mood, sleep, energy, anxiety, an optional reflection), journal entries, intentions, action plans, session dates, and your settings (time zone ${zone}, check-in at ${time}). Everything you write is encrypted at rest.`,
  'Who can see it: you. Nothing is shared with a facilitator or your care team unless you turn sharing on yourself, and you can turn it off again.',
  'Your data is yours: /export gives you all of it, /forget erases all of it, /pause stops the nudges.',
];

export const crisisHeading = 'If you need help right now';

/** After the crisis lines when someone typed words asking for help rather than a command. */
export const FREE_TEXT_HELP_TAIL = 'For everything else, type /help.';

/** The answer to anything else typed to the bot outside a command. */
export const FREE_TEXT_POINTER =
  'I work through commands: type /help to see them. I do not read or keep messages written here. If you need help right now, type /crisis.';

export const kindApology = (ref: string): string =>
  `Sorry — something went wrong on our side and that didn't work. Nothing you wrote was lost. If it keeps happening, mention reference ${ref} to whoever runs Interlude for you.`;

export const checkinNudgeLines = [
  'Hello — your check-in is ready whenever you are. It takes about a minute.',
  'A gentle nudge: a minute for your check-in today?',
  'Your daily check-in is here. No pressure — answer, skip or snooze.',
  'Checking in: how is today going? A minute is plenty.',
];

export const followUpLine =
  'Just one more gentle reminder for today’s check-in — and it’s completely fine to skip it.';

export const snoozeLine = 'Here’s the check-in you snoozed, whenever you’re ready.';

/** What sharing with facilitators means, said wherever a person turns it on, off, or asks. */
export const SHARING_EXPLAINED = [
  "When sharing is on, your group's facilitators can see, on their private dashboard: your display name, the days you checked in, your mood, sleep, energy and anxiety scores and tags, and what you wrote in answer to the reflection prompts (up to the last 30 days).",
  'They never see your journal, your intentions, your action plans or your session dates.',
  'Every time a facilitator opens your page, that view is logged. Sharing is off unless you turn it on, and turning it off takes effect at once.',
];
