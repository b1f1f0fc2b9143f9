import { join } from 'node:path';
import type { AppDeps } from './app/deps.js';
import { compose } from './compose.js';
import { type Config, ConfigError, parseConfig } from './config.js';
import { loadOrCreateConsoleKey } from './encryption-key.js';
import { closeWithin } from './lib/deadline.js';
import { loadOrExit } from './load-env.js';
import { createLogger } from './logger.js';
import { ConsoleChat } from './platforms/console/console-chat.js';
import { ExportShelf } from './platforms/console/export-shelf.js';
import { SimClock } from './platforms/console/sim-clock.js';
import type { Clock } from './ports/clock.js';
import { startPlatforms } from './run-platforms.js';
import { startMinuteTicker } from './scheduler/minute-ticker.js';
import { PAGE_LANDINGS } from './web/routes/landings.js';
import { createWebApp, startWebServer } from './web/server.js';

const loadConfig = (): Config =>
  loadOrExit(parseConfig, 'See .env.example for every setting and what it expects.');

async function runConsole(config: Config): Promise<void> {
  const warn = (msg: string) => process.stderr.write(`warning: ${msg}\n`);
  const key = config.encryptionKey ?? loadOrCreateConsoleKey(config.dataDir, warn);
  // The terminal is the chat, so logs go to a file beside the data instead of interleaving with it.
  const log = createLogger(config.logLevel, join(config.dataDir, 'interlude.log'));
  const clock = new SimClock(config.consoleStartAt);
  const systemZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const withZone: Config = { ...config, defaultZone: config.defaultZone ?? systemZone };
  const exports = new ExportShelf(join(config.dataDir, 'exports'));
  const runtime = compose(withZone, key, log, clock, exports);
  const interactive = process.stdin.isTTY === true;
  const chat = new ConsoleChat({
    deps: runtime.deps,
    registry: runtime.registry,
    routes: runtime.routes,
    clock,
    tick: runtime.tick,
    write: (s) => process.stdout.write(s),
    exports,
    echo: !interactive,
    ...(interactive ? { prompt: { output: process.stdout } } : {}),
  });
  runtime.startDelivery(chat.messenger);
  const web = await startPages(config, runtime.deps, clock, warn);
  await runtime.recover(clock.now());
  await runtime.queue.drain();
  if (interactive) {
    process.stdout.write(
      `Interlude — console chat. Type /start to begin, /help for commands, :help for the simulator. Ctrl-D to leave.\n${web ? `Private pages: ${runtime.deps.settings.publicUrl}\n` : ''}`,
    );
  }
  const ticker = startMinuteTicker(() => chat.catchUp(), log);
  const stop = async () => {
    ticker.stop();
    web?.close();
    await runtime.close();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(0)));
  await chat.run(process.stdin);
  await stop();
}

/**
 * The private pages, in this process. In the console a busy port is not fatal: the chat still works, and the
 * person is told how to get the pages too.
 */
async function startPages(config: Config, deps: AppDeps, clock: Clock, warn: (m: string) => void) {
  const app = createWebApp({ deps, clock, landings: PAGE_LANDINGS });
  const listen = async (port: number) => {
    const { server, port: bound } = await startWebServer(app, config.host, port);
    // With no PUBLIC_URL, links point at the port actually bound (PORT=0 picks a free one), never at a port some
    // other program holds: a private link sent there would hand it the person's one-time token.
    if (!config.publicUrlSet) deps.settings.publicUrl = `http://localhost:${bound}`;
    return { server, bound };
  };
  try {
    return (await listen(config.port)).server;
  } catch (e) {
    const busy = (e as NodeJS.ErrnoException).code === 'EADDRINUSE';
    if (busy && !config.publicUrlSet && config.port !== 0) {
      try {
        const { server, bound } = await listen(0);
        warn(
          `port ${config.port} is taken, so the private pages are on http://localhost:${bound} instead (links say so). Set PORT to choose the port.`,
        );
        return server;
      } catch {}
    }
    warn(
      `the private pages could not start on ${config.host}:${config.port} (${e instanceof Error ? e.message : String(e)}). The chat works without them; set PORT to a free port to use them.`,
    );
    return null;
  }
}

/** Discord and/or Slack with the real clock; logs go to stderr as JSON lines. */
async function runPlatforms(config: Config): Promise<void> {
  if (!config.encryptionKey) throw new Error('parseConfig requires ENCRYPTION_KEY with a platform token');
  const log = createLogger(config.logLevel);
  const clock: Clock = { now: () => Date.now() };
  const platforms = await startPlatforms(config, config.encryptionKey, log, clock);
  log.info(
    { port: platforms.webPort, publicUrl: platforms.runtime.deps.settings.publicUrl },
    'private pages listening',
  );
  await platforms.runtime.recover(clock.now());
  // plan, not tick: the ticker never waits for delivery, so a slow platform or an absent Redis cannot hold up
  // the next minute's planning.
  const ticker = startMinuteTicker(() => platforms.runtime.plan(clock.now()), log);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, detail: 'finishing the deliveries in flight' }, 'shutting down');
    ticker.stop();
    const clean = await closeWithin(
      () => platforms.close(),
      config.queue.shutdownTimeoutMs,
      log,
      'shutdown took too long (is Redis reachable?): leaving now',
    );
    process.exit(clean ? 0 : 1);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.mode === 'console') return runConsole(config);
  return runPlatforms(config);
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) {
    process.stderr.write(`${e.message}\nSee .env.example for every setting and what it expects.\n`);
    process.exit(1);
  }
  process.stderr.write(
    `Interlude stopped on an unexpected error: ${e instanceof Error ? e.stack : String(e)}\n`,
  );
  process.exit(1);
});
