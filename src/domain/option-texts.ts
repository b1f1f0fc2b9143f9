/** What Interlude says when a command option is left out or cannot be read, by kind. */
export const OPTION_TEXTS = {
  missing: (name: string, description: string) => `Please add ${name}: ${description}.`,
  days: (input: string) => `“${input}” isn't a number of days I can use — try something like 7d for a week.`,
  daysOrDate: (input: string) =>
    `I can pause until a date like 2026-12-01, or for a number of days like 7d — “${input}” is neither.`,
  onOff: (input: string) => `“${input}” isn't on or off — please say on or off.`,
  choice: (input: string, choices: readonly string[]) =>
    `“${input}” isn't one I know — please choose ${choices.length > 1 ? `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}` : choices[0]}.`,
  integer: (input: string) => `“${input}” isn't a whole number I can use.`,
  between: (min: number, max: number) => `Please give a whole number from ${min} to ${max}.`,
  tooLong: (noun: string, count: number, max: number) =>
    `That ${noun} is ${count.toLocaleString('en-US')} characters; I can keep up to ${max.toLocaleString('en-US')}.`,
  role: 'That does not look like a role or a group. On Discord pick the role from the list; on Slack mention a user group (@facilitators) or people (@ana @sam); or say none.',
  user: 'That does not look like a person. Pick them from the list, or mention them (@name).',
  channel: 'That does not look like a channel. Pick it from the list, or mention it (#name).',
} as const;
