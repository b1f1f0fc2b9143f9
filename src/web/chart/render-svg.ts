import { type Loader, parse, View, type ViewOptions } from 'vega';
import { compile, type TopLevelSpec } from './vega-lite-contained.js';

type Logger = NonNullable<ViewOptions['logger']>;

const refuse = (what: string): Promise<never> =>
  Promise.reject(new Error(`Chart rendering loads nothing from outside (refused: ${what})`));

/** A vega loader that fetches nothing: charts are built only from data we pass in, never from a URL or a file. */
export const refusingLoader: Loader = {
  load: (uri) => refuse(uri),
  sanitize: (uri) => refuse(uri),
  http: (uri) => refuse(uri),
  file: (filename) => refuse(filename),
};

/**
 * Vega and vega-lite log to the console by default; a chart problem is our bug, so errors throw and warnings
 * (caught by the tests, which compile with a collecting logger) are otherwise dropped rather than printed.
 */
function throwingLogger(): Logger {
  const logger: Logger = {
    level: () => 0,
    error: (...args: unknown[]) => {
      throw new Error(`Chart rendering failed: ${args.map(String).join(' ')}`);
    },
    warn: () => logger,
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/** Compile a vega-lite spec and render it to an SVG string: no DOM, no canvas, no network. */
export async function renderSpecToSvg(
  spec: TopLevelSpec,
  logger: Logger = throwingLogger(),
): Promise<string> {
  const { spec: vegaSpec } = compile(spec, { logger });
  const view = new View(parse(vegaSpec), { renderer: 'none', loader: refusingLoader, logger });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Vega's own ARIA: a role, role description, label or hidden flag on the marks inside the picture. */
const INNER_ARIA = / (?:role|aria-roledescription|aria-label|aria-hidden)="[^"]*"/g;

/**
 * Mark the SVG as one image with a text alternative (aria-label for screen readers, <title> for tooltips), and
 * hide everything drawn inside it from assistive tech: vega labels some marks and not others, so a screen reader
 * would otherwise read unnamed "graphics-symbol" lines and points after the summary that already says it all.
 */
export function withTextAlternative(svg: string, summary: string): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  const close = svg.lastIndexOf('</svg>');
  if (!open || close < open[0].length) throw new Error('Chart rendering did not produce an <svg> element');
  const label = escapeXml(summary);
  const tag = `${open[0].slice(0, -1)} role="img" aria-label="${label}">`;
  const drawing = svg.slice(open[0].length, close).replace(INNER_ARIA, '');
  return `${tag}<title>${label}</title><g aria-hidden="true">${drawing}</g></svg>`;
}
