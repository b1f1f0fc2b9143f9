/**
 * The three lines of the reflection chart and how each is drawn. Sleep and energy are asked on 1-5, mood on 1-10;
 * doubling 1-5 onto 2-10 puts all three on one readable axis, and the legend label says so.
 */

export type SeriesKey = 'mood' | 'sleep' | 'energy';

export interface Series {
  readonly key: SeriesKey;
  /** Legend label: ours, fixed, never user text. */
  readonly label: string;
  /** The range the person answered on. */
  readonly min: number;
  readonly max: number;
  /** Multiplier onto the chart's 1-10 axis. */
  readonly scale: number;
  readonly colour: string;
  readonly shape: 'circle' | 'square' | 'triangle-up';
  /** Stroke dash pattern; [1, 0] is solid. */
  readonly dash: readonly number[];
}

/*
 * Okabe-Ito colours (distinguishable with the common colour-vision deficiencies), chosen from the mid-tones whose
 * contrast is at least 3:1 (WCAG non-text) on both white and a dark page (#121212), so one SVG serves light and
 * dark mode. Shape and dash differ too, so no reader has to rely on colour alone.
 */
export const SERIES: readonly Series[] = [
  {
    key: 'mood',
    label: 'mood (1-10)',
    min: 1,
    max: 10,
    scale: 1,
    colour: '#0072B2',
    shape: 'circle',
    dash: [1, 0],
  },
  {
    key: 'sleep',
    label: 'sleep (1-5, ×2)',
    min: 1,
    max: 5,
    scale: 2,
    colour: '#D55E00',
    shape: 'square',
    dash: [6, 3],
  },
  {
    key: 'energy',
    label: 'energy (1-5, ×2)',
    min: 1,
    max: 5,
    scale: 2,
    colour: '#009E73',
    shape: 'triangle-up',
    dash: [2, 2],
  },
];
