import { expect, it } from 'vitest';
// The charts first, on purpose: vega-lite used to patch Set.prototype globally on import, and discord.js (loaded
// after it) then failed to load at all.
import { renderMoodChart } from '../../../src/web/chart/mood-chart.js';

it('discord.js loads after the charts have loaded and drawn, and no global patch is left behind', async () => {
  const svg = await renderMoodChart([{ date: '2026-03-02', mood: 6, sleep: 4, energy: 3 }], {
    from: '2026-03-02',
    to: '2026-03-08',
    title: 'Your week',
  });
  expect(svg.startsWith('<svg')).toBe(true);
  expect(Object.hasOwn(Set.prototype, 'toJSON')).toBe(false);
  const discord = await import('discord.js');
  expect(typeof discord.Client).toBe('function');
});
