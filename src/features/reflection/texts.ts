/** What /summary says about a person's week. */
export const SUMMARY_TEXTS = {
  week: (from: string, to: string) => `Your week: ${from} – ${to}`,
  noCheckins: 'No check-ins this week, and that is all right. /checkin is here whenever you want it.',
  averages: (days: number, a: { mood: string; sleep: string; energy: string; anxiety: string }) =>
    `You checked in on ${days} of the last 7 days. Averages: mood ${a.mood}/10, sleep ${a.sleep}/5, energy ${a.energy}/5, anxiety ${a.anxiety}/5.`,
  reflected: 'What you reflected on',
  journal: 'Journal',
  intention: 'Your intention',
  openActions: 'Open actions',
  pageLink: 'Your reflection page, with a chart of the last 7 and 30 days',
};
