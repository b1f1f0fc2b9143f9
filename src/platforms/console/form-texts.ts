/** How the console asks any form's questions, one at a time: what kind of answer each takes. */
export const formTexts = {
  position: (n: number, of: number) => `(${n}/${of})`,
  scale: (min: number, low: string, max: number, high: string) => `(${min} = ${low}, ${max} = ${high})`,
  choice: (labels: readonly string[]) => `(one of: ${labels.join(', ')})`,
  multiChoice: (labels: readonly string[], optional: boolean) =>
    `(${optional ? 'optional: ' : ''}${labels.join(', ')}; separate several with commas)`,
  text: (optional: boolean) =>
    optional
      ? '(optional: write as much as you like on one line, or press Enter to skip)'
      : '(write as much as you like on one line)',
  date: (optional: boolean) => `(${optional ? 'optional: ' : ''}a date like 2026-03-14)`,
  time: (optional: boolean) => `(${optional ? 'optional: ' : ''}a 24-hour time like 08:30)`,
  /** A blank answer to an optional question that is not text: Enter skips it. */
  skip: '(or press Enter to skip)',
};
