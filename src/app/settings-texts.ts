/** What /settings says about check-in times and quiet hours. Reviewed like every other text (principle 2). */
export const SETTINGS_TEXTS = {
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
