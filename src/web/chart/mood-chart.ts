/**
 * The weekly-reflection chart: mood, sleep and energy over a range of days, drawn server-side as an SVG string by
 * vega-lite. Only our own labels and numbers reach the picture; nothing the person wrote is ever charted.
 * A render takes milliseconds, not microseconds: call it when a page is requested, never per message.
 */
import type { TopLevelSpec } from 'vega-lite';
import { addDays, daysBetween } from '../../domain/local-time.js';
import { buildMoodChartSpec, type ChartRow, type ChartTheme } from './chart-spec.js';
import { chartSummary } from './chart-summary.js';
import { renderSpecToSvg, withTextAlternative } from './render-svg.js';
import { SERIES, type Series } from './series.js';

export type { ChartTheme } from './chart-spec.js';

export interface ChartPoint {
  /** YYYY-MM-DD, the person's local date of the check-in. */
  date: string;
  /** 1-10, or null when not answered. */
  mood: number | null;
  /** 1-5, or null when not answered. */
  sleep: number | null;
  /** 1-5, or null when not answered. */
  energy: number | null;
}

export interface ChartOptions {
  /** First and last day shown (YYYY-MM-DD, inclusive). */
  from: string;
  to: string;
  /** Our own heading text (never user text); vega escapes it. */
  title: string;
  /** Plot size in px (axes, title and legend add to it). */
  width?: number;
  height?: number;
  /** 'inherit' (default) draws text and axes in currentColor, for an SVG inlined in a light or dark page. */
  theme?: ChartTheme;
}

/** The longest range we draw: a year of days is already more than a reflection needs. */
export const MAX_CHART_DAYS = 366;
export const EMPTY_MESSAGE = 'No check-ins yet';

const DEFAULT_WIDTH = 480;
const DEFAULT_HEIGHT = 220;

/** A value must be a real number within its scale; anything else is a bug upstream, not something to draw. */
function checkedValue(value: number | null, series: Series, date: string): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < series.min || value > series.max) {
    throw new RangeError(`Chart ${series.key} on ${date} must be ${series.min}-${series.max} or null`);
  }
  return value;
}

function checkedSize(size: number | undefined, fallback: number, name: string): number {
  if (size === undefined) return fallback;
  if (!Number.isInteger(size) || size < 100 || size > 2000) {
    throw new RangeError(`Chart ${name} must be a whole number of px from 100 to 2000`);
  }
  return size;
}

export interface MoodChartPlan {
  /** The vega-lite spec: data, scales and styling, ready to compile. */
  readonly spec: TopLevelSpec;
  /** The text alternative, e.g. "Mood, sleep and energy, 16 Nov – 22 Nov: 5 check-ins, average mood 6.2". */
  readonly summary: string;
}

/** Validate the points and build the chart's spec and summary, without rendering (pure, fast). */
export function planMoodChart(points: readonly ChartPoint[], opts: ChartOptions): MoodChartPlan {
  const span = daysBetween(opts.from, opts.to); // throws RangeError for a date that is not YYYY-MM-DD
  if (span < 0 || span >= MAX_CHART_DAYS) {
    throw new RangeError(`Chart range must run forward and cover at most ${MAX_CHART_DAYS} days`);
  }
  const days = Array.from({ length: span + 1 }, (_, i) => addDays(opts.from, i));

  const byDay = new Map<string, ChartPoint>();
  for (const p of points) {
    const offset = daysBetween(opts.from, p.date); // validates the date's shape as well
    if (offset < 0 || offset > span) continue; // outside the range: not shown, not counted
    if (byDay.has(p.date)) throw new RangeError(`Chart has two points for ${p.date}`);
    byDay.set(p.date, p);
  }

  const rows: ChartRow[] = [];
  const moods: number[] = [];
  let checkIns = 0;
  for (const date of days) {
    const point = byDay.get(date);
    let answered = false;
    for (const series of SERIES) {
      const value = checkedValue(point?.[series.key] ?? null, series, date);
      // Every day gets a row, answered or not: a null row is what breaks the line, so a gap is never a zero.
      rows.push({ date, series: series.label, value: value === null ? null : value * series.scale });
      if (value !== null) answered = true;
      if (value !== null && series.key === 'mood') moods.push(value);
    }
    if (answered) checkIns++;
  }

  const spec = buildMoodChartSpec({
    days,
    rows,
    title: opts.title,
    width: checkedSize(opts.width, DEFAULT_WIDTH, 'width'),
    height: checkedSize(opts.height, DEFAULT_HEIGHT, 'height'),
    theme: opts.theme ?? 'inherit',
    emptyMessage: checkIns === 0 ? EMPTY_MESSAGE : null,
  });
  return { spec, summary: chartSummary({ from: opts.from, to: opts.to, checkIns, moods }) };
}

/** The chart as an accessible `<svg role="img" aria-label="…">…</svg>` string. Throws RangeError on bad input. */
export async function renderMoodChart(points: readonly ChartPoint[], opts: ChartOptions): Promise<string> {
  const { spec, summary } = planMoodChart(points, opts);
  return withTextAlternative(await renderSpecToSvg(spec), summary);
}
