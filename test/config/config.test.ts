import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';

const KEY_HEX = 'ab'.repeat(32);
const problemsOf = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};

describe('config', () => {
  it('starts in console mode with sane defaults and nothing set', () => {
    const c = parseConfig({});
    expect(c.mode).toBe('console');
    expect(c.dataDir).toBe('./data');
    expect(c.encryptionKey).toBeNull();
    expect(c.followUpAfterHours).toBe(3);
    expect(c.graceMinutes).toBe(120);
    expect(c.boosterIntervalDays).toBe(42);
    expect(c.defaultCheckinTime).toBe('20:00');
    expect(c.crisisLines.some((l) => l.includes('988'))).toBe(true);
    expect(c.crisisLines.some((l) => l.includes('findahelpline.com'))).toBe(true);
  });

  it('treats blank values (as in .env.example) as unset', () => {
    const c = parseConfig({ ENCRYPTION_KEY: '', DEFAULT_ZONE: '', FOLLOW_UP_HOURS: '', CRISIS_LINES: '' });
    expect(c.followUpAfterHours).toBe(3);
    expect(c.defaultZone).toBeNull();
  });

  it('accepts a key as hex or base64 of exactly 32 bytes', () => {
    expect(parseConfig({ ENCRYPTION_KEY: KEY_HEX }).encryptionKey?.length).toBe(32);
    const b64 = Buffer.alloc(32, 7).toString('base64');
    expect(parseConfig({ ENCRYPTION_KEY: b64 }).encryptionKey?.equals(Buffer.alloc(32, 7))).toBe(true);
  });

  it('names the variable and what it expects for each bad value', () => {
    const problems = problemsOf({
      ENCRYPTION_KEY: 'short',
      FOLLOW_UP_HOURS: 'abc',
      DELIVERY_GRACE_MINUTES: '-5',
      DEFAULT_CHECKIN_TIME: '25:00',
      DEFAULT_ZONE: 'Mars/Olympus',
      LOG_LEVEL: 'loud',
      CONSOLE_START_AT: 'yesterday',
    });
    const text = problems.join('\n');
    for (const name of [
      'ENCRYPTION_KEY',
      'FOLLOW_UP_HOURS',
      'DELIVERY_GRACE_MINUTES',
      'DEFAULT_CHECKIN_TIME',
      'DEFAULT_ZONE',
      'LOG_LEVEL',
      'CONSOLE_START_AT',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toContain('32 random bytes');
    expect(text).toContain('whole number from 1 to 12');
  });

  it('requires ENCRYPTION_KEY once a platform token is set', () => {
    expect(problemsOf({ DISCORD_TOKEN: 'x' }).join()).toContain('ENCRYPTION_KEY is required');
    const c = parseConfig({
      DISCORD_TOKEN: 'x',
      ENCRYPTION_KEY: KEY_HEX,
      DISCORD_APPLICATION_ID: '100000000000000001',
    });
    expect(c.mode).toBe('platforms');
    expect(c.discord).toEqual({
      applicationId: '100000000000000001',
      guildId: null,
      apiUrl: 'https://discord.com/api',
      publicKey: null,
      requestsPerSecond: 50,
    });
  });

  it('reads Slack: HTTP mode with a signing secret, Socket Mode with an app token; names what is missing', () => {
    const http = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'ab'.repeat(16),
      ENCRYPTION_KEY: KEY_HEX,
    });
    expect(http.mode).toBe('platforms');
    expect(http.slack).toEqual({
      signingSecret: 'ab'.repeat(16),
      appToken: null,
      apiUrl: 'https://slack.com/api/',
    });
    const socket = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
      ENCRYPTION_KEY: KEY_HEX,
    });
    expect(socket.slack).toEqual({
      signingSecret: null,
      appToken: 'xapp-1',
      apiUrl: 'http://127.0.0.1:9/api/',
    });
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1', ENCRYPTION_KEY: KEY_HEX }).join()).toContain(
      'SLACK_SIGNING_SECRET is required',
    );
    expect(problemsOf({ SLACK_SIGNING_SECRET: 'ab'.repeat(16) }).join()).toContain(
      'SLACK_BOT_TOKEN is required',
    );
    const bad = problemsOf({
      SLACK_BOT_TOKEN: 'xoxp-user',
      SLACK_APP_TOKEN: 'abc',
      SLACK_SIGNING_SECRET: 'not hex!',
    }).join('\n');
    for (const v of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET']) expect(bad).toContain(v);
  });

  it('names every Discord setting that is missing or malformed, all at once', () => {
    const missing = problemsOf({ DISCORD_TOKEN: 'x' }).join('\n');
    expect(missing).toContain('ENCRYPTION_KEY is required');
    expect(missing).toContain('DISCORD_APPLICATION_ID is required');
    const bad = problemsOf({
      DISCORD_APPLICATION_ID: 'my-bot',
      DISCORD_GUILD_ID: '12',
      DISCORD_API_URL: 'ftp://x',
      DISCORD_PUBLIC_KEY: 'zz',
      DISCORD_REQUESTS_PER_SECOND: '0',
    }).join('\n');
    for (const v of [
      'DISCORD_APPLICATION_ID',
      'DISCORD_GUILD_ID',
      'DISCORD_API_URL',
      'DISCORD_PUBLIC_KEY',
      'DISCORD_REQUESTS_PER_SECOND',
    ]) {
      expect(bad).toContain(v);
    }
  });

  it('splits crisis lines on |', () => {
    const c = parseConfig({ CRISIS_LINES: 'UK: Samaritans 116 123 | Emergency: 999' });
    expect(c.crisisLines).toEqual(['UK: Samaritans 116 123', 'Emergency: 999']);
  });
});
