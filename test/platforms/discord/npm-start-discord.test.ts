/**
 * `npm start` with a Discord token, as production runs it: tsx over src/main.ts in a child process, logged into the
 * loopback Discord (DISCORD_API_URL), answering a slash command, and stopping cleanly on SIGTERM.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unescapeDiscord } from '../../../src/platforms/discord/escape.js';
import { FakeDiscord } from '../../fakes/discord/fake-discord.js';
import type { FakeUser } from '../../fakes/discord/types.js';
import { childEnv } from '../../helpers/child-env.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
/** Distinctive, so a leak into the logs cannot hide behind a common word. */
const TOKEN = 'npm-start-discord-token.Hh3kLw8Tq5';
const KEY_HEX = '5f'.repeat(32);
const blair: FakeUser = { id: '400000000000000002', username: 'blair' };

/**
 * Only what a shell needs to find node, plus the test's settings. Every variable .env.example documents is set,
 * blank unless the test gives it: process.loadEnvFile never overrides a variable already in the environment, even
 * an empty one, so a developer's .env in the project root cannot change these runs.
 */
function envWith(settings: Record<string, string>): Record<string, string> {
  const base = childEnv();
  const documented = [
    ...readFileSync(join(ROOT, '.env.example'), 'utf8').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm),
  ];
  const blank = Object.fromEntries(documented.map((m) => [m[1], '']));
  return {
    ...base,
    ...blank,
    DISCORD_APPLICATION_ID: '',
    DISCORD_API_URL: '',
    DISCORD_GUILD_ID: '',
    DISCORD_PUBLIC_KEY: '',
    SLACK_BOT_TOKEN: '',
    ...settings,
  };
}

interface Running {
  child: ChildProcessWithoutNullStreams;
  out: { stdout: string; stderr: string };
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startMain(settings: Record<string, string>): Running {
  const child = spawn(TSX, ['src/main.ts'], { cwd: ROOT, env: envWith(settings) });
  const out = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (s: string) => {
    out.stdout += s;
  });
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    out.stderr += s;
  });
  child.stdin.end();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  return { child, out, exited };
}

async function until(what: string, cond: () => boolean, run: Running, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (run.child.exitCode !== null || run.child.signalCode !== null) {
      throw new Error(
        `src/main.ts exited (${run.child.exitCode}) before ${what}.\nstderr:\n${run.out.stderr}`,
      );
    }
    if (Date.now() > end) throw new Error(`no ${what} within ${timeoutMs} ms.\nstderr:\n${run.out.stderr}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const logLines = (stderr: string) =>
  stderr
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { level: number; msg: string; [k: string]: unknown });

describe('npm start with DISCORD_TOKEN', () => {
  let fake: FakeDiscord;
  let dir: string;
  let run: Running;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ token: TOKEN });
    dir = mkdtempSync(join(tmpdir(), 'interlude-npm-start-discord-'));
    run = startMain({
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      ENCRYPTION_KEY: KEY_HEX,
      DATA_DIR: join(dir, 'data'),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    });
  });

  afterAll(async () => {
    if (run && run.child.exitCode === null && run.child.signalCode === null) {
      run.child.kill('SIGKILL');
      await run.exited;
    }
    await fake?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('logs in over the gateway and says it is ready', async () => {
    await fake.waitForGatewayEvent((e) => e.op === 2 && e.dir === 'in', START_TIMEOUT_MS, 0);
    await until(
      "'discord bot ready' in the log",
      () => run.out.stderr.includes('"msg":"discord bot ready"'),
      run,
      START_TIMEOUT_MS,
    );
    const identify = fake.gatewayEvents.find((e) => e.op === 2 && e.dir === 'in');
    expect(identify?.d.token).toBe(TOKEN); // the gateway is the one place the token goes
    expect(fake.requests.map((r) => `${r.route} ${r.status}`)).toContain('GET /gateway/bot 200');
  });

  it('answers /crisis injected through the gateway, at once', async () => {
    const handle = fake.slashCommand({ user: blair, name: 'crisis' });
    const r = await handle.response(5_000);
    expect(r.type).toBe(4);
    expect(unescapeDiscord(r.data.content)).toContain('988');
    expect(handle.responseDelayMs ?? Infinity).toBeLessThan(3_000);
  });

  it('stops on SIGTERM with exit 0, keeping its database in DATA_DIR', async () => {
    await until(
      "'private pages listening' in the log",
      () => run.out.stderr.includes('"msg":"private pages listening"'),
      run,
      START_TIMEOUT_MS,
    );
    run.child.kill('SIGTERM');
    const exit = await withTimeout(run.exited, STOP_TIMEOUT_MS, 'stopping on SIGTERM');
    expect(exit, run.out.stderr).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dir, 'data', 'interlude.db'))).toBe(true);
    expect(fake.connectedSessions).toBe(0);
  });

  it('logs JSON lines to stderr only, and never the token or the key', () => {
    expect(run.out.stdout).toBe('');
    const lines = logLines(run.out.stderr);
    const msgs = lines.map((l) => l.msg);
    expect(msgs).toEqual(
      expect.arrayContaining(['discord bot ready', 'private pages listening', 'shutting down']),
    );
    expect(lines.find((l) => l.msg === 'shutting down')?.signal).toBe('SIGTERM');
    expect(lines.every((l) => l.level < 50)).toBe(true); // no error or fatal lines
    for (const secret of [TOKEN, KEY_HEX]) {
      expect(run.out.stderr).not.toContain(secret);
      expect(run.out.stdout).not.toContain(secret);
    }
  });
});

describe('npm start with a wrong DISCORD_TOKEN', () => {
  it(
    'exits non-zero, saying the token is invalid, without printing it',
    async () => {
      const fake = await FakeDiscord.start({ token: TOKEN });
      const dir = mkdtempSync(join(tmpdir(), 'interlude-npm-start-discord-'));
      const wrong = 'wrong-start-token.Ww2vBn6Yc1';
      const run = startMain({
        DISCORD_TOKEN: wrong,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiUrl,
        ENCRYPTION_KEY: KEY_HEX,
        DATA_DIR: join(dir, 'data'),
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      });
      try {
        const exit = await withTimeout(run.exited, START_TIMEOUT_MS, 'exiting on a wrong token');
        expect(exit.code, run.out.stderr).toBe(1);
        // Discord answers 401 to the first call (GET /gateway/bot), so the gateway is never opened.
        expect(fake.requests.map((r) => `${r.route} ${r.status}`)).toEqual(['GET /gateway/bot 401']);
        expect(fake.gatewayEvents.filter((e) => e.op === 2)).toEqual([]);
        expect(run.out.stdout).toBe('');
        expect(run.out.stderr).toContain('DISCORD_TOKEN was refused by Discord');
        expect(run.out.stderr).not.toContain('unexpected error');
        expect(run.out.stderr).not.toMatch(/\n\s+at /);
        for (const secret of [wrong, TOKEN, KEY_HEX]) expect(run.out.stderr).not.toContain(secret);
      } finally {
        if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
        await run.exited;
        await fake.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    START_TIMEOUT_MS + 5_000,
  );
});
