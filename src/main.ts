import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compose } from './compose.js';
import { type Config, ConfigError, parseConfig } from './config.js';
import { loadOrCreateConsoleKey } from './encryption-key.js';
import { createLogger } from './logger.js';
import { ConsoleChat } from './platforms/console/console-chat.js';
import { SimClock } from './platforms/console/sim-clock.js';
import { startMinuteTicker } from './scheduler/minute-ticker.js';

function loadConfig(): Config {
  // A .env file beside package.json is read if present; variables already set in the environment win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return parseConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nSee .env.example for every setting and what it expects.\n`);
      process.exit(1);
    }
    throw e;
  }
}

async function runConsole(config: Config): Promise<void> {
  const warn = (msg: string) => process.stderr.write(`warning: ${msg}\n`);
  const key = config.encryptionKey ?? loadOrCreateConsoleKey(config.dataDir, warn);
  // The terminal is the chat, so logs go to a file beside the data instead of interleaving with it.
  const log = createLogger(config.logLevel, join(config.dataDir, 'interlude.log'));
  const clock = new SimClock(config.consoleStartAt);
  const systemZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const withZone: Config = { ...config, defaultZone: config.defaultZone ?? systemZone };
  let chat: ConsoleChat | null = null;
  const runtime = compose(withZone, key, log, clock, () => {
    if (!chat) throw new Error('console chat not ready');
    return chat.messenger;
  });
  const interactive = process.stdin.isTTY === true;
  chat = new ConsoleChat({
    deps: runtime.deps,
    registry: runtime.registry,
    clock,
    tick: runtime.tick,
    write: (s) => process.stdout.write(s),
    exportDir: join(config.dataDir, 'exports'),
    echo: !interactive,
  });
  await runtime.recover();
  await runtime.queue.drain();
  if (interactive) {
    process.stdout.write(
      'Interlude — console chat. Type /start to begin, /help for commands, :help for the simulator. Ctrl-D to leave.\n',
    );
  }
  const ticker = startMinuteTicker(() => chat?.catchUp() ?? Promise.resolve(), log);
  const stop = async () => {
    ticker.stop();
    await runtime.close();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(0)));
  await chat.run(process.stdin);
  await stop();
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.mode === 'console') return runConsole(config);
  process.stderr.write(
    'A platform token is set (DISCORD_TOKEN or SLACK_BOT_TOKEN), but this build of Interlude has no Discord or Slack adapter yet. Unset the token to use the console chat.\n',
  );
  process.exit(1);
}

main().catch((e: unknown) => {
  process.stderr.write(
    `Interlude stopped on an unexpected error: ${e instanceof Error ? e.stack : String(e)}\n`,
  );
  process.exit(1);
});
