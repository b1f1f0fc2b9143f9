import { ConfigError, envSchema, problemsOf } from '../config.js';
import { type QueueConfig, queueConfigOf } from './queue.js';

/** The settings of the command-line tools beside the bot: each reads only what it needs from the one schema. */

export interface WorkerConfig {
  logLevel: string;
  queue: QueueConfig & { redisUrl: string };
  discord: { token: string; apiUrl: string; requestsPerSecond: number } | null;
  slack: { token: string; apiUrl: string } | null;
}

/**
 * What `npm run worker` needs: Redis and the platform tokens. No database file, no encryption key, no gateway:
 * every job carries what it sends, and outcomes go back through Redis to the bot process.
 */
export function parseWorkerConfig(env: Record<string, string | undefined>): WorkerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw problemsOf(parsed.error);
  const e = parsed.data;
  const problems = [
    ...(e.REDIS_URL ? [] : ['REDIS_URL is required: the Redis the bot process uses (redis://host:6379)']),
    ...(e.DISCORD_TOKEN || e.SLACK_BOT_TOKEN
      ? []
      : [
          'DISCORD_TOKEN or SLACK_BOT_TOKEN is required: a worker sends on the platforms whose tokens it has',
        ]),
  ];
  if (problems.length || !e.REDIS_URL) throw new ConfigError(problems);
  return {
    logLevel: e.LOG_LEVEL,
    queue: { ...queueConfigOf(e), redisUrl: e.REDIS_URL },
    discord: e.DISCORD_TOKEN
      ? {
          token: e.DISCORD_TOKEN,
          apiUrl: e.DISCORD_API_URL,
          requestsPerSecond: e.DISCORD_REQUESTS_PER_SECOND,
        }
      : null,
    slack: e.SLACK_BOT_TOKEN ? { token: e.SLACK_BOT_TOKEN, apiUrl: e.SLACK_API_URL } : null,
  };
}

export interface DiscordDeployConfig {
  token: string;
  applicationId: string;
  guildId: string | null;
  apiUrl: string;
  requestsPerSecond: number;
  /** ANSWER_IN_CHAT: chat-only options (health data typed in chat) are registered only when it is on. */
  answerInChat: boolean;
}

/** What `npm run deploy:discord` needs, and nothing more (it stores nothing, so it needs no ENCRYPTION_KEY). */
export function parseDiscordDeployConfig(env: Record<string, string | undefined>): DiscordDeployConfig {
  const parsed = envSchema
    .pick({
      DISCORD_TOKEN: true,
      DISCORD_APPLICATION_ID: true,
      DISCORD_GUILD_ID: true,
      DISCORD_API_URL: true,
      DISCORD_REQUESTS_PER_SECOND: true,
      ANSWER_IN_CHAT: true,
    })
    .safeParse(env);
  if (!parsed.success) {
    throw problemsOf(parsed.error);
  }
  const e = parsed.data;
  const missing = [
    ...(e.DISCORD_TOKEN
      ? []
      : ['DISCORD_TOKEN is required: the bot token from the Bot page of the Developer Portal']),
    ...(e.DISCORD_APPLICATION_ID
      ? []
      : ['DISCORD_APPLICATION_ID is required: the application id from the General Information page']),
  ];
  if (!e.DISCORD_TOKEN || !e.DISCORD_APPLICATION_ID) throw new ConfigError(missing);
  return {
    token: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    guildId: e.DISCORD_GUILD_ID ?? null,
    apiUrl: e.DISCORD_API_URL,
    requestsPerSecond: e.DISCORD_REQUESTS_PER_SECOND,
    answerInChat: e.ANSWER_IN_CHAT,
  };
}

/** What `npm run manifest:slack` needs: where Slack reaches the bot, and whether it uses Socket Mode. */
export function parseManifestConfig(env: Record<string, string | undefined>): {
  publicUrl: string;
  socketMode: boolean;
} {
  const parsed = envSchema.pick({ PUBLIC_URL: true, SLACK_APP_TOKEN: true }).safeParse(env);
  if (!parsed.success) {
    throw problemsOf(parsed.error);
  }
  const socketMode = parsed.data.SLACK_APP_TOKEN !== undefined;
  if (!parsed.data.PUBLIC_URL && !socketMode) {
    throw new ConfigError([
      'PUBLIC_URL is required for the manifest (Slack sends commands to <PUBLIC_URL>/slack/events); or set SLACK_APP_TOKEN to use Socket Mode',
    ]);
  }
  return { publicUrl: parsed.data.PUBLIC_URL ?? 'http://localhost', socketMode };
}
