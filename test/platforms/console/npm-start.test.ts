/**
 * The real entry point, as `npm start` runs it: tsx over src/main.ts in a child process, stdin piped from a script
 * file, no platform token and no ENCRYPTION_KEY, so it opens the console chat and keeps its own key in DATA_DIR.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeKey } from '../../../src/config.js';
import { childEnv } from '../../helpers/child-env.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const SCRIPTS = join(import.meta.dirname, 'scripts');
const REFLECTION = 'PLUM-REFLECTION-9931 🌙 נשימה עמוקה, slowly';
const RUN_TIMEOUT_MS = 45_000;

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Only what a shell needs to find node, plus the test's own settings: nothing from the developer's Interlude env. */
function envWith(settings: Record<string, string>): Record<string, string> {
  const base = childEnv();
  // PORT=0: the private pages bind a free port, so parallel test files never collide on 3000.
  return { ...base, PORT: '0', ...settings };
}

function runMain(settings: Record<string, string>, input: string): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['src/main.ts'], {
      cwd: ROOT,
      env: envWith(settings),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `src/main.ts did not exit within ${RUN_TIMEOUT_MS} ms.\nstdout:\n${stdout}\nstderr:\n${stderr}`,
        ),
      );
    }, RUN_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    // A process that fails on its config never reads stdin; the pipe closing under it is not the test's concern.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

const script = (name: string) => readFileSync(join(SCRIPTS, name), 'utf8');

/** The files SQLite keeps for the database (main file, WAL, shared memory), as bytes. */
function databaseBytes(dataDir: string): Buffer {
  const files = readdirSync(dataDir).filter((f) => f.startsWith('interlude.db'));
  return Buffer.concat(files.map((f) => readFileSync(join(dataDir, f))));
}

const keyWarning = (dataDir: string) =>
  `warning: No ENCRYPTION_KEY is set, so a new key was generated and saved in ${join(dataDir, 'encryption.key')}. That is fine for trying Interlude on this computer; for real use, set ENCRYPTION_KEY and keep it safe — without it the data cannot be read.`;

describe('npm start in console mode', () => {
  let dataDir: string;
  let first: Exit;
  let keyAfterFirst: string;

  beforeAll(async () => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'interlude-npm-start-')), 'data');
    first = await runMain(
      { DATA_DIR: dataDir, CONSOLE_START_AT: '2026-11-23T06:00:00Z' },
      script('first-run.txt'),
    );
    keyAfterFirst = readFileSync(join(dataDir, 'encryption.key'), 'utf8');
  }, RUN_TIMEOUT_MS + 5_000);

  afterAll(() => {
    if (dataDir) rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('answers the script and exits 0 at the end of input', () => {
    expect(first.code, first.stderr).toBe(0);
    const out = first.stdout;
    // Crisis help before enrolling, at once, with the not-an-emergency notice.
    expect(out.startsWith('you › /crisis\nInterlude ▸ you\n── If you need help right now ──\n')).toBe(true);
    expect(out).toContain(
      '  • United States: call or text 988 (Suicide & Crisis Lifeline), or chat at https://988lifeline.org\n',
    );
    expect(out).toContain(
      '  ! Interlude is not an emergency service and nobody watches it around the clock.',
    );
    expect(out).toContain(
      "you › /checkin\nInterlude ▸ you\n  You haven't started with Interlude yet. Type /start to begin",
    );
    expect(out).toContain('  [1] I agree — start   [2] Not now\n');
    expect(out).toContain(
      '  Your first check-in will arrive on Monday 23 November at 08:00 (Europe/London).\n',
    );
    for (let n = 1; n <= 6; n++) expect(out).toContain(`  (${n}/6) `);
    expect(out).toContain('── Thank you — saved ──');
    expect(out).toContain('  • Mon 23 Nov: mood 6/10 · sleep 3/5 · energy 4/5 · anxiety 2/5\n');
    expect(out).toContain(
      'you › :advance 1d\n· clock is now Tuesday 24 November 2026 06:00 (Europe/London)\n',
    );
    expect(out).toContain(
      '  You checked in on 1 of the last 7 days. Averages: mood 6.0/10, sleep 3.0/5, energy 4.0/5, anxiety 2.0/5.\n',
    );
    expect(out).toContain(`  │ ${REFLECTION}\n`);
    // Monday's 08:00 nudge found the check-in already done, so nothing was sent.
    expect(out).not.toContain('(nudge');
    expect(out).not.toContain('Sorry — something went wrong');
  });

  it('warns on stderr that it generated a key, and writes it owner-only', () => {
    expect(first.stderr.trimEnd().split('\n')).toEqual([keyWarning(dataDir)]);
    const keyFile = join(dataDir, 'encryption.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(decodeKey(keyAfterFirst.trim())?.length).toBe(32);
  });

  it('keeps the reflection out of the database files in plain bytes', () => {
    const bytes = databaseBytes(dataDir);
    for (const needle of [REFLECTION, 'PLUM-REFLECTION', 'נשימה עמוקה', '🌙', 'meditated']) {
      expect(bytes.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
    }
    // The zone is stored in clear on purpose: the scan does see plain text when it is there.
    expect(bytes.includes(Buffer.from('Europe/London', 'utf8'))).toBe(true);
    expect(readFileSync(join(dataDir, 'interlude.log')).includes(Buffer.from('PLUM-REFLECTION'))).toBe(false);
  });

  it(
    'reuses the key and sees the earlier data on a second run',
    async () => {
      const second = await runMain(
        { DATA_DIR: dataDir, CONSOLE_START_AT: '2026-11-24T09:00:00Z' },
        script('second-run.txt'),
      );
      expect(second.code, second.stderr).toBe(0);
      expect(second.stderr).toBe('');
      expect(readFileSync(join(dataDir, 'encryption.key'), 'utf8')).toBe(keyAfterFirst);
      expect(second.stdout).toContain(
        "  You're already set up — check-ins come at 08:00 (Europe/London). Use /settings to change that",
      );
      expect(second.stdout).toContain('── Your week: Wed 18 Nov – Tue 24 Nov ──');
      expect(second.stdout).toContain('  • Mon 23 Nov: mood 6/10 · sleep 3/5 · energy 4/5 · anxiety 2/5\n');
      expect(second.stdout).toContain(`  │ ${REFLECTION}\n`);
      // Tuesday's 08:00 nudge was due while no process ran; an hour late is inside the 2 h grace, so it goes out once.
      expect(second.stdout.match(/^Interlude ▸ you \(nudge · .+\)$/gm)).toEqual([
        'Interlude ▸ you (nudge · Tue 24 Nov 09:01)',
      ]);
    },
    RUN_TIMEOUT_MS + 5_000,
  );
});

describe('npm start with a bad environment', () => {
  const cases: [string, Record<string, string>, string][] = [
    [
      'FOLLOW_UP_HOURS=abc',
      { FOLLOW_UP_HOURS: 'abc' },
      '  - FOLLOW_UP_HOURS expects hours after an unanswered nudge',
    ],
    ['ENCRYPTION_KEY=short', { ENCRYPTION_KEY: 'short' }, '  - ENCRYPTION_KEY expects 32 random bytes'],
    [
      'DISCORD_TOKEN without ENCRYPTION_KEY',
      { DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: '100000000000000001' },
      '  - ENCRYPTION_KEY is required when a platform token is set',
    ],
  ];

  for (const [name, settings, problem] of cases) {
    it(
      `exits non-zero on ${name}, naming the variable, and writes nothing`,
      async () => {
        const dir = mkdtempSync(join(tmpdir(), 'interlude-bad-env-'));
        try {
          const dataDir = join(dir, 'data');
          const exit = await runMain({ DATA_DIR: dataDir, ...settings }, '/start\n');
          expect(exit.code).toBe(1);
          expect(exit.stdout).toBe('');
          expect(exit.stderr.startsWith('Interlude cannot start: its configuration has a problem:\n')).toBe(
            true,
          );
          expect(exit.stderr).toContain(problem);
          expect(exit.stderr).toContain('See .env.example for every setting and what it expects.');
          expect(existsSync(dataDir)).toBe(false);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
      RUN_TIMEOUT_MS + 5_000,
    );
  }
});
