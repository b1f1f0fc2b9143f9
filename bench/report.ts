/** Plain-text tables for the benchmark's output. */

export type Row = readonly [label: string, value: string];

export function table(title: string, rows: readonly Row[]): string {
  const width = Math.max(0, ...rows.map(([l]) => l.length));
  const valueWidth = Math.max(0, ...rows.map(([, v]) => v.length));
  const rule = '─'.repeat(Math.max(title.length, width + valueWidth + 3));
  const lines = [title, rule, ...rows.map(([l, v]) => `${l.padEnd(width)}   ${v}`), ''];
  return lines.join('\n');
}

const fmt = (v: number, digits: number): string =>
  v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const int = (v: number): string => fmt(v, 0);
export const ms = (v: number, digits = 3): string => `${fmt(v, digits)} ms`;
export const us = (v: number, digits = 1): string => `${fmt(v, digits)} µs`;
export const perSec = (v: number, what: string): string => `${fmt(v, 0)} ${what}/s`;
export const ratio = (v: number): string => `${fmt(v, 2)} ×`;
