/**
 * The operator's routes on a real web app: /healthz against a real SQLite store and a real BullMQ queue on a real
 * Redis, /metrics from the real PromMetrics, and Bull Board behind Basic authentication, down to the page
 * rendering in Chromium under its own Content-Security-Policy.
 */
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/deps.js';
import { deriveLinkKey } from '../../src/app/links.js';
import { DeliveryOutbox } from '../../src/app/outbox.js';
import { featureParts } from '../../src/features/index.js';
import { PromMetrics } from '../../src/ops/metrics.js';
import { BullMqQueue } from '../../src/queue/bullmq-queue.js';
import { mountOps, type OpsOptions } from '../../src/web/routes/ops-routes.js';
import { createWebApp, startWebServer } from '../../src/web/server.js';
import { TEST_SETTINGS } from '../helpers/app-harness.js';
import { launchBrowser, openPage, shoot } from '../helpers/browser.js';
import { RecordingLogger } from '../helpers/recording-logger.js';
import { startTestRedis, type TestRedis, uniquePrefix } from '../helpers/redis.js';
import { TEST_KEY, type TempStore, tempStore } from '../helpers/temp-store.js';
import { sendJob } from '../queue/queue-contract.js';

const USER = 'operator';
const PASSWORD = 'correct-horse-battery-staple';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
const GOOD = { authorization: basic(USER, PASSWORD) };

let redis: TestRedis;
let t: TempStore;
let queue: BullMqQueue;
let metrics: PromMetrics;
let deps: AppDeps;
let browser: Browser | null = null;
const log = new RecordingLogger();
const servers: Server[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  t = tempStore();
  queue = new BullMqQueue({
    redisUrl: redis.url,
    prefix: uniquePrefix('ops'),
    platforms: ['discord'],
    limits: { discord: { perSecond: 50, concurrency: 2 } },
    retry: { maxAttempts: 3, backoffMs: 100 },
    now: () => Date.now(),
    log,
    onOutcome: () => {},
    lockMs: 5_000,
  });
  expect(await queue.ready()).toBe(true);
  // No workers: the two jobs wait in the queue, for the board and the depth gauge to show.
  expect(await queue.submit(sendJob(1))).toBe('queued');
  expect(await queue.submit(sendJob(2))).toBe('queued');
  metrics = new PromMetrics(() => queue.depth());
  const core = {
    store: t.store,
    log,
    settings: { ...TEST_SETTINGS },
    secrets: { linkKey: deriveLinkKey(TEST_KEY) },
    ...featureParts(),
  };
  deps = { ...core, outbox: new DeliveryOutbox(queue, core) };
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await queue?.close();
  t?.cleanup();
  await redis?.close();
});

/** A web app with the ops routes on 127.0.0.1 (a free port); returns its base URL. */
async function serve(over: Partial<OpsOptions> = {}): Promise<string> {
  const options: OpsOptions = {
    checkDb: () => t.store.db.prepare<[], number>('SELECT 1').pluck().get() === 1,
    checkRedis: () => queue.ping(),
    metrics,
    queues: () => queue.bullQueues(),
    admin: { user: USER, password: PASSWORD },
    log,
    ...over,
  };
  const app = createWebApp({ deps, clock: { now: () => Date.now() }, mount: (a) => mountOps(a, options) });
  const { server, port } = await startWebServer(app, '127.0.0.1', 0);
  servers.push(server);
  return `http://127.0.0.1:${port}`;
}

let base = '';
beforeAll(async () => {
  base = await serve();
});

const healthOf = async (url: string) => {
  const res = await fetch(`${url}/healthz`);
  return { status: res.status, cache: res.headers.get('cache-control'), body: await res.json() };
};

describe('/healthz', () => {
  it('is 200 with the database and the real Redis answering', async () => {
    expect(await healthOf(base)).toEqual({
      status: 200,
      cache: 'no-store',
      body: { status: 'ok', db: 'ok', redis: 'ok' },
    });
  });

  it("says 'not-configured' and stays 200 without Redis", async () => {
    const url = await serve({ checkRedis: null });
    expect(await healthOf(url)).toMatchObject({
      status: 200,
      body: { status: 'ok', db: 'ok', redis: 'not-configured' },
    });
  });

  it('is 503 when the database check throws', async () => {
    const url = await serve({
      checkDb: () => {
        throw new Error('SQLITE_IOERR');
      },
    });
    expect(await healthOf(url)).toMatchObject({
      status: 503,
      body: { status: 'unavailable', db: 'down', redis: 'ok' },
    });
  });

  it('counts a Redis check that takes over 2 s, or fails, as down', async () => {
    const slow = await serve({ checkRedis: () => new Promise<boolean>(() => {}) });
    const started = Date.now();
    expect(await healthOf(slow)).toMatchObject({
      status: 503,
      body: { status: 'unavailable', db: 'ok', redis: 'down' },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(Date.now() - started).toBeLessThan(4_000);
    const failing = await serve({ checkRedis: () => Promise.reject(new Error('ECONNREFUSED')) });
    expect(await healthOf(failing)).toMatchObject({ status: 503, body: { redis: 'down' } });
  });
});

describe('/metrics', () => {
  it('serves the Prometheus text with its content type and no caching', async () => {
    metrics.planned(3);
    metrics.failed(true);
    metrics.sent(1_500);
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(metrics.contentType);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text).toContain('interlude_nudges_planned_total 3\n');
    expect(text).toContain('interlude_nudges_failed_total{permanent="true"} 1\n');
    expect(text).toContain('interlude_nudges_failed_total{permanent="false"} 0\n');
    expect(text).toMatch(/^interlude_nudge_lateness_seconds_bucket\{le="2"\} 1$/m);
    // The two jobs beforeAll queued, with no worker to take them.
    expect(text).toContain('interlude_queue_depth 2\n');
  });
});

describe('/admin/queues', () => {
  it('asks for Basic credentials, and refuses wrong ones', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: basic(USER, 'wrong-password-entirely') },
      { authorization: basic('someone', PASSWORD) },
      { authorization: 'Basic !!!' },
      { authorization: `Bearer ${PASSWORD}` },
    ];
    for (const headers of attempts) {
      for (const path of ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/static/js/x.js']) {
        const res = await fetch(`${base}${path}`, { headers });
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Basic realm="Interlude admin", charset="UTF-8"');
        expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
        expect(await res.text()).toBe('Sign in to see the queue dashboard.');
      }
    }
  });

  it('lists the delivery queue, read-only, through the board API with the right credentials', async () => {
    const res = await fetch(`${base}/admin/queues/api/queues`, { headers: GOOD });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      queues: { name: string; readOnlyMode: boolean; counts: Record<string, number> }[];
    };
    expect(body.queues.map((q) => q.name)).toEqual(['deliveries-discord']);
    expect(body.queues[0]?.readOnlyMode).toBe(true);
    expect(body.queues[0]?.counts.waiting).toBe(2);
    // Read-only: the outbox in SQLite decides what is delivered, so the board may not pause, retry or clean.
    for (const action of ['pause', 'clean/waiting', 'retry/failed']) {
      const res = await fetch(`${base}/admin/queues/api/queues/deliveries-discord/${action}`, {
        method: 'PUT',
        headers: GOOD,
      });
      expect(res.status, action).toBe(405);
    }
    expect(await queue.bullQueues()[0]?.isPaused()).toBe(false);
    expect(await queue.depth()).toBe(2);
  });

  it('gives the board its own CSP and keeps the strict one everywhere else', async () => {
    const board = await fetch(`${base}/admin/queues`, { headers: GOOD });
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('<div id="root">');
    const boardCsp = board.headers.get('content-security-policy') ?? '';
    expect(boardCsp).toContain("script-src 'self'");
    expect(boardCsp).toContain("base-uri 'self'");
    expect(boardCsp).toContain("frame-ancestors 'none'");
    for (const path of ['/healthz', '/metrics', '/no-such-page']) {
      const csp = (await fetch(`${base}${path}`)).headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).not.toContain('script-src');
      expect(csp, path).toContain("base-uri 'none'");
    }
  });

  it('is 404 with an explanation when no admin password is set', async () => {
    const url = await serve({ admin: null });
    for (const headers of [{}, GOOD] as Record<string, string>[]) {
      const res = await fetch(`${url}/admin/queues`, { headers });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toBe(
        'The queue dashboard is off: set ADMIN_PASSWORD (at least 16 characters) to turn it on.',
      );
    }
  });

  it('is 404 with an explanation with the in-process queue', async () => {
    const url = await serve({ queues: () => [], checkRedis: null });
    const res = await fetch(`${url}/admin/queues/api/queues`, { headers: GOOD });
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('The queue dashboard needs queue mode: set REDIS_URL.');
  });

  it('limits failed sign-ins per address, then refuses even the right password', async () => {
    const url = await serve();
    const wrong = { authorization: basic(USER, 'guess-number-n') };
    // Successes in between are not failures, and requests without credentials guess nothing.
    for (let i = 0; i < 5; i++)
      expect((await fetch(`${url}/admin/queues`, { headers: GOOD })).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await fetch(`${url}/admin/queues`)).status).toBe(401);
    for (let i = 0; i < 20; i++)
      expect((await fetch(`${url}/admin/queues`, { headers: wrong })).status).toBe(401);
    const limited = await fetch(`${url}/admin/queues`, { headers: wrong });
    expect(limited.status).toBe(429);
    expect(await limited.text()).toMatch(/^Too many failed sign-ins/);
    expect((await fetch(`${url}/admin/queues/api/queues`, { headers: GOOD })).status).toBe(429);
    expect(log.entries.map((e) => e.msg)).toContain(
      'queue dashboard: too many failed sign-ins from one address',
    );
  });

  it('renders the board in Chromium under its CSP', async () => {
    browser = await launchBrowser();
    const p = await openPage(browser, { httpCredentials: { username: USER, password: PASSWORD } });
    try {
      const res = await p.page.goto(`${base}/admin/queues`);
      expect(res?.status()).toBe(200);
      // The name in the side bar, then the overview card, which the board fills from its API.
      await p.page.getByText('deliveries-discord').first().waitFor({ state: 'visible', timeout: 10_000 });
      const card = p.page.locator('main').getByText('deliveries-discord');
      await card.waitFor({ state: 'visible', timeout: 10_000 });
      await p.page.locator('main').getByText('2 Jobs').waitFor({ state: 'visible', timeout: 10_000 });
      await shoot(p.page, 'admin-queues');
      // The page links Google Fonts; the board's CSP blocks that (no third party hears of the visit), so that
      // one refusal is expected. Nothing else may go wrong: no blocked script, no error.
      const fonts = (line: string) => line.includes('https://fonts.googleapis.com/');
      expect(p.cspViolations.filter((line) => !fonts(line))).toEqual([]);
      expect(p.cspViolations.filter(fonts)).toHaveLength(1);
      expect(p.problems().filter((line) => !fonts(line))).toEqual([]);
      expect(p.blockedRequests).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('/healthz during a Redis outage', () => {
  it('is 503 with redis down while the real Redis is stopped, and 200 again once it is back', async () => {
    if (!redis.owned) return;
    await redis.stop();
    try {
      expect(await healthOf(base)).toMatchObject({
        status: 503,
        body: { status: 'unavailable', db: 'ok', redis: 'down' },
      });
    } finally {
      await redis.start();
    }
    expect(await queue.ready()).toBe(true);
    expect(await healthOf(base)).toMatchObject({ status: 200, body: { redis: 'ok' } });
  });
});

describe('logs', () => {
  it('never hold the password or the Authorization header', () => {
    const text = JSON.stringify(log.entries);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(GOOD.authorization.slice('Basic '.length));
    expect(text.toLowerCase()).not.toContain('authorization');
  });
});
