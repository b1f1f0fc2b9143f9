/**
 * The console as a person meets it: a `you ›` prompt in a real terminal, private links on the port actually bound,
 * a bounded :advance, and /forget erasing the export files the console wrote.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv } from '../../helpers/child-env.js';
import { runConsole } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'interlude-console-terminal-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Run `npm start` in a pseudo-terminal (util-linux `script`), typing each line once the output shows `waitFor`.
 * Returns everything the terminal showed.
 */
function inTerminal(
  env: Record<string, string>,
  steps: { waitFor: string; type: string }[],
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', `${TSX} src/main.ts`, '/dev/null'], {
      cwd: ROOT,
      env: childEnv({ PORT: '0', TERM: 'dumb', ...env }),
    });
    let out = '';
    let next = 0;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the console did not finish within 60 s; it showed:\n${out}`));
    }, 60_000);
    const feed = () => {
      const step = steps[next];
      if (step && out.includes(step.waitFor)) {
        next++;
        child.stdin.write(`${step.type}\n`);
      }
    };
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      feed();
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      out += s;
    });
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
}

describe('in an interactive terminal', () => {
  it('shows a prompt with the name of the person typing', async () => {
    const out = await inTerminal({ DATA_DIR: join(dir, 'tty'), CONSOLE_START_AT: '2026-11-23T06:00:00Z' }, [
      { waitFor: 'you › ', type: ':as sam' },
      { waitFor: 'sam › ', type: ':quit' },
    ]);
    expect(out).toContain('you › ');
    expect(out).toContain('sam › ');
  }, 90_000);

  it('when PORT is taken, serves the pages on a free port and every link names that port', async () => {
    const taken: Server = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const busy = (taken.address() as { port: number }).port;
    try {
      const out = await inTerminal(
        {
          DATA_DIR: join(dir, 'port'),
          PORT: String(busy),
          HOST: '127.0.0.1',
          CONSOLE_START_AT: '2026-11-23T06:00:00Z',
        },
        [
          { waitFor: 'you › ', type: '/start Europe/London 08:00' },
          { waitFor: 'I agree', type: '1' },
          { waitFor: 'check-in', type: '/checkin' },
          { waitFor: '/l/', type: '/cancel' },
          { waitFor: 'put aside', type: ':quit' },
        ],
      );
      const real = /Private pages: http:\/\/localhost:(\d+)/.exec(out)?.[1];
      expect(real).toBeDefined();
      expect(Number(real)).not.toBe(busy);
      expect(out).toContain(`port ${busy} is taken, so the private pages are on http://localhost:${real}`);
      expect(out).toContain(`http://localhost:${real}/l/`);
      expect(out).not.toContain(`localhost:${busy}/`);
    } finally {
      taken.close();
    }
  }, 90_000);
});

describe('the simulator', () => {
  it(':advance refuses more than it can run, at once, and says the limit', async () => {
    const run = await runConsole(join(dir, 'advance'), '2026-11-23T06:00:00Z', [':advance 999999w', ':now']);
    expect(run.output).toContain(':advance goes at most 8 weeks at a time');
    expect(run.output).toContain('Monday 23 November 2026 06:00');
  });

  it(':as refuses a name made only of dots (it names a folder of export files)', async () => {
    const run = await runConsole(join(dir, 'as'), '2026-11-23T06:00:00Z', [':as ..', ':as .']);
    expect(run.output).not.toContain('now acting as');
  });
});

describe('/forget on the console', () => {
  it('erases the export files it wrote, after saying where they were', async () => {
    const data = join(dir, 'forget');
    const run = await runConsole(data, '2026-11-23T06:00:00Z', [
      '/start Europe/London 08:00',
      '1',
      '/journal write text:a private line',
      '/export',
    ]);
    const exports = join(data, 'exports', 'you');
    expect(run.output).toContain(`in ${join(data, 'exports')}, readable only by your user account`);
    expect(readdirSync(exports)).toHaveLength(1);

    await runConsole(data, '2026-11-23T06:05:00Z', ['/forget', '1']);
    expect(existsSync(exports)).toBe(false);
  });
});
