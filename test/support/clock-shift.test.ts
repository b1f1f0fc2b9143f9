/**
 * The clock shift behind `npm run test:shifted` really moves the clock, and a process a test starts reads the same
 * clock as the test itself (through childEnv), so a test cannot pass shifted while its child lives in today.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { childEnv } from '../helpers/child-env.js';

const PRELOAD = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), 'shift-clock.mjs')).href;
const DAY = 86_400_000;
const nowIn = (env: Record<string, string>, args: string[] = []): number =>
  Number(
    execFileSync(process.execPath, [...args, '-e', 'console.log(Date.now())'], { env, encoding: 'utf8' }),
  );

it('moves Date.now and new Date by the days asked, and keeps dates instanceof Date', () => {
  const script =
    'const d = new Date(); console.log(JSON.stringify([Date.now(), d.getTime(), d instanceof Date, new Date(0).getTime(), typeof Date()]))';
  const out = execFileSync(process.execPath, [`--import=${PRELOAD}`, '-e', script], {
    env: { PATH: process.env.PATH ?? '', INTERLUDE_CLOCK_SHIFT_DAYS: '400' },
    encoding: 'utf8',
  });
  const [now, made, isDate, epoch, called] = JSON.parse(out) as [number, number, boolean, number, string];
  const real = nowIn({ PATH: process.env.PATH ?? '' });
  expect(Math.round((now - real) / DAY)).toBe(400);
  expect(Math.abs(made - now)).toBeLessThan(5_000);
  expect(isDate).toBe(true);
  expect(epoch).toBe(0);
  expect(called).toBe('string');
});

it('a child started with childEnv reads the clock this test reads', () => {
  expect(Math.abs(nowIn(childEnv()) - Date.now())).toBeLessThan(DAY / 2);
});
