import { participantForLink } from '../../app/page-access.js';
import { reflectionPageData } from '../../features/reflection/reflection-page.js';
import { reflectionPage } from '../pages/reflection-page.js';
import type { Landing } from '../web-context.js';
import { refusalPage } from './link-route.js';
import { rangeChart } from './range-chart.js';

/**
 * The page a reflection link (from /summary) opens. Read-only and not single-use: it opens again until the link
 * expires, each time drawn from the data as it is then.
 */
export const reflectionLanding: Landing = async (ctx, _req, res, { link }) => {
  const p = participantForLink(ctx.deps, link);
  if (!p) {
    const r = refusalPage(ctx.deps.settings, 'unknown');
    res.status(r.status).type('html').send(r.body);
    return;
  }
  const data = reflectionPageData(ctx.deps, p, ctx.clock.now());
  const [week, month] = await Promise.all([
    rangeChart(data.week, 'Mood, sleep and energy'),
    rangeChart(data.month, 'Mood, sleep and energy'),
  ]);
  res.type('html').send(reflectionPage(data, { week, month }, ctx.deps.settings));
};
