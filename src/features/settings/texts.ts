/** What /settings says about check-in times and quiet hours. Reviewed like every other text (principle 2). */
export const SETTINGS_TEXTS = {
  heading: 'Your settings',
  timeRow: (time: string) => `Check-in time: ${time} (/settings time 08:30)`,
  zoneRow: (zone: string) => `Time zone: ${zone} (/settings zone Europe/London)`,
  followUpRow: (afterHours: number | null) =>
    `Follow-up reminder: ${afterHours === null ? 'off' : `on, once, ${afterHours} h after an unanswered nudge`} (/settings follow-up on|off)`,
  sharingRow: (on: boolean) => `Sharing with facilitators: ${on ? 'on' : 'off'} (/settings sharing on|off)`,
  nudgesRow: (state: 'on' | 'unreachable' | { pausedUntil: string | null }) =>
    `Nudges: ${
      state === 'on'
        ? 'on'
        : state === 'unreachable'
          ? 'stopped: I could not reach you by direct message'
          : state.pausedUntil
            ? `paused until ${state.pausedUntil}`
            : 'paused (/resume)'
    }`,
  nextNudge: (when: string) => `Next nudge ${when}.`,
  zoneSet: (zone: string) => `Time zone set to ${zone}.`,
  followUpOn: 'Follow-up reminders are on (at most one a day).',
  followUpOff: 'No more follow-up reminders.',
  sharingHeading: 'Sharing with facilitators',
  sharingIsOn: 'Sharing is on. /settings sharing off stops it.',
  sharingIsOff: 'Sharing is off. /settings sharing on turns it on.',
  sharingTurnedOn: "Sharing is on: your group's facilitators can now see your check-ins and reflections.",
  sharingTurnedOff: 'Sharing is off: facilitators can no longer see your check-ins or reflections.',
  quietRow: (current: string, clinicDefault: string) =>
    `Quiet hours: ${current} — follow-up reminders and snoozes wait outside them; your check-in time is always kept (/settings quiet-hours 22:00-07:00, or off; the default here is ${clinicDefault})`,
  timeSet: (time: string, quiet: string | null) =>
    quiet
      ? `Check-ins will come at ${time}. That's inside your quiet hours (${quiet}): your check-in still comes at ${time}, and reminders stay quiet until they end.`
      : `Check-ins will come at ${time}.`,
  quietSet: (keptTime: string | null) =>
    keptTime
      ? `Quiet hours set. Your check-in stays at ${keptTime}, as you chose; reminders and snoozes keep out of these hours.`
      : 'Quiet hours set. Reminders and snoozes keep out of these hours.',
  quietOff: 'Quiet hours turned off.',
} as const;
