import type { TopLevelSpec } from 'vega-lite';
import { SERIES } from './series.js';

/** Colour of text, axes and grid: 'inherit' follows the page (currentColor) when the SVG is inlined. */
export type ChartTheme = 'inherit' | 'light' | 'dark';

const INK: Record<ChartTheme, string> = {
  inherit: 'currentColor',
  light: '#1f2328',
  dark: '#e6e6e6',
};

/** One plotted value: a day, a series label, and the value on the 1-10 axis, or null for "not answered". */
export interface ChartRow {
  readonly date: string;
  readonly series: string;
  readonly value: number | null;
}

export interface SpecInput {
  /** Every day of the range, oldest first: the x axis shows all of them, answered or not. */
  readonly days: readonly string[];
  /** One row per (day, series), nulls included: a null row is what breaks the line into a gap. */
  readonly rows: readonly ChartRow[];
  readonly title: string;
  readonly width: number;
  readonly height: number;
  readonly theme: ChartTheme;
  /** Shown across the plot when nothing was answered in the range. */
  readonly emptyMessage: string | null;
}

// Roughly the width of a '16 Nov' label plus a gap, at 11px.
const LABEL_SPACE_PX = 44;

/** Which days get a label: all of them when they fit, else every n-th counting back from the last day. */
function labelledDays(days: readonly string[], width: number): string[] {
  const step = Math.max(1, Math.ceil((days.length * LABEL_SPACE_PX) / width));
  return days.filter((_, i) => (days.length - 1 - i) % step === 0);
}

export function buildMoodChartSpec(input: SpecInput): TopLevelSpec {
  const ink = INK[input.theme];
  const seriesScale = {
    domain: SERIES.map((s) => s.label),
  };
  const emptyNote = input.emptyMessage;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: input.title,
    width: input.width,
    height: input.height,
    background: 'transparent',
    padding: 8,
    layer: [
      {
        data: { values: input.rows.map((r) => ({ ...r })) },
        mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 55 } },
        encoding: {
          x: {
            field: 'date',
            type: 'ordinal',
            title: null,
            scale: { type: 'point', domain: [...input.days], padding: 0.5 },
            axis: {
              values: labelledDays(input.days, input.width),
              labelExpr: "utcFormat(toDate(datum.value), '%-d %b')",
              labelAngle: 0,
              grid: true,
            },
          },
          y: {
            field: 'value',
            type: 'quantitative',
            title: 'score (1-10)',
            scale: { domain: [1, 10], nice: false, zero: false, clamp: true },
            axis: { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], format: 'd' },
          },
          color: {
            field: 'series',
            type: 'nominal',
            title: null,
            scale: { ...seriesScale, range: SERIES.map((s) => s.colour) },
            legend: { orient: 'bottom', direction: 'horizontal', symbolStrokeWidth: 0, symbolSize: 90 },
          },
          shape: {
            field: 'series',
            type: 'nominal',
            title: null,
            scale: { ...seriesScale, range: SERIES.map((s) => s.shape) },
          },
          strokeDash: {
            field: 'series',
            type: 'nominal',
            title: null,
            scale: { ...seriesScale, range: SERIES.map((s) => [...s.dash]) },
          },
        },
      },
      ...(emptyNote === null
        ? []
        : [
            {
              data: { values: [{}] },
              mark: {
                type: 'text' as const,
                text: emptyNote,
                color: ink,
                fontSize: 14,
                x: input.width / 2,
                y: input.height / 2,
              },
            },
          ]),
    ],
    config: {
      // Our own role="img" and summary describe the chart; per-mark ARIA would read out every point instead.
      aria: false,
      font: 'system-ui, sans-serif',
      view: { stroke: null },
      title: { color: ink, fontSize: 14, fontWeight: 600, anchor: 'start' },
      axis: {
        labelColor: ink,
        titleColor: ink,
        domainColor: ink,
        tickColor: ink,
        gridColor: ink,
        gridOpacity: 0.15,
        labelFontSize: 11,
        titleFontSize: 11,
        titleFontWeight: 'normal',
      },
      legend: { labelColor: ink, labelFontSize: 11, titleColor: ink },
    },
  };
}
