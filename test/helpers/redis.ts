import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/**
 * A real Redis for tests (BullMQ runs Lua; no mock would do). With redis-server on PATH each test file starts its
 * own on a free loopback port, keeping nothing on disk, and can stop and start it again to play an outage.
 * Without it, REDIS_URL (default redis://127.0.0.1:6379) is used and outages cannot be played.
 */
export interface TestRedis {
  url: string;
  /** Whether this file owns the server (stop/start work). */
  owned: boolean;
  /** Stop the server (an outage): everything it held is gone, as with a Redis that keeps nothing on disk. */
  stop(): Promise<void>;
  /** Start it again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export const hasRedisServer = (): boolean => {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });

async function waitForPing(url: string, deadlineMs = 10_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => {});
    try {
      await r.connect();
      if ((await r.ping()) === 'PONG') return;
    } catch {
      // not up yet
    } finally {
      r.disconnect();
    }
    if (Date.now() > until) throw new Error(`redis at ${url} did not answer within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startTestRedis(): Promise<TestRedis> {
  if (!hasRedisServer()) {
    const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    await waitForPing(url);
    const noOutage = () => Promise.reject(new Error('outages need redis-server on PATH'));
    return { url, owned: false, stop: noOutage, start: noOutage, close: async () => {} };
  }
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--logfile', ''],
      { stdio: 'ignore' },
    );
    await waitForPing(url);
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
    c.kill('SIGKILL');
    await exited;
  };
  await start();
  return { url, owned: true, stop, start, close: stop };
}

/** A BullMQ key prefix no other test file (or run) uses. */
export const uniquePrefix = (name: string): string =>
  `t-${name}-${process.pid}-${randomBytes(3).toString('hex')}`;
