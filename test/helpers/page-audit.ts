/**
 * Two audits of a page already open in Chromium (see browser.ts):
 *  - `axeViolations`: axe-core's WCAG 2.1 A and AA rules, run inside the page;
 *  - `reflowProblems`: WCAG 1.4.10 at the current viewport: no sideways scroll, no box past the viewport's edge,
 *    no two pieces of text on top of each other, no control spilling out of its label.
 * Both return readable lines, so a failing test says what and where: assert `toEqual([])`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/** axe-core ships its browser build in the npm package: nothing is fetched at run time. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0 and 2.1, levels A and AA: what the clinic's pages promise. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/**
 * Run axe-core in `page` and describe each violation, one line per element. The pages' CSP allows no script at
 * all; playwright's `evaluate` goes through the DevTools protocol, which CSP does not govern, so the page's own
 * policy stays exactly as served while axe reads it.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(`(() => { ${AXE_SOURCE}\n; return typeof window.axe; })()`);
  if (loaded !== 'object')
    throw new Error(`axe-core did not load in the page (window.axe is ${String(loaded)})`);
  const options = JSON.stringify({
    runOnly: { type: 'tag', values: WCAG_TAGS },
    resultTypes: ['violations'],
  });
  const violations = (await page.evaluate(
    `window.axe.run(document, ${options}).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })) })))`,
  )) as AxeViolation[];
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact ?? 'no impact'}): ${v.help} — ${n.target.map(String).join(' ')} ${n.html.slice(0, 160)}` +
        (n.failureSummary ? `\n    ${n.failureSummary.replaceAll('\n', '\n    ')}` : ''),
    ),
  );
}

/**
 * Runs in the page. Text is measured line by line (a Range's client rects), so two words on one line never count
 * as an overlap but two lines or labels drawn over each other do, and text in neighbouring table cells must keep
 * a visible gap (3 px), so "25 26" never reads "2526". Text clipped to nothing (the .sr-only pattern)
 * and boxes inside a keyboard-reachable scroll region (a wide data table, which WCAG 1.4.10 allows to scroll) are
 * left out of the edge check; the region itself must still fit.
 */
const REFLOW_SCRIPT = `(() => {
  const problems = [];
  const doc = document.documentElement;
  const width = doc.clientWidth;
  const name = (el) => {
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return el.tagName.toLowerCase() + cls + (text ? ' "' + text + '"' : '');
  };
  if (doc.scrollWidth > width) problems.push('sideways scroll: the page is ' + doc.scrollWidth + ' px wide in a ' + width + ' px viewport');
  const hidden = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden') return true;
      const r = e.getBoundingClientRect();
      if ((s.overflow === 'hidden' || s.clipPath !== 'none') && (r.width <= 1 || r.height <= 1)) return true;
    }
    return false;
  };
  const inScrollRegion = (el) => {
    for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && e.tabIndex >= 0) return true;
    }
    return false;
  };
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || hidden(el) || inScrollRegion(el)) continue;
    if (r.right > width + 0.5 || r.left < -0.5) problems.push('past the edge: ' + name(el) + ' spans ' + Math.round(r.left) + '–' + Math.round(r.right) + ' px of ' + width);
  }
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || hidden(node.parentElement)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const cell = node.parentElement.closest('td, th');
    for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) texts.push({ r, node, cell, label: name(node.parentElement) });
  }
  const MIN_CELL_GAP = 3;
  const sameLine = (a, b) => Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const gap = (a, b) => Math.max(a.left, b.left) - Math.min(a.right, b.right);
  const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const [a, b] = [texts[i], texts[j]];
      if (a.node !== b.node && overlap(a.r, b.r)) problems.push('text on text: ' + a.label + ' and ' + b.label);
      else if (a.cell && b.cell && a.cell !== b.cell && sameLine(a.r, b.r) && gap(a.r, b.r) < MIN_CELL_GAP)
        problems.push('runs together: ' + a.label + ' and ' + b.label + ' (' + gap(a.r, b.r).toFixed(1) + ' px apart)');
    }
  }
  for (const input of document.querySelectorAll('label input')) {
    const box = input.closest('label').getBoundingClientRect();
    const r = input.getBoundingClientRect();
    if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
      problems.push('control spills out of its label: ' + name(input.closest('label')));
    for (const t of texts) if (overlap(r, t.r)) problems.push('control over text: ' + name(input.closest('label')) + ' and ' + t.label);
  }
  return problems;
})()`;

/** Reflow problems at the page's current viewport; an empty list when it reads as it should. */
export async function reflowProblems(page: Page): Promise<string[]> {
  return (await page.evaluate(REFLOW_SCRIPT)) as string[];
}
