/**
 * A real browser for page tests: the Debian Chromium at /usr/bin/chromium driven by playwright-core, which never
 * downloads a browser of its own. `.ci/run` installs the package when it is missing.
 *
 * Nothing a page does may reach the internet, in two layers:
 *  - every context opened with `openPage` (or passed to `blockNonLoopback`) aborts any request or WebSocket whose
 *    host is not 127.0.0.1, localhost or [::1], and records the URL in `blockedRequests`;
 *  - the browser itself is launched with a proxy that does not exist. Chromium never proxies loopback addresses,
 *    so the test servers on 127.0.0.1 are reached directly, while anything else that slips past the routes (a
 *    context opened without the guard, the browser's own background traffic) fails to connect.
 *
 * Use:
 *   const browser = await launchBrowser();          // once per file, in beforeAll; close it in afterAll
 *   const p = await openPage(browser);               // per test; `await p.close()` in finally / afterEach
 *   await p.page.goto(`http://127.0.0.1:${port}/`);
 *   await shoot(p.page, 'checkin-empty');           // test-output/screenshots/checkin-empty.png
 *   expect(p.problems()).toEqual([]);               // console errors, page errors, CSP violations
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type ConsoleMessage,
  chromium,
  type Page,
} from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** A loopback port nothing listens on: the proxy every non-loopback request is sent to, and fails at. */
const DEAD_PROXY = 'http://127.0.0.1:9';

/**
 * Flags for Chromium as root in a container. Playwright itself adds `--headless` (from `headless: true`),
 * `--no-sandbox` (from `chromiumSandbox: false`) and a fresh temporary `--user-data-dir`; it refuses a
 * `--user-data-dir` here. `--no-first-run`, `--disable-background-networking` and `--disable-component-update`
 * are in Playwright's own defaults too; repeating them is harmless and keeps this list honest on its own.
 */
const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--proxy-server=${DEAD_PROXY}`,
];

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOT_DIR = join(REPO_ROOT, 'test-output', 'screenshots');

/** Launch headless Chromium. Throws a clear error when the Debian package is not installed. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} is missing: install the Debian package chromium; .ci/run does ` +
        '(apt-get install -y --no-install-recommends chromium). Browser tests never download a browser.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    chromiumSandbox: false,
    args: [...CHROMIUM_ARGS],
    timeout: 30_000,
  });
}

/** The screenshot directory, test-output/screenshots at the repository root; created if absent. */
export function screenshotDir(): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return SCREENSHOT_DIR;
}

/** Save a full-page screenshot as test-output/screenshots/<name>.png and return its path. */
export async function shoot(page: Page, name: string): Promise<string> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new Error(`screenshot name must be letters, digits, '.', '_' or '-': ${JSON.stringify(name)}`);
  }
  const path = join(screenshotDir(), `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for http(s)/ws(s) URLs on a loopback host, and for data: and blob: URLs, which never touch the network. */
export function isLoopbackUrl(url: URL): boolean {
  if (url.protocol === 'data:' || url.protocol === 'blob:') return true;
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return false;
  return LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * Abort every request and WebSocket from `target` that is not to a loopback host. `onBlocked` receives each
 * aborted URL. Blocked requests fail with net::ERR_BLOCKED_BY_CLIENT.
 */
export async function blockNonLoopback(
  target: Page | BrowserContext,
  onBlocked: (url: string) => void = () => {},
): Promise<void> {
  await target.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLoopbackUrl(new URL(url))) {
      await route.fallback();
      return;
    }
    onBlocked(url);
    await route.abort('blockedbyclient');
  });
  await target.routeWebSocket(
    (url) => !isLoopbackUrl(url),
    async (ws) => {
      onBlocked(ws.url());
      await ws.close({ code: 1008, reason: 'blocked by the test harness' });
    },
  );
}

/** What a page said or did wrong while a test watched it. Arrays fill as events arrive. */
export interface PageWatch {
  /** `console.error` messages and Chromium's own error lines (failed loads, CSP refusals), with location. */
  readonly consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections in the page. */
  readonly pageErrors: string[];
  /** Content-Security-Policy refusals (enforced and report-only), as Chromium logs them. Also in consoleErrors. */
  readonly cspViolations: string[];
  /** All of the above in one list: assert `toEqual([])` for a clean page. */
  problems(): string[];
}

const CSP_TEXT = /Content Security Policy/i;

function describeConsole(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location();
  return url ? `${message.text()} (${url}:${lineNumber})` : message.text();
}

/** Start collecting console errors, page errors and CSP violations from `page`. */
export function watchPage(page: Page): PageWatch {
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    // Chromium logs enforced CSP violations as errors and report-only ones as warnings; both name the policy.
    if (CSP_TEXT.test(text)) cspViolations.push(text);
    if (message.type() === 'error') consoleErrors.push(describeConsole(message));
  });
  page.on('pageerror', (error) => {
    pageErrors.push(error.stack ?? `${error.name}: ${error.message}`);
  });
  return {
    consoleErrors,
    pageErrors,
    cspViolations,
    problems() {
      const reportOnly = cspViolations.filter((text) => !consoleErrors.some((line) => line.startsWith(text)));
      return [...consoleErrors, ...pageErrors, ...reportOnly];
    },
  };
}

export interface GuardedPage extends PageWatch {
  readonly context: BrowserContext;
  readonly page: Page;
  /** URLs the loopback guard aborted, in order. */
  readonly blockedRequests: string[];
  /** Close the context (and its page). */
  close(): Promise<void>;
}

/**
 * A fresh context and page, guarded by `blockNonLoopback` and watched by `watchPage`. Service workers are
 * blocked so nothing can route around the guard. `options` go to `browser.newContext` (baseURL, viewport, ...).
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<GuardedPage> {
  const context = await browser.newContext({ ...options, serviceWorkers: 'block' });
  const blockedRequests: string[] = [];
  try {
    await blockNonLoopback(context, (url) => blockedRequests.push(url));
    const page = await context.newPage();
    const watch = watchPage(page);
    return {
      context,
      page,
      blockedRequests,
      consoleErrors: watch.consoleErrors,
      pageErrors: watch.pageErrors,
      cspViolations: watch.cspViolations,
      problems: () => watch.problems(),
      close: () => context.close(),
    };
  } catch (error) {
    await context.close();
    throw error;
  }
}
