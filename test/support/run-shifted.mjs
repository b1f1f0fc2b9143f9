/**
 * `npm run test:shifted [-- --days N] [vitest args]`: the whole suite with every Node process's clock moved ahead
 * (400 days unless told), through shift-clock.mjs in NODE_OPTIONS, which child processes inherit. Green here means
 * no test leans on today's date. redis-server and Chromium keep the real clock, as they would on any later day.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let days = process.env.INTERLUDE_CLOCK_SHIFT_DAYS ?? '400';
const at = args.indexOf('--days');
if (at !== -1) {
  days = args[at + 1] ?? '';
  args.splice(at, 2);
}
if (!/^-?\d+(\.\d+)?$/.test(days)) {
  console.error(`--days needs a number of days, like --days 400 (got "${days}")`);
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const preload = `--import=${pathToFileURL(join(here, 'shift-clock.mjs')).href}`;
const env = {
  ...process.env,
  INTERLUDE_CLOCK_SHIFT_DAYS: days,
  NODE_OPTIONS: [process.env.NODE_OPTIONS, preload].filter(Boolean).join(' '),
};
const shifted = new Date(Date.now() + Number(days) * 86_400_000).toISOString();
console.log(
  `== the suite with the clock moved ${days} days ahead: every Node process reads ${shifted.slice(0, 10)}`,
);
const root = join(here, '..', '..');
const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...args], {
  cwd: root,
  env,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
