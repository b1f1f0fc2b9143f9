/**
 * Nudges through the real Discord client: `startPlatforms` (SQLite store, in-process queue, a discord.js Client
 * logged in over the gateway, DiscordMessenger over the client's REST) against the loopback fake Discord with
 * Discord's rate limits at 50 requests/s. Everyone is due at the same minute. The first day opens every DM channel
 * (two requests a nudge); the second day the channel ids are cached in SQLite (one request a nudge).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config.js';
import { DAY, MINUTE } from '../src/domain/types.js';
import { type Platforms, startPlatforms } from '../src/run-platforms.js';
import { FakeDiscord } from '../test/fakes/discord/fake-discord.js';
import type { FakeGuild } from '../test/fakes/discord/types.js';
import { busiestSecond, CountingLogger, OPEN_DM, POST_MESSAGE } from './chat-figures.js';
import { int, ms, type Row, ratio } from './report.js';
import { seedDueParticipants } from './seed-chat.js';
import { nowMs, round } from './stats.js';

export interface DiscordOptions {
  participants: number;
  /** DISCORD_REQUESTS_PER_SECOND and the fake's global bucket alike. */
  requestsPerSecond: number;
  /** Goal for nudges/s ÷ the limit on the warm day. */
  goalRatio: number;
}

export interface DayFigures {
  day: 'cold' | 'warm';
  dueAtIso: string;
  nudges: number;
  /** runtime.tick: plan + queue.drain (the minute is not on the hour, so no housekeeping). */
  tickMs: number;
  /** First to last counted request, as the fake saw them arrive. */
  sendSpanMs: number;
  dmOpens: number;
  messagePosts: number;
  /** DM opens + message posts, including any that were answered 429. */
  requests: number;
  requestsPerNudge: number;
  nudgesPerSecond: number;
  requestsPerSecond: number;
  /** nudges/s ÷ (limit ÷ requests per nudge): how close to what the limit allows. */
  nudgesRatio: number;
  /** requests/s ÷ the limit. */
  requestsRatio: number;
  /** The most counted requests that arrived within any one second. */
  busiestSecond: number;
  count429: number;
  /**
   * `discord rate limit` warnings the bot logged: @discordjs/rest's rateLimited event, which it also emits when it
   * waits for its own global window (no 429), once per waiting route handler.
   */
  rateLimitedEvents: number;
  deliveriesSent: number;
}

export interface DiscordFigures {
  participants: number;
  requestsPerSecond: number;
  queueConcurrency: number;
  goalRatio: number;
  seedMs: number;
  startMs: number;
  cold: DayFigures;
  warm: DayFigures;
  checks: {
    messagesPerPersonPerDay: number;
    distinctNonces: number;
    botMessages: number;
    dmChannelsCached: number;
    warnings: Record<string, number>;
  };
  totalMs: number;
}

/** Set in src/compose.ts; not read from the queue (its options are private), so keep in step by hand. */
const QUEUE_CONCURRENCY = 8;

const GUILD: FakeGuild = { id: '300000000000000001', name: 'Bench clinic' };
/** 18-digit snowflakes, clear of the fake's application, guild and channel ids. */
const userIdOf = (i: number): string => String(400_000_000_000_000_000n + BigInt(i));
/** Tuesday 16 June 2026, 08:07 UTC: not on the hour, so runtime.tick runs no housekeeping inside the timing. */
const DAY1 = Date.UTC(2026, 5, 16, 8, 7, 0);
const CHECKIN_TIME = '08:07';

const sentCount = (bot: Platforms, localDate: string): number =>
  bot.runtime.store.db
    .prepare<[string], number>("SELECT COUNT(*) FROM deliveries WHERE status = 'sent' AND local_date = ?")
    .pluck()
    .get(localDate) ?? 0;

const dueCount = (bot: Platforms, at: number): number =>
  bot.runtime.store.db
    .prepare<[number], number>(
      'SELECT COUNT(*) FROM participants WHERE next_due_at IS NOT NULL AND next_due_at <= ?',
    )
    .pluck()
    .get(at) ?? 0;

async function runDay(
  day: DayFigures['day'],
  at: number,
  ctx: { bot: Platforms; fake: FakeDiscord; log: CountingLogger; clock: { t: number }; opts: DiscordOptions },
): Promise<DayFigures> {
  const { bot, fake, log, clock, opts } = ctx;
  const n = opts.participants;
  if (dueCount(bot, at - MINUTE) !== 0) throw new Error(`bench: people are due before the ${day} minute`);
  const due = dueCount(bot, at);
  if (due !== n) throw new Error(`bench: ${due} due at the ${day} minute, expected ${n}`);
  const localDate = new Date(at).toISOString().slice(0, 10);
  const from = fake.requests.length;
  const before429 = fake.count429();
  const beforeLimited = log.of('warn: discord rate limit');
  clock.t = at;
  const t0 = nowMs();
  await bot.runtime.tick(at);
  const tickMs = nowMs() - t0;
  const counted = fake.requests.slice(from).filter((r) => OPEN_DM(r) || POST_MESSAGE(r));
  const dmOpens = counted.filter(OPEN_DM).length;
  const messagePosts = counted.filter(POST_MESSAGE).length;
  const requests = counted.length;
  const deliveriesSent = sentCount(bot, localDate);
  if (deliveriesSent !== n) throw new Error(`bench: ${deliveriesSent} of ${n} ${day} nudges were sent`);
  const first = counted[0]?.at ?? 0;
  const last = counted[counted.length - 1]?.at ?? 0;
  const requestsPerNudge = requests / n;
  const nudgesPerSecond = (n / tickMs) * 1000;
  const requestsPerSecond = (requests / tickMs) * 1000;
  return {
    day,
    dueAtIso: new Date(at).toISOString(),
    nudges: n,
    tickMs,
    sendSpanMs: last - first,
    dmOpens,
    messagePosts,
    requests,
    requestsPerNudge,
    nudgesPerSecond,
    requestsPerSecond,
    nudgesRatio: nudgesPerSecond / (opts.requestsPerSecond / requestsPerNudge),
    requestsRatio: requestsPerSecond / opts.requestsPerSecond,
    busiestSecond: busiestSecond(counted),
    count429: fake.count429() - before429,
    rateLimitedEvents: log.of('warn: discord rate limit') - beforeLimited,
    deliveriesSent,
  };
}

/** Every person got exactly `perPerson` bot messages in their DM channel; no nonce went out twice. */
function checkMessages(fake: FakeDiscord, userIds: readonly string[], perPerson: number) {
  const byChannel = new Map<string, number>();
  const nonces = new Set<string>();
  let botMessages = 0;
  for (const m of fake.messages) {
    if (m.authorId !== fake.botUserId) continue;
    botMessages++;
    byChannel.set(m.channelId, (byChannel.get(m.channelId) ?? 0) + 1);
    if (m.nonce !== null) nonces.add(String(m.nonce));
  }
  for (const u of userIds) {
    const channel = fake.dmChannels.get(u);
    const got = channel ? (byChannel.get(channel) ?? 0) : 0;
    if (got !== perPerson) throw new Error(`bench: user ${u} has ${got} messages, expected ${perPerson}`);
  }
  if (botMessages !== userIds.length * perPerson)
    throw new Error(`bench: ${botMessages} bot messages for ${userIds.length} people × ${perPerson}`);
  if (nonces.size !== botMessages) throw new Error(`bench: ${botMessages - nonces.size} repeated nonces`);
  return { botMessages, distinctNonces: nonces.size };
}

export async function benchDiscord(
  opts: DiscordOptions,
  progress: (msg: string) => void,
): Promise<DiscordFigures> {
  const started = nowMs();
  const fake = await FakeDiscord.start({ guilds: [GUILD], globalRatePerSecond: opts.requestsPerSecond });
  const dir = mkdtempSync(join(tmpdir(), 'interlude-bench-discord-'));
  const log = new CountingLogger();
  const seedAt = DAY1 - 30 * MINUTE;
  const clock = { t: seedAt };
  let bot: Platforms | null = null;
  try {
    const key = Buffer.alloc(32, 7);
    const config = parseConfig({
      DATA_DIR: dir,
      ENCRYPTION_KEY: key.toString('hex'),
      LOG_LEVEL: 'silent',
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_REQUESTS_PER_SECOND: String(opts.requestsPerSecond),
      HOST: '127.0.0.1',
      PORT: '0',
    });
    progress('discord: starting the bot against the loopback Discord…');
    const s0 = nowMs();
    bot = await startPlatforms(config, key, log, { now: () => clock.t });
    const startMs = nowMs() - s0;

    progress(`discord: enrolling ${int(opts.participants)} people due at ${CHECKIN_TIME} UTC…`);
    const { store } = bot.runtime;
    const userIds = Array.from({ length: opts.participants }, (_, i) => userIdOf(i));
    const t0 = nowMs();
    seedDueParticipants(
      bot,
      'discord',
      { externalId: GUILD.id, name: GUILD.name },
      userIds,
      CHECKIN_TIME,
      seedAt,
    );
    const seedMs = nowMs() - t0;

    const ctx = { bot, fake, log, clock, opts };
    progress(`discord: cold day, ${int(opts.participants)} nudges (DM channels opened)…`);
    const cold = await runDay('cold', DAY1, ctx);
    checkMessages(fake, userIds, 1);
    const dmChannelsCached = userIds.filter((u) => {
      const p = store.participants.byPlatformUser('discord', u)[0];
      return p?.dmChannelId != null && p.dmChannelId === fake.dmChannels.get(u);
    }).length;
    if (dmChannelsCached !== opts.participants)
      throw new Error(`bench: ${dmChannelsCached} of ${opts.participants} DM channels cached`);

    progress(`discord: warm day, ${int(opts.participants)} nudges (DM channels cached)…`);
    const warm = await runDay('warm', DAY1 + DAY, ctx);
    const { botMessages, distinctNonces } = checkMessages(fake, userIds, 2);

    return {
      participants: opts.participants,
      requestsPerSecond: opts.requestsPerSecond,
      queueConcurrency: QUEUE_CONCURRENCY,
      goalRatio: opts.goalRatio,
      seedMs,
      startMs,
      cold,
      warm,
      checks: {
        messagesPerPersonPerDay: 1,
        distinctNonces,
        botMessages,
        dmChannelsCached,
        warnings: Object.fromEntries(log.counts),
      },
      totalMs: nowMs() - started,
    };
  } finally {
    await bot?.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const seconds = (msValue: number): string => `${(msValue / 1000).toFixed(2)} s`;

const dayRows = (f: DiscordFigures, d: DayFigures): Row[] => {
  const perNudge = d.requestsPerNudge.toFixed(2);
  return [
    [`${d.day} day @ ${d.dueAtIso}`, `${int(d.nudges)} nudges, ${int(d.deliveriesSent)} delivered as sent`],
    ['  tick (plan + drain)', `${seconds(d.tickMs)}  (first to last request ${seconds(d.sendSpanMs)})`],
    [
      '  requests',
      `${int(d.requests)} = ${int(d.dmOpens)} DM opens + ${int(d.messagePosts)} message posts (${perNudge} per nudge)`,
    ],
    [
      '  nudges/s ÷ ceiling',
      `${d.nudgesPerSecond.toFixed(1)} nudges/s ÷ ${round(f.requestsPerSecond / d.requestsPerNudge, 1)} = ${ratio(d.nudgesRatio)}`,
    ],
    [
      '  requests/s ÷ limit',
      `${d.requestsPerSecond.toFixed(1)} requests/s ÷ ${f.requestsPerSecond} = ${ratio(d.requestsRatio)}`,
    ],
    ['  busiest second', `${int(d.busiestSecond)} requests`],
    [
      '  429s / client-side waits',
      `${int(d.count429)} / ${int(d.rateLimitedEvents)} (@discordjs/rest rateLimited events: its own pacing waits, logged at debug)`,
    ],
  ];
};

export function discordRows(f: DiscordFigures): Row[] {
  const w = f.warm;
  const warnings = Object.entries(f.checks.warnings);
  return [
    ['bot start (login, READY)', ms(f.startMs, 0)],
    ['enrol (create + updateSchedule)', `${int(f.participants)} people in ${ms(f.seedMs, 0)}`],
    ...dayRows(f, f.cold),
    ...dayRows(f, w),
    [
      'warm nudges/s ÷ limit',
      `${ratio(w.nudgesPerSecond / f.requestsPerSecond)} (goal ≥ ${f.goalRatio})${w.nudgesPerSecond / f.requestsPerSecond >= f.goalRatio ? '' : '  ← below goal'}`,
    ],
    ['warm requests per nudge', `${w.requestsPerNudge.toFixed(2)} (goal 1.0)`],
    ['429s received (cold + warm)', `${int(f.cold.count429 + w.count429)} (goal 0)`],
    [
      'checks',
      `1 message per person per day; ${int(f.checks.botMessages)} messages, ${int(f.checks.distinctNonces)} distinct nonces; ${int(f.checks.dmChannelsCached)} DM channels cached`,
    ],
    ['warnings logged', warnings.length ? warnings.map(([k, v]) => `${k} × ${v}`).join('; ') : 'none'],
    ['discord section', seconds(f.totalMs)],
  ];
}
