/** What Interlude says about pausing, resuming, skipping and snoozing: gentle, no guilt, always a way back. */
export const PAUSE_TEXTS = {
  pauseInPast: 'That date has already come. Give a date after today, like 7d for a week.',
  pausedUntil: (date: string) =>
    `Paused. No nudges until ${date}, when they start again by themselves. /resume brings them back sooner.`,
  paused:
    'Paused. No nudges until you say /resume. Everything you have saved stays, and /checkin still works any time.',
  notPaused: "Your nudges aren't paused — nothing to resume.",
  welcomeBackNext: (when: string) => `Welcome back. Your next check-in comes ${when}.`,
  welcomeBack: 'Welcome back.',
  skipExpired: 'That skip button has expired. You can /skip today or /skip tomorrow.',
  skippedToday: 'Skipped today. Rest well — see you tomorrow.',
  skippedOn: (date: string) => `Skipped ${date}.`,
  snoozeChoices: 'I can snooze for 1 hour or 3 hours.',
  alreadyAnswered: "You've already checked in today — nothing to snooze.",
  alreadySnoozed: (until: string) => `It's already snoozed until ${until}.`,
  alreadyReminded:
    "Today's check-in has already had its reminder. You can /checkin whenever you like, or /skip today.",
  nothingToSnooze: "There's no nudge today to snooze yet. You can /checkin any time.",
  snoozeInQuietHours:
    'That would land in your quiet hours, so I’ll leave it for today. You can /checkin any time before then.',
  snoozed: (when: string) => `Snoozed. I’ll bring it back ${when}.`,
};
