import { z } from 'zod';
import { blankIsUnset, boolFlag, int, optionalString } from './config/fields.js';
import { type QueueConfig, queueConfigOf, queueEnv } from './config/queue.js';
import { quietHoursSchema } from './domain/local-time.js';
import type { QuietHours } from './domain/types.js';

export type { QueueConfig } from './config/queue.js';

/**
 * Every setting Interlude reads, in one zod schema, parsed once at start. A bad or missing value names the
 * variable and what it expects; main.ts prints that and exits non-zero. Nothing else reads process.env.
 */

const DEFAULT_CRISIS_LINES = [
  'United States: call or text 988 (Suicide & Crisis Lifeline), or chat at https://988lifeline.org',
  'In immediate danger: call 911 (or your local emergency number)',
  'Outside the US: find a free, confidential line near you at https://findahelpline.com',
].join(' | ');

export const envSchema = z.object({
  DATA_DIR: z.preprocess(blankIsUnset, z.string().default('./data')),
  ENCRYPTION_KEY: z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .refine((v) => decodeKey(v) !== null, {
        error:
          'expects 32 random bytes as 64 hex characters or base64 (make one with: openssl rand -base64 32)',
      })
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(
    blankIsUnset,
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'expects one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  ),
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .regex(/^\d{15,22}$/, { error: 'expects the application id from the Developer Portal (digits only)' })
      .optional(),
  ),
  DISCORD_GUILD_ID: z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .regex(/^\d{15,22}$/, {
        error: 'expects a server id (digits only; Developer Mode, right-click, Copy ID)',
      })
      .optional(),
  ),
  DISCORD_API_URL: z.preprocess(
    blankIsUnset,
    z
      .url({ protocol: /^https?$/, error: 'expects an http(s) address like https://discord.com/api' })
      .transform((u) => u.replace(/\/+$/, ''))
      .default('https://discord.com/api'),
  ),
  DISCORD_PUBLIC_KEY: z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{64}$/, {
        error: 'expects the 64 hex characters shown as Public Key in the Developer Portal',
      })
      .optional(),
  ),
  DISCORD_REQUESTS_PER_SECOND: int(
    50,
    1,
    10_000,
    'requests per second Discord allows this bot (50 unless raised)',
  ),
  SLACK_BOT_TOKEN: z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .startsWith('xoxb-', { error: 'expects the Bot User OAuth Token, which starts with xoxb-' })
      .optional(),
  ),
  SLACK_SIGNING_SECRET: z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .regex(/^[0-9a-f]{16,64}$/i, {
        error: 'expects the Signing Secret from Basic Information (hex characters)',
      })
      .optional(),
  ),
  SLACK_APP_TOKEN: z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .startsWith('xapp-', {
        error: 'expects an app-level token with connections:write, which starts with xapp-',
      })
      .optional(),
  ),
  SLACK_API_URL: z.preprocess(
    blankIsUnset,
    z
      .url({ protocol: /^https?$/, error: 'expects an http(s) address like https://slack.com/api/' })
      .transform((u) => (u.endsWith('/') ? u : `${u}/`))
      .default('https://slack.com/api/'),
  ),
  DEFAULT_CHECKIN_TIME: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expects a 24-hour time like 20:00' })
      .default('20:00'),
  ),
  DEFAULT_ZONE: z.preprocess(
    blankIsUnset,
    z
      .string()
      .refine((z) => isIanaZone(z), { error: 'expects an IANA time zone such as Europe/London' })
      .optional(),
  ),
  // A clinic setting, not a constant: the quiet hours a new participant starts with (they change their own).
  DEFAULT_QUIET_HOURS: z.preprocess(
    blankIsUnset,
    z
      .string()
      .default('22:00-07:00')
      .refine((v) => quietHoursSchema.safeParse(v).success, {
        error: 'expects quiet hours as a start and a different end, like 22:00-07:00, or off for none',
      })
      .transform((v): QuietHours | null => quietHoursSchema.parse(v)),
  ),
  FOLLOW_UP_HOURS: int(3, 1, 12, 'hours after an unanswered nudge before the one follow-up'),
  DELIVERY_GRACE_MINUTES: int(120, 0, 24 * 60, 'minutes a late nudge may still be sent after a restart'),
  BOOSTER_INTERVAL_DAYS: int(
    42,
    7,
    365,
    'days after the last session when a booster conversation is suggested',
  ),
  CRISIS_LINES: z.preprocess(
    blankIsUnset,
    z
      .string()
      .default(DEFAULT_CRISIS_LINES)
      .transform((v) =>
        v
          .split('|')
          .map((l) => l.trim())
          .filter(Boolean),
      )
      .refine((lines) => lines.length > 0, { error: 'expects one or more crisis lines separated by |' }),
  ),
  PORT: int(3000, 0, 65535, 'the port the private pages are served on'),
  HOST: z.preprocess(blankIsUnset, z.string().trim().default('127.0.0.1')),
  PUBLIC_URL: z.preprocess(
    blankIsUnset,
    z
      .url({
        protocol: /^https?$/,
        error: 'expects the address people open, like https://interlude.example.org',
      })
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
  ),
  LINK_TTL_HOURS: int(36, 1, 24 * 7, 'hours a private link stays valid'),
  ANSWER_IN_CHAT: boolFlag('false'),
  ...queueEnv,
  CONSOLE_START_AT: z.preprocess(
    blankIsUnset,
    z.iso
      .datetime({ offset: true, error: 'expects an ISO instant like 2026-11-23T07:00:00Z' })
      .transform((v) => Date.parse(v))
      .optional(),
  ),
});

export type Mode = 'console' | 'platforms';

export interface Config {
  mode: Mode;
  dataDir: string;
  /** Absent only in console mode before the key file is read or made (see loadOrCreateConsoleKey). */
  encryptionKey: Buffer | null;
  logLevel: string;
  discordToken: string | null;
  discord: {
    applicationId: string | null;
    guildId: string | null;
    apiUrl: string;
    publicKey: string | null;
    requestsPerSecond: number;
  };
  slackBotToken: string | null;
  slack: {
    signingSecret: string | null;
    /** Set: Socket Mode (no public address needed); unset: HTTP mode on the web server. */
    appToken: string | null;
    apiUrl: string;
  };
  defaultCheckinTime: string;
  defaultZone: string | null;
  /** Quiet hours a new participant starts with; null: none unless they set some. */
  defaultQuietHours: QuietHours | null;
  followUpAfterHours: number;
  graceMinutes: number;
  boosterIntervalDays: number;
  crisisLines: string[];
  consoleStartAt: number | null;
  port: number;
  host: string;
  /** Where people's browsers reach the private pages; links are built from it. */
  publicUrl: string;
  /** False when PUBLIC_URL was not set and links point at localhost and the bound port. */
  publicUrlSet: boolean;
  linkTtlHours: number;
  /** Discord and Slack nudges ask in the chat instead of linking to the private page (an operator's opt-in). */
  answerInChat: boolean;
  /** Set: delivery runs on BullMQ on this Redis; null: the in-process queue. */
  queue: QueueConfig;
  /** HTTP Basic credentials for /admin/queues; null: the dashboard is off. */
  admin: { user: string; password: string } | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Interlude cannot start: its configuration has ${problems.length === 1 ? 'a problem' : 'problems'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

export const problemsOf = (error: z.ZodError): ConfigError =>
  new ConfigError(error.issues.map((i) => `${String(i.path[0] ?? '?')} ${i.message}`));

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw problemsOf(parsed.error);
  }
  const e = parsed.data;
  const mode: Mode = e.DISCORD_TOKEN || e.SLACK_BOT_TOKEN ? 'platforms' : 'console';
  const missing = [
    ...(mode === 'platforms' && !e.ENCRYPTION_KEY
      ? [
          'ENCRYPTION_KEY is required when a platform token is set: 32 random bytes as hex or base64 (openssl rand -base64 32)',
        ]
      : []),
    ...(e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN
      ? [
          'SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN (Basic Information → App Credentials), or SLACK_APP_TOKEN for Socket Mode',
        ]
      : []),
    ...((e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) && !e.SLACK_BOT_TOKEN
      ? [
          'SLACK_BOT_TOKEN is required with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN (OAuth & Permissions → Bot User OAuth Token)',
        ]
      : []),
    ...(e.DISCORD_TOKEN && !e.DISCORD_APPLICATION_ID
      ? [
          'DISCORD_APPLICATION_ID is required with DISCORD_TOKEN: copy it from the General Information page of your application in the Discord Developer Portal',
        ]
      : []),
  ];
  if (missing.length) throw new ConfigError(missing);
  return {
    mode,
    dataDir: e.DATA_DIR,
    encryptionKey: e.ENCRYPTION_KEY ? decodeKey(e.ENCRYPTION_KEY) : null,
    logLevel: e.LOG_LEVEL,
    discordToken: e.DISCORD_TOKEN ?? null,
    discord: {
      applicationId: e.DISCORD_APPLICATION_ID ?? null,
      guildId: e.DISCORD_GUILD_ID ?? null,
      apiUrl: e.DISCORD_API_URL,
      publicKey: e.DISCORD_PUBLIC_KEY ?? null,
      requestsPerSecond: e.DISCORD_REQUESTS_PER_SECOND,
    },
    slackBotToken: e.SLACK_BOT_TOKEN ?? null,
    slack: {
      signingSecret: e.SLACK_SIGNING_SECRET ?? null,
      appToken: e.SLACK_APP_TOKEN ?? null,
      apiUrl: e.SLACK_API_URL,
    },
    defaultCheckinTime: e.DEFAULT_CHECKIN_TIME,
    defaultZone: e.DEFAULT_ZONE ?? null,
    defaultQuietHours: e.DEFAULT_QUIET_HOURS,
    followUpAfterHours: e.FOLLOW_UP_HOURS,
    graceMinutes: e.DELIVERY_GRACE_MINUTES,
    boosterIntervalDays: e.BOOSTER_INTERVAL_DAYS,
    crisisLines: e.CRISIS_LINES,
    consoleStartAt: e.CONSOLE_START_AT ?? null,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    publicUrlSet: e.PUBLIC_URL !== undefined,
    linkTtlHours: e.LINK_TTL_HOURS,
    answerInChat: e.ANSWER_IN_CHAT,
    queue: queueConfigOf(e),
    admin: e.ADMIN_PASSWORD ? { user: e.ADMIN_USER, password: e.ADMIN_PASSWORD } : null,
  };
}

/** 64 hex characters or base64 of exactly 32 bytes; anything else is refused rather than stretched. */
export function decodeKey(v: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(v)) return Buffer.from(v, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(v)) {
    const b = Buffer.from(v, 'base64');
    if (b.length === 32) return b;
  }
  return null;
}

function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}
