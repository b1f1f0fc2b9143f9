import type { ViewOptions } from 'vega';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/local-time.js';
import {
  type ChartOptions,
  type ChartPoint,
  EMPTY_MESSAGE,
  planMoodChart,
  renderMoodChart,
} from '../../src/web/chart/mood-chart.js';
import { refusingLoader, renderSpecToSvg } from '../../src/web/chart/render-svg.js';
import { SERIES } from '../../src/web/chart/series.js';

const WEEK: ChartOptions = { from: '2024-11-16', to: '2024-11-22', title: 'Your week' };
const WIDTH = 480; // the default plot size
const HEIGHT = 220;
const MOOD = '#0072B2';
const SLEEP = '#D55E00';
const ENERGY = '#009E73';

// 5 check-ins; 18 and 21 Nov have none; sleep is missing on 19 Nov. Moods average 31 / 5 = 6.2.
const weekPoints: ChartPoint[] = [
  { date: '2024-11-16', mood: 6, sleep: 3, energy: 2 },
  { date: '2024-11-17', mood: 7, sleep: 4, energy: 3 },
  { date: '2024-11-19', mood: 5, sleep: null, energy: 3 },
  { date: '2024-11-20', mood: 6, sleep: 2, energy: 4 },
  { date: '2024-11-22', mood: 7, sleep: 5, energy: 5 },
];

interface Mark {
  x: number;
  y: number;
  fill: string;
}

/** The data points: the paths of the symbol mark (legend symbols live in a different group). */
function dataPoints(svg: string): Mark[] {
  const group = /<g class="mark-symbol role-mark[^>]*>(.*?)<\/g>/.exec(svg);
  if (!group?.[1]) return [];
  return [...group[1].matchAll(/<path transform="translate\(([-\d.]+),([-\d.]+)\)"[^>]*fill="([^"]+)"/g)].map(
    (m) => ({ x: Number(m[1]), y: Number(m[2]), fill: m[3] ?? '' }),
  );
}

/** The `d` of each series' line, by stroke colour. */
function lineOf(svg: string, colour: string): string {
  const m = new RegExp(`<g class="mark-line role-mark[^>]*><path d="([^"]*)" stroke="${colour}"`).exec(svg);
  return m?.[1] ?? '';
}

/** x of day i of n on a point scale with padding 0.5 (what the chart asks vega for). */
const dayX = (i: number, n: number): number => (WIDTH / n) * (i + 0.5);
/** y of a value on the 1-10 axis. */
const valueY = (v: number): number => (HEIGHT * (10 - v)) / 9;

const sortedXs = (marks: Mark[]): number[] =>
  [...new Set(marks.map((m) => Math.round(m.x)))].sort((a, b) => a - b);

describe('renderMoodChart', () => {
  it('renders an accessible SVG with a summary of the week', async () => {
    const svg = await renderMoodChart(weekPoints, WEEK);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    const summary = 'Mood, sleep and energy, 16 Nov – 22 Nov: 5 check-ins, average mood 6.2';
    expect(svg).toMatch(new RegExp(`^<svg [^>]*role="img" aria-label="${summary}">`));
    expect(svg).toContain(`<title>${summary}</title>`);
    // The visible title and legend labels, including the note that 1-5 answers are doubled.
    expect(svg).toContain('>Your week</text>');
    for (const s of SERIES) expect(svg).toContain(`>${s.label}</text>`);
    expect(svg).toContain('sleep (1-5, ×2)');
  });

  it('draws one point per answered value, in the series colour', async () => {
    const points = dataPoints(await renderMoodChart(weekPoints, WEEK));
    expect(points.filter((p) => p.fill === MOOD)).toHaveLength(5);
    expect(points.filter((p) => p.fill === SLEEP)).toHaveLength(4);
    expect(points.filter((p) => p.fill === ENERGY)).toHaveLength(5);
    expect(points).toHaveLength(14);
  });

  it('leaves gaps for days without a check-in instead of drawing zeros', async () => {
    const svg = await renderMoodChart(weekPoints, WEEK);
    const moodXs = sortedXs(dataPoints(svg).filter((p) => p.fill === MOOD));
    expect(moodXs).toEqual([0, 1, 3, 4, 6].map((i) => Math.round(dayX(i, 7))));
    // Mood line: 16-17, then 19-20, then 22 alone: three separate runs.
    expect(lineOf(svg, MOOD).match(/M/g)).toHaveLength(3);
    // Sleep is also missing on 19 Nov, so 20 Nov stands alone: 16-17, 20, 22.
    expect(lineOf(svg, SLEEP).match(/M/g)).toHaveLength(3);
    // Nothing sits below the axis floor of 1, where a zero would be drawn.
    for (const p of dataPoints(svg)) expect(p.y).toBeLessThanOrEqual(HEIGHT + 0.001);
  });

  it('puts every day of the range on the x axis', async () => {
    const svg = await renderMoodChart(weekPoints, WEEK);
    for (const label of ['16 Nov', '17 Nov', '18 Nov', '19 Nov', '20 Nov', '21 Nov', '22 Nov']) {
      expect(svg).toContain(`>${label}</text>`);
    }
  });

  it('plots mood on 1-10 and doubles sleep and energy onto the same axis', async () => {
    const svg = await renderMoodChart(
      [
        { date: '2024-11-16', mood: 1, sleep: 5, energy: 1 },
        { date: '2024-11-17', mood: 10, sleep: 1, energy: 3 },
      ],
      WEEK,
    );
    const at = (fill: string, day: number): number | undefined =>
      dataPoints(svg).find((p) => p.fill === fill && Math.round(p.x) === Math.round(dayX(day, 7)))?.y;
    expect(at(MOOD, 0)).toBeCloseTo(valueY(1)); // the bottom of the plot
    expect(at(MOOD, 1)).toBeCloseTo(valueY(10)); // the top
    expect(at(SLEEP, 0)).toBeCloseTo(valueY(10)); // 5 → 10
    expect(at(SLEEP, 1)).toBeCloseTo(valueY(2)); // 1 → 2
    expect(at(ENERGY, 1)).toBeCloseTo(valueY(6)); // 3 → 6
    const y = /<g class="mark-text role-axis-label[^>]*><text text-anchor="end".*?<\/g>/.exec(svg)?.[0] ?? '';
    expect([...y.matchAll(/>(\d+)<\/text>/g)].map((m) => Number(m[1]))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });

  it('fixes the y domain at 1-10 whatever the data', () => {
    const { spec } = planMoodChart(weekPoints, WEEK);
    const vega = compile(spec).spec;
    const y = vega.scales?.find((s) => s.name === 'y');
    expect(y?.domain).toEqual([1, 10]);
  });

  it('says "No check-ins yet" for a range with no data, without crashing', async () => {
    const svg = await renderMoodChart([], WEEK);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain(`>${EMPTY_MESSAGE}</text>`);
    expect(svg).toContain('aria-label="Mood, sleep and energy, 16 Nov – 22 Nov: no check-ins yet"');
    expect(dataPoints(svg)).toHaveLength(0);
    expect(svg).toContain('>22 Nov</text>'); // the axes are still there
  });

  it('treats points with every answer null, or outside the range, as no check-in', async () => {
    const svg = await renderMoodChart(
      [
        { date: '2024-11-18', mood: null, sleep: null, energy: null },
        { date: '2024-11-15', mood: 9, sleep: 5, energy: 5 },
        { date: '2024-11-23', mood: 9, sleep: 5, energy: 5 },
      ],
      WEEK,
    );
    expect(svg).toContain(`>${EMPTY_MESSAGE}</text>`);
    expect(dataPoints(svg)).toHaveLength(0);
  });

  it('renders 30 days with every day on its own evenly spaced position', async () => {
    const from = '2024-12-20';
    const to = addDays(from, 29);
    const points = Array.from({ length: 30 }, (_, i) => ({
      date: addDays(from, i),
      mood: 1 + (i % 10),
      sleep: 1 + (i % 5),
      energy: i === 12 ? null : 1 + ((i * 3) % 5),
    }));
    const svg = await renderMoodChart(points, { from, to, title: 'Your month' });
    const marks = dataPoints(svg);
    expect(marks).toHaveLength(89);
    expect(sortedXs(marks.filter((p) => p.fill === MOOD))).toEqual(
      Array.from({ length: 30 }, (_, i) => Math.round(dayX(i, 30))),
    );
    const average = points.reduce((s, p) => s + p.mood, 0) / 30;
    expect(svg).toContain(`20 Dec 2024 – 18 Jan 2025: 30 check-ins, average mood ${average.toFixed(1)}`);
    expect(svg).toContain('>18 Jan</text>'); // the last day is labelled
    expect(lineOf(svg, ENERGY).match(/M/g)).toHaveLength(2);
  });

  it('escapes the title: no raw markup or bare ampersand reaches the SVG', async () => {
    const svg = await renderMoodChart(weekPoints, {
      ...WEEK,
      title: 'Week <script>alert("x")</script> & more',
    });
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('&amp; more');
    expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#\d+;|#x[\da-f]+;)/i);
  });

  it('refuses values that are not numbers in range, and malformed dates', async () => {
    const bad = (p: Partial<ChartPoint>): ChartPoint[] => [
      { date: '2024-11-16', mood: 5, sleep: 3, energy: 3, ...p },
    ];
    await expect(renderMoodChart(bad({ mood: 11 }), WEEK)).rejects.toThrow(RangeError);
    await expect(renderMoodChart(bad({ sleep: 0 }), WEEK)).rejects.toThrow(RangeError);
    await expect(renderMoodChart(bad({ energy: Number.NaN }), WEEK)).rejects.toThrow(RangeError);
    // A string smuggled past the types (e.g. from JSON) must never become chart text.
    const smuggled = '<b>hi</b>' as unknown as number;
    await expect(renderMoodChart(bad({ mood: smuggled }), WEEK)).rejects.toThrow(RangeError);
    await expect(renderMoodChart(bad({ date: '16/11/2024' }), WEEK)).rejects.toThrow(RangeError);
    await expect(renderMoodChart([...bad({}), ...bad({ mood: 2 })], WEEK)).rejects.toThrow(/two points/);
    await expect(renderMoodChart([], { ...WEEK, from: '2024-11-23' })).rejects.toThrow(RangeError);
    await expect(renderMoodChart([], { ...WEEK, from: '2023-01-01' })).rejects.toThrow(RangeError);
  });

  it('has a transparent background and text in currentColor unless a theme is asked for', async () => {
    const inherit = await renderMoodChart(weekPoints, WEEK);
    expect(inherit).toContain('fill="currentColor"');
    expect(inherit).not.toMatch(/fill="(white|#fff|#ffffff)"/i);
    const dark = await renderMoodChart(weekPoints, { ...WEEK, theme: 'dark' });
    expect(dark).not.toContain('currentColor');
    expect(dark).toContain('fill="#e6e6e6"');
  });
});

type Logger = NonNullable<ViewOptions['logger']>;

/** A vega / vega-lite logger that keeps errors and warnings as text, for the test to inspect. */
function collectingLogger(sink: string[]): Logger {
  const keep = (...args: unknown[]): Logger => {
    sink.push(args.map(String).join(' '));
    return logger;
  };
  const logger: Logger = { level: () => 0, error: keep, warn: keep, info: () => logger, debug: () => logger };
  return logger;
}

describe('chart compilation and loading', () => {
  it('compiles our specs (week, empty, 30 days) without a single vega-lite warning', () => {
    const warnings: string[] = [];
    const logger = collectingLogger(warnings);
    const month = { from: '2024-12-20', to: '2025-01-18', title: 'Month' };
    for (const [points, opts] of [
      [weekPoints, WEEK],
      [[], WEEK],
      [[], month],
    ] as const) {
      compile(planMoodChart(points, opts).spec, { logger });
    }
    expect(warnings).toEqual([]);
  });

  it('fetches nothing: the loader refuses every URL and file', async () => {
    await expect(refusingLoader.load('https://example.com/data.json')).rejects.toThrow(/refused/);
    await expect(refusingLoader.http('https://example.com/', {})).rejects.toThrow(/refused/);
    await expect(refusingLoader.file('/etc/passwd')).rejects.toThrow(/refused/);
    await expect(refusingLoader.sanitize('x.csv', { context: 'image' })).rejects.toThrow(/refused/);

    // A spec that asks for remote data gets nothing: vega reports the refusal and draws no points.
    const seen: string[] = [];
    const logger = collectingLogger(seen);
    const svg = await renderSpecToSvg(
      {
        data: { url: 'https://example.com/data.json' },
        mark: 'point',
        encoding: { x: { field: 'a', type: 'quantitative' } },
      },
      logger,
    );
    expect(seen.some((m) => m.includes('refused: https://example.com/data.json'))).toBe(true);
    expect(dataPoints(svg)).toHaveLength(0);
  });
});

describe('chart palette', () => {
  // WCAG relative luminance and contrast ratio.
  const luminance = (hex: string): number => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const contrast = (a: string, b: string): number => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
  };

  it('reads at 3:1 or better on both light and dark pages', () => {
    for (const s of SERIES) {
      expect(contrast(s.colour, '#ffffff'), `${s.key} on white`).toBeGreaterThanOrEqual(3);
      expect(contrast(s.colour, '#121212'), `${s.key} on dark`).toBeGreaterThanOrEqual(3);
    }
  });

  it('never relies on colour alone: each series has its own shape and dash', () => {
    expect(new Set(SERIES.map((s) => s.shape)).size).toBe(SERIES.length);
    expect(new Set(SERIES.map((s) => s.dash.join(','))).size).toBe(SERIES.length);
    expect(new Set(SERIES.map((s) => s.colour)).size).toBe(SERIES.length);
  });
});
