import { WebClient } from '@slack/web-api';
import { platformLimits, retryPolicyOf, senderOf } from './compose.js';
import { parseWorkerConfig } from './config/clis.js';
import { ConfigError } from './config.js';
import type { Platform } from './domain/types.js';
import { closeWithin } from './lib/deadline.js';
import { loadOrExit } from './load-env.js';
import { createLogger } from './logger.js';
import { watchDiscord429, watchSlack429 } from './platforms/delivery-clients.js';
import { discordRest } from './platforms/discord/discord-bot.js';
import { DiscordMessenger } from './platforms/discord/discord-messenger.js';
import { RoutingMessenger } from './platforms/routing-messenger.js';
import { slackClientOptions } from './platforms/slack/slack-app.js';
import { SlackMessenger } from './platforms/slack/slack-messenger.js';
import { type DeliveryWorkers, startDeliveryWorkers } from './queue/bullmq-workers.js';

/**
 * `npm run worker`: delivery workers only. They need REDIS_URL and the platform tokens, nothing else: no
 * database file, no encryption key, no gateway connection. Run as many as you like, on any machine that reaches
 * Redis and the platform; the bot process (which owns the SQLite file) plans the nudges and records what the
 * workers report.
 */
async function main(): Promise<void> {
  const config = loadOrExit(
    parseWorkerConfig,
    'See .env.example and the README (Queue mode) for what a worker needs.',
  );
  const log = createLogger(config.logLevel);
  const messenger = new RoutingMessenger();
  const platforms: Platform[] = [];
  let workers: DeliveryWorkers | null = null;
  const pause = (platform: Platform, ms: number) => {
    log.warn({ platform, ms }, 'platform answered 429: pausing every worker');
    workers
      ?.rateLimit(platform, ms)
      .catch((err: unknown) => log.warn({ err }, 'could not set the pause in redis'));
  };
  if (config.discord) {
    const rest = discordRest(config.discord);
    watchDiscord429(rest, pause);
    messenger.set('discord', new DiscordMessenger(rest, { answerInChat: false, log }));
    platforms.push('discord');
  }
  if (config.slack) {
    const client = new WebClient(config.slack.token, slackClientOptions(config.slack.apiUrl));
    watchSlack429(client, pause);
    messenger.set('slack', new SlackMessenger(client, { answerInChat: false, log }));
    platforms.push('slack');
  }
  workers = startDeliveryWorkers({
    redisUrl: config.queue.redisUrl,
    prefix: config.queue.prefix,
    platforms,
    send: senderOf(messenger),
    limits: platformLimits(config.queue, config.discord?.requestsPerSecond ?? 50),
    retry: retryPolicyOf(config.queue),
    now: () => Date.now(),
    log,
    lockMs: config.queue.lockMs,
  });
  log.info({ platforms, prefix: config.queue.prefix }, 'delivery worker ready');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, detail: 'finishing the deliveries in flight' }, 'worker shutting down');
    const clean = await closeWithin(
      () => workers?.close() ?? Promise.resolve(),
      config.queue.shutdownTimeoutMs,
      log,
      'shutdown took too long (is Redis reachable?): leaving now; unfinished jobs return to the queue when their lock lapses',
    );
    process.exit(clean ? 0 : 1);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  process.stderr.write(
    `The delivery worker stopped on an unexpected error: ${e instanceof Error ? e.stack : String(e)}\n`,
  );
  process.exit(1);
});
