/** The one-sentence text alternative of the chart, read by screen readers in place of the picture. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** '2024-11-16' → '16 Nov' (or '16 Nov 2024' with the year). The date is already validated as YYYY-MM-DD. */
export function shortDate(date: string, withYear = false): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = `${d} ${MONTHS[(m ?? 1) - 1]}`;
  return withYear ? `${day} ${y}` : day;
}

export interface SummaryFacts {
  readonly from: string;
  readonly to: string;
  /** Days in range with at least one answer. */
  readonly checkIns: number;
  /** Mood answers in range (already validated numbers). */
  readonly moods: readonly number[];
}

/** e.g. "Mood, sleep and energy, 16 Nov – 22 Nov: 5 check-ins, average mood 6.2". */
export function chartSummary({ from, to, checkIns, moods }: SummaryFacts): string {
  // The year is only worth its length when the range crosses one.
  const withYear = from.slice(0, 4) !== to.slice(0, 4);
  const range =
    from === to ? shortDate(from, withYear) : `${shortDate(from, withYear)} – ${shortDate(to, withYear)}`;
  const head = `Mood, sleep and energy, ${range}`;
  if (checkIns === 0) return `${head}: no check-ins yet`;
  const count = checkIns === 1 ? '1 check-in' : `${checkIns} check-ins`;
  if (moods.length === 0) return `${head}: ${count}, no mood recorded`;
  const average = moods.reduce((sum, m) => sum + m, 0) / moods.length;
  return `${head}: ${count}, average mood ${average.toFixed(1)}`;
}
