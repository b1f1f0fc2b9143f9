import type { ScoreRange } from '../../features/reflection/reflection-page.js';
import { renderMoodChart } from '../chart/mood-chart.js';

/** A range of days as the mood, sleep and energy chart, inlined in the page and drawn in the page's colours. */
export const rangeChart = (r: ScoreRange, title: string): Promise<string> =>
  renderMoodChart(r.days, { from: r.from, to: r.to, title, theme: 'inherit' });
