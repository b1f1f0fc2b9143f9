import { describe, expect, it } from 'vitest';
import { parseWorkerConfig } from '../../src/config/clis.js';
import { ConfigError, parseConfig } from '../../src/config.js';

const problemsOf = (parse: () => unknown): string[] => {
  try {
    parse();
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};

describe('queue mode settings', () => {
  it('defaults to the in-process queue, workers in process, and no dashboard', () => {
    const c = parseConfig({});
    expect(c.queue).toEqual({
      redisUrl: null,
      prefix: 'interlude',
      workersInProcess: true,
      attempts: 5,
      backoffMs: 2_000,
      concurrency: null,
      lockMs: 30_000,
      slackMessagesPerSecond: 10,
      shutdownTimeoutMs: 25_000,
    });
    expect(c.admin).toBeNull();
  });

  it('reads every queue setting', () => {
    const c = parseConfig({
      REDIS_URL: 'rediss://:pw@redis.internal:6380/2',
      QUEUE_PREFIX: 'clinic_b-2',
      WORKERS_IN_PROCESS: 'false',
      DELIVERY_ATTEMPTS: '7',
      DELIVERY_BACKOFF_MS: '500',
      DELIVERY_CONCURRENCY: '12',
      QUEUE_LOCK_MS: '5000',
      SLACK_MESSAGES_PER_SECOND: '3',
      SHUTDOWN_TIMEOUT_MS: '9000',
      ADMIN_USER: 'ops',
      ADMIN_PASSWORD: 'a long enough password',
    });
    expect(c.queue).toMatchObject({
      redisUrl: 'rediss://:pw@redis.internal:6380/2',
      prefix: 'clinic_b-2',
      workersInProcess: false,
      attempts: 7,
      backoffMs: 500,
      concurrency: 12,
      lockMs: 5_000,
      slackMessagesPerSecond: 3,
      shutdownTimeoutMs: 9_000,
    });
    expect(c.admin).toEqual({ user: 'ops', password: 'a long enough password' });
  });

  it('refuses bad values with a message naming the variable and what it expects', () => {
    const problems = problemsOf(() =>
      parseConfig({
        REDIS_URL: 'http://localhost:6379',
        QUEUE_PREFIX: 'bull:interlude',
        WORKERS_IN_PROCESS: 'sometimes',
        DELIVERY_ATTEMPTS: '0',
        DELIVERY_CONCURRENCY: 'lots',
        ADMIN_PASSWORD: 'short',
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^REDIS_URL expects a Redis address like redis:\/\/127\.0\.0\.1:6379/),
      expect.stringMatching(/^QUEUE_PREFIX expects letters, digits, - or _ .*no colon/),
      'WORKERS_IN_PROCESS expects true or false',
      expect.stringMatching(/^DELIVERY_ATTEMPTS expects how many times a nudge is tried/),
      expect.stringMatching(/^DELIVERY_CONCURRENCY expects sends in flight per worker process/),
      expect.stringMatching(/^ADMIN_PASSWORD expects at least 16 characters/),
    ]);
  });
});

describe('npm run worker settings', () => {
  it('needs Redis and a platform token, and nothing else (no data dir, no encryption key)', () => {
    const w = parseWorkerConfig({
      REDIS_URL: 'redis://127.0.0.1:6379',
      DISCORD_TOKEN: 'token',
      DISCORD_REQUESTS_PER_SECOND: '120',
    });
    expect(w.queue.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(w.discord).toEqual({ token: 'token', apiUrl: 'https://discord.com/api', requestsPerSecond: 120 });
    expect(w.slack).toBeNull();
  });

  it('says what is missing', () => {
    expect(problemsOf(() => parseWorkerConfig({}))).toEqual([
      'REDIS_URL is required: the Redis the bot process uses (redis://host:6379)',
      'DISCORD_TOKEN or SLACK_BOT_TOKEN is required: a worker sends on the platforms whose tokens it has',
    ]);
    expect(
      problemsOf(() => parseWorkerConfig({ REDIS_URL: 'redis://x:1', SLACK_BOT_TOKEN: 'nope' })),
    ).toEqual(['SLACK_BOT_TOKEN expects the Bot User OAuth Token, which starts with xoxb-']);
  });
});
