/**
 * The one stylesheet, served from /assets/interlude.css (the Content-Security-Policy allows styles from our own
 * origin only). Mobile first, large tap targets, readable in light and dark mode.
 */
export const STYLESHEET = `
:root { color-scheme: light dark; --bg: #fbfaf7; --fg: #1f2328; --muted: #57606a; --card: #ffffff;
  --line: #d0d7de; --accent: #2f6f5e; --accent-fg: #ffffff; --warn-bg: #fff4e5; --warn-fg: #6b3e00; --err: #b42318; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #14171a; --fg: #e6edf3; --muted: #9da7b1; --card: #1d2126; --line: #3a424b;
    --accent: #6fc3a8; --accent-fg: #0b1f19; --warn-bg: #3a2a10; --warn-fg: #ffd9a3; --err: #ff8a80; }
}
* { box-sizing: border-box; }
html { font-size: 112.5%; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 40rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 0.5rem; }
/* A long word (a file name, an address) breaks rather than pushing the page sideways on a narrow screen. */
h1, h2, h3, p, li, dd, legend, caption { overflow-wrap: anywhere; }
a { color: var(--accent); }
.muted { color: var(--muted); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 1rem; margin: 1rem 0; }
.notice { background: var(--warn-bg); color: var(--warn-fg); border-radius: 12px; padding: 0.85rem 1rem; }
.error { color: var(--err); font-weight: 600; }
/* min-width: 0 undoes the browser's min-content floor on fieldsets, which pushed a phone page sideways. */
fieldset { border: 1px solid var(--line); border-radius: 12px; margin: 0 0 1.25rem; padding: 0.75rem 1rem 1rem; min-width: 0; }
/* The question sits inside its card, not in the border: a two-line question stays readable on a phone. */
legend { float: left; width: 100%; font-weight: 600; padding: 0; margin: 0 0 0.25rem; }
legend + * { clear: both; }
/*
 * Five answers to a row (1–5 on one line, 1–10 on two) wherever each can be at least 2.5rem (45 px) wide: a phone
 * and a desktop alike. Narrower (320 px, 200 % zoom), fewer to a row, so no radio ever spills out of its box.
 */
.scale { display: grid; gap: 0.5rem; margin-top: 0.5rem;
  grid-template-columns: repeat(auto-fill, minmax(max(2.5rem, (100% - 2rem) / 5), 1fr)); }
.scale label, .tags label { display: inline-flex; align-items: center; justify-content: center; gap: 0.4rem;
  min-width: 3rem; min-height: 3rem; padding: 0.5rem 0.75rem; border: 1px solid var(--line); border-radius: 10px;
  background: var(--card); cursor: pointer; }
.scale label { flex-direction: column; gap: 0.15rem; min-width: 0; padding: 0.5rem 0.25rem; }
.scale label:has(input:checked), .tags label:has(input:checked) { border-color: var(--accent);
  box-shadow: inset 0 0 0 1px var(--accent); }
.scale input, .tags input { flex: none; width: 1.25rem; height: 1.25rem; margin: 0; accent-color: var(--accent); }
.hint { display: flex; justify-content: space-between; gap: 1rem; margin-top: 0.4rem; font-size: 0.9rem; color: var(--muted); }
.tags { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.tags label { flex: 1 1 auto; justify-content: flex-start; max-width: 100%; }
textarea { width: 100%; min-height: 9rem; font: inherit; padding: 0.75rem; border-radius: 10px;
  border: 1px solid var(--line); background: var(--card); color: var(--fg); }
button { font: inherit; font-weight: 600; min-height: 3rem; padding: 0.75rem 1.5rem; border: 0; border-radius: 10px;
  background: var(--accent); color: var(--accent-fg); cursor: pointer; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 0.4rem 0.3rem; border-bottom: 1px solid var(--line); vertical-align: top; }
blockquote { margin: 0.5rem 0 1rem; padding: 0.5rem 0.9rem; border-left: 4px solid var(--line); white-space: pre-wrap; overflow-wrap: anywhere; }
.chart svg { max-width: 100%; height: auto; }
.card > h2:first-child { margin-top: 0; }
.scroll { overflow-x: auto; }
.scroll th[scope="row"] { white-space: nowrap; }
.scroll td.wide { min-width: 11rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
h3 { font-size: 1rem; margin: 1.25rem 0 0.25rem; }
.entry .prompt { font-style: italic; }
/* A week to a row (see roster-page.ts): day numbers stay apart at 320 px and at 200 % zoom. */
.strip { table-layout: fixed; font-variant-numeric: tabular-nums; max-width: 24rem; }
.strip caption { text-align: left; font-size: 0.9rem; color: var(--muted); padding-bottom: 0.25rem; }
.strip th, .strip td { text-align: center; padding: 0.3rem 0.1rem; font-size: 0.9rem; }
.strip th { font-weight: normal; color: var(--muted); }
.strip tr:nth-child(n + 3) th { padding-top: 0.75rem; }
.strip abbr { text-decoration: none; }
footer { margin-top: 3rem; font-size: 0.9rem; color: var(--muted); }
footer ul { margin: 0.5rem 0 0; padding-left: 1.25rem; }
footer li { margin: 0.25rem 0; }
/* On a narrow screen (320 px, or a phone zoomed to 200 %) the page keeps its width for the words, not the margins. */
@media (max-width: 22em) {
  main { padding: 1rem 0.6rem 2.5rem; }
  fieldset, .card { padding-left: 0.5rem; padding-right: 0.5rem; }
  .strip th, .strip td { font-size: 0.8rem; }
  .scale { gap: 0.3rem; grid-template-columns: repeat(auto-fill, minmax(max(2.5rem, (100% - 1.2rem) / 5), 1fr)); }
  .hint { gap: 0.5rem; }
}
`;
