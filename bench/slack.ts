/**
 * Nudges through the real Slack client: `startPlatforms` (SQLite store, in-process queue, a Bolt App in HTTP mode
 * whose WebClient SlackMessenger uses) against the loopback fake Slack with Slack's documented rate limits, every
 * refill rate multiplied by `scale` (bursts stay) so the run takes minutes, not the 40 the real rates would.
 * Everyone is due at the same minute. The first day opens every DM (conversations.open, Tier 3, then
 * chat.postMessage); the second day the DM ids are cached in SQLite, so a nudge should be one call.
 *
 * The WebClient does no proactive pacing: it sends, and on a 429 pauses its request queue for Retry-After (whole
 * seconds, at least 1), then lets p-retry try again after its own backoff (the default policy: 1–2 s for the first
 * retry, doubling). So 429s are expected; they are counted, with the time they cost, and the achieved rate is set
 * against the ceiling the fake's buckets allow.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClientEvent } from '@slack/web-api';
import { parseConfig } from '../src/config.js';
import { DAY, MINUTE } from '../src/domain/types.js';
import { type Platforms, startPlatforms } from '../src/run-platforms.js';
import { FakeSlack } from '../test/fakes/slack/fake-slack.js';
import {
  DEFAULT_POST_PER_CHANNEL,
  DEFAULT_POST_WORKSPACE,
  DEFAULT_TIERS,
  METHOD_TIERS,
} from '../test/fakes/slack/rate-limits.js';
import type { ApiCall, BucketSpec } from '../test/fakes/slack/types.js';
import { CountingLogger, dueCount } from './chat-figures.js';
import { int, ms, type Row, ratio } from './report.js';
import { seedDueParticipants } from './seed-chat.js';
import { nowMs, prng, round } from './stats.js';

export interface SlackOptions {
  participants: number;
  /** The fake's limits.scale: every bucket refills this many times faster than Slack documents. */
  scale: number;
}

/** A bucket as the fake runs it: refill per second (after scale) and burst. */
export interface BucketFigures {
  perSecond: number;
  burst: number;
}

export interface SlackDayFigures {
  day: 'cold' | 'warm';
  dueAtIso: string;
  nudges: number;
  /** runtime.tick: plan + queue.drain (the minute is not on the hour, so no housekeeping). */
  tickMs: number;
  /** First to last call the fake logged. */
  sendSpanMs: number;
  /** Calls the fake answered (not 429). */
  opensAccepted: number;
  postsAccepted: number;
  /** Answered 429 (each is retried by the WebClient). */
  opens429: number;
  posts429: number;
  /** Any other Web API call during the tick (expected none). */
  otherCalls: number;
  /** Accepted calls ÷ nudges (goal 1.00 on the warm day). */
  callsPerNudge: number;
  /** All calls, 429s included, ÷ nudges. */
  attemptsPerNudge: number;
  nudgesPerSecond: number;
  /** What the fake's buckets allow, sustained: nudges/s. */
  ceilingPerSecond: number;
  /** nudgesPerSecond ÷ ceilingPerSecond. */
  ratio: number;
  /** The least time the buckets allow, starting full (bursts included). */
  bucketBestMs: number;
  /** bucketBestMs ÷ tickMs. */
  bucketRatio: number;
  /** 429s the fake sent / the WebClient's rate_limited events (should agree). */
  count429: number;
  rateLimitedEvents: number;
  /** Sum of the Retry-After seconds the client was given. */
  retryAfterSumS: number;
  /** Sum over 429'd calls of the time until that same call came back (Retry-After + p-retry's backoff). */
  waitedSumS: number;
  /** Wall time during which at least one call was waiting to be retried. */
  waitingWallS: number;
  /** The longest wait of one call before its retry, and the most 429s one call met in a row. */
  longestWaitS: number;
  most429sOneCall: number;
  deliveriesSent: number;
}

export interface SlackFigures {
  participants: number;
  scale: number;
  queueConcurrency: number;
  buckets: { conversationsOpen: BucketFigures; postWorkspace: BucketFigures; postPerChannel: BucketFigures };
  seedMs: number;
  startMs: number;
  cold: SlackDayFigures;
  warm: SlackDayFigures;
  checks: {
    messagesPerPersonPerDay: number;
    botMessages: number;
    dmChannelsCached: number;
    warnings: Record<string, number>;
  };
  totalMs: number;
}

/** Set in src/compose.ts; not read from the queue (its options are private), so keep in step by hand. */
const QUEUE_CONCURRENCY = 8;

const SIGNING_SECRET = '5f0c2a9e7b1d4c3a8e6f0b2d9c7a1e4f';
const TEAM_NAME = 'Bench clinic';
/** Tuesday 16 June 2026, 08:07 UTC: not on the hour, so runtime.tick runs no housekeeping inside the timing. */
const DAY1 = Date.UTC(2026, 5, 16, 8, 7, 0);
const CHECKIN_TIME = '08:07';
const OPEN = 'conversations.open';
const POST = 'chat.postMessage';

/** `U` + 10 upper-case alphanumerics, distinct, the same every run. */
function slackUserIds(n: number): string[] {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const rand = prng(0x51ac);
  const ids = new Set<string>();
  while (ids.size < n) {
    let id = 'U';
    for (let i = 0; i < 10; i++) id += alphabet[Math.floor(rand() * alphabet.length)];
    ids.add(id);
  }
  return [...ids];
}

const bucketOf = (spec: BucketSpec, scale: number): BucketFigures => ({
  perSecond: (spec.perMinute * scale) / 60,
  burst: spec.burst,
});

/** The least ms `calls` calls take through a bucket that starts full. */
const bestMs = (calls: number, b: BucketFigures): number =>
  (Math.max(0, calls - b.burst) / b.perSecond) * 1000;

/** Which request a call is, so a retry can be matched to the 429 before it. */
const requestKey = (c: ApiCall): string => `${c.method}|${String(c.params.users ?? c.params.channel ?? '')}`;

/** How long 429'd calls waited before coming back: summed, as wall time covered, the longest, the longest run. */
function waits(calls: readonly ApiCall[]) {
  const pending = new Map<string, { at: number; run: number }>();
  const spans: [number, number][] = [];
  let most429s = 0;
  for (const c of calls) {
    const key = requestKey(c);
    const before = pending.get(key);
    if (before) spans.push([before.at, c.at]);
    if (c.rateLimited) {
      const run = (before?.run ?? 0) + 1;
      most429s = Math.max(most429s, run);
      pending.set(key, { at: c.at, run });
    } else pending.delete(key);
  }
  if (pending.size > 0) throw new Error(`bench: ${pending.size} calls were 429'd and never retried`);
  let summed = 0;
  let longest = 0;
  let wall = 0;
  let coveredTo = Number.NEGATIVE_INFINITY;
  for (const [from, to] of spans.sort((a, b) => a[0] - b[0])) {
    summed += to - from;
    longest = Math.max(longest, to - from);
    const start = Math.max(from, coveredTo);
    if (to > start) wall += to - start;
    coveredTo = Math.max(coveredTo, to);
  }
  return { waitedSumS: summed / 1000, waitingWallS: wall / 1000, longestWaitS: longest / 1000, most429s };
}

const sentCount = (bot: Platforms, localDate: string): number =>
  bot.runtime.store.db
    .prepare<[string], number>("SELECT COUNT(*) FROM deliveries WHERE status = 'sent' AND local_date = ?")
    .pluck()
    .get(localDate) ?? 0;

interface DayCtx {
  bot: Platforms;
  fake: FakeSlack;
  clock: { t: number };
  limited: { events: number; retryAfterSumS: number };
  buckets: SlackFigures['buckets'];
  n: number;
}

async function runDay(day: SlackDayFigures['day'], at: number, ctx: DayCtx): Promise<SlackDayFigures> {
  const { bot, fake, clock, limited, buckets, n } = ctx;
  if (dueCount(bot, at - MINUTE) !== 0) throw new Error(`bench: people are due before the ${day} minute`);
  const due = dueCount(bot, at);
  if (due !== n) throw new Error(`bench: ${due} due at the ${day} minute, expected ${n}`);
  const localDate = new Date(at).toISOString().slice(0, 10);
  const from = fake.calls.length;
  const before429 = fake.count429();
  const beforeEvents = limited.events;
  const beforeRetryAfter = limited.retryAfterSumS;
  clock.t = at;
  const t0 = nowMs();
  await bot.runtime.tick(at);
  const tickMs = nowMs() - t0;
  const calls = fake.calls.slice(from).sort((a, b) => a.at - b.at);
  const count = (method: string, rateLimited: boolean) =>
    calls.filter((c) => c.method === method && c.rateLimited === rateLimited).length;
  const opensAccepted = count(OPEN, false);
  const postsAccepted = count(POST, false);
  const opens429 = count(OPEN, true);
  const posts429 = count(POST, true);
  const otherCalls = calls.filter((c) => c.method !== OPEN && c.method !== POST).length;
  const failedCalls = calls.filter((c) => !c.rateLimited && !c.ok);
  if (failedCalls.length > 0)
    throw new Error(
      `bench: ${failedCalls.length} calls failed, e.g. ${failedCalls[0]?.method} ${failedCalls[0]?.error}`,
    );
  const deliveriesSent = sentCount(bot, localDate);
  if (deliveriesSent !== n) throw new Error(`bench: ${deliveriesSent} of ${n} ${day} nudges were sent`);
  // Each nudge needs one post; the cold day also one conversations.open. The slower bucket sets the pace.
  const needsOpen = day === 'cold';
  const ceilingPerSecond = needsOpen
    ? Math.min(buckets.conversationsOpen.perSecond, buckets.postWorkspace.perSecond)
    : buckets.postWorkspace.perSecond;
  const bucketBestMs = Math.max(
    bestMs(n, buckets.postWorkspace),
    needsOpen ? bestMs(n, buckets.conversationsOpen) : 0,
  );
  const nudgesPerSecond = (n / tickMs) * 1000;
  const w = waits(calls);
  return {
    day,
    dueAtIso: new Date(at).toISOString(),
    nudges: n,
    tickMs,
    sendSpanMs: (calls[calls.length - 1]?.at ?? 0) - (calls[0]?.at ?? 0),
    opensAccepted,
    postsAccepted,
    opens429,
    posts429,
    otherCalls,
    callsPerNudge: (opensAccepted + postsAccepted) / n,
    attemptsPerNudge: calls.length / n,
    nudgesPerSecond,
    ceilingPerSecond,
    ratio: nudgesPerSecond / ceilingPerSecond,
    bucketBestMs,
    bucketRatio: bucketBestMs / tickMs,
    count429: fake.count429() - before429,
    rateLimitedEvents: limited.events - beforeEvents,
    retryAfterSumS: limited.retryAfterSumS - beforeRetryAfter,
    waitedSumS: w.waitedSumS,
    waitingWallS: w.waitingWallS,
    longestWaitS: w.longestWaitS,
    most429sOneCall: w.most429s,
    deliveriesSent,
  };
}

/** Every person has exactly `perPerson` bot messages in their DM, and there are no others. */
function checkMessages(fake: FakeSlack, userIds: readonly string[], perPerson: number): number {
  const byChannel = new Map<string, number>();
  for (const m of fake.messages) byChannel.set(m.channel, (byChannel.get(m.channel) ?? 0) + 1);
  for (const u of userIds) {
    const channel = fake.dmChannels.get(u);
    const got = channel ? (byChannel.get(channel) ?? 0) : 0;
    if (got !== perPerson) throw new Error(`bench: user ${u} has ${got} messages, expected ${perPerson}`);
  }
  if (fake.messages.length !== userIds.length * perPerson)
    throw new Error(`bench: ${fake.messages.length} messages for ${userIds.length} people × ${perPerson}`);
  return fake.messages.length;
}

export async function benchSlack(opts: SlackOptions, progress: (msg: string) => void): Promise<SlackFigures> {
  const started = nowMs();
  const fake = await FakeSlack.start({
    signingSecret: SIGNING_SECRET,
    teamName: TEAM_NAME,
    limits: { scale: opts.scale },
  });
  const openTier = METHOD_TIERS[OPEN] ?? 3;
  const buckets = {
    conversationsOpen: bucketOf(DEFAULT_TIERS[openTier], opts.scale),
    postWorkspace: bucketOf(DEFAULT_POST_WORKSPACE, opts.scale),
    postPerChannel: bucketOf(DEFAULT_POST_PER_CHANNEL, opts.scale),
  };
  const dir = mkdtempSync(join(tmpdir(), 'interlude-bench-slack-'));
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
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      HOST: '127.0.0.1',
      PORT: '0',
    });
    progress(`slack: starting the bot against the loopback Slack (${opts.scale}× Slack's rates)…`);
    const s0 = nowMs();
    bot = await startPlatforms(config, key, log, { now: () => clock.t });
    const startMs = nowMs() - s0;
    const client = bot.slack?.client;
    if (!client) throw new Error('bench: the Slack bot did not start');
    const limited = { events: 0, retryAfterSumS: 0 };
    client.on(WebClientEvent.RATE_LIMITED, (retrySec: number) => {
      limited.events++;
      limited.retryAfterSumS += retrySec;
    });

    progress(`slack: enrolling ${int(opts.participants)} people due at ${CHECKIN_TIME} UTC…`);
    const { store } = bot.runtime;
    const userIds = slackUserIds(opts.participants);
    const t0 = nowMs();
    seedDueParticipants(
      bot,
      'slack',
      { externalId: fake.teamId, name: TEAM_NAME },
      userIds,
      CHECKIN_TIME,
      seedAt,
    );
    const seedMs = nowMs() - t0;

    const ctx: DayCtx = { bot, fake, clock, limited, buckets, n: opts.participants };
    progress(`slack: cold day, ${int(opts.participants)} nudges (DMs opened)…`);
    const cold = await runDay('cold', DAY1, ctx);
    checkMessages(fake, userIds, 1);
    const dmChannelsCached = userIds.filter((u) => {
      const p = store.participants.byPlatformUser('slack', u)[0];
      return p?.dmChannelId != null && p.dmChannelId === fake.dmChannels.get(u);
    }).length;
    if (dmChannelsCached !== opts.participants)
      throw new Error(`bench: ${dmChannelsCached} of ${opts.participants} DM ids cached`);

    progress(`slack: warm day, ${int(opts.participants)} nudges (DM ids cached)…`);
    const warm = await runDay('warm', DAY1 + DAY, ctx);
    const botMessages = checkMessages(fake, userIds, 2);

    return {
      participants: opts.participants,
      scale: opts.scale,
      queueConcurrency: QUEUE_CONCURRENCY,
      buckets,
      seedMs,
      startMs,
      cold,
      warm,
      checks: {
        messagesPerPersonPerDay: 1,
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
const perMin = (b: BucketFigures): string => `${int(b.perSecond * 60)}/min (${round(b.perSecond, 2)}/s)`;

const dayRows = (d: SlackDayFigures): Row[] => [
  [`${d.day} day @ ${d.dueAtIso}`, `${int(d.nudges)} nudges, ${int(d.deliveriesSent)} delivered as sent`],
  ['  tick (plan + drain)', `${seconds(d.tickMs)}  (first to last call ${seconds(d.sendSpanMs)})`],
  [
    '  calls accepted',
    `${int(d.opensAccepted)} conversations.open + ${int(d.postsAccepted)} chat.postMessage (${d.callsPerNudge.toFixed(2)} per nudge)${d.otherCalls ? `; ${int(d.otherCalls)} other calls` : ''}`,
  ],
  [
    '  nudges/s ÷ ceiling',
    `${d.nudgesPerSecond.toFixed(1)} nudges/s ÷ ${d.ceilingPerSecond.toFixed(1)} = ${ratio(d.ratio)}`,
  ],
  ['  bucket-exact best ÷ tick', `${seconds(d.bucketBestMs)} (buckets start full) = ${ratio(d.bucketRatio)}`],
  [
    '  429s received',
    `${int(d.count429)} = ${int(d.opens429)} conversations.open + ${int(d.posts429)} chat.postMessage (${int(d.rateLimitedEvents)} rate_limited events; ${d.attemptsPerNudge.toFixed(2)} calls per nudge with them)`,
  ],
  [
    '  waiting out 429s',
    `Retry-After total ${int(d.retryAfterSumS)} s; calls waited ${d.waitedSumS.toFixed(1)} s in all (Retry-After + p-retry backoff)`,
  ],
  [
    '  longest wait',
    `${d.longestWaitS.toFixed(2)} s; at most ${d.most429sOneCall} × 429 in a row for one call; a call waiting during ${d.waitingWallS.toFixed(1)} s of the tick`,
  ],
];

export function slackRows(f: SlackFigures): Row[] {
  const b = f.buckets;
  const w = f.warm;
  const refillS = b.postWorkspace.burst / b.postWorkspace.perSecond;
  const warnings = Object.entries(f.checks.warnings).map(
    ([k, v], i): Row => [i === 0 ? 'warnings logged' : '', `${k} × ${int(v)}`],
  );
  return [
    ['fake limits', `fake at ${f.scale}× Slack's documented rates, bursts as documented:`],
    [
      '  conversations.open (Tier 3)',
      `${perMin(b.conversationsOpen)}, burst ${b.conversationsOpen.burst} → cold ceiling ${b.conversationsOpen.perSecond.toFixed(1)} nudges/s`,
    ],
    [
      '  chat.postMessage workspace',
      `${perMin(b.postWorkspace)}, burst ${b.postWorkspace.burst} → warm ceiling ${b.postWorkspace.perSecond.toFixed(1)} nudges/s`,
    ],
    ['  chat.postMessage per channel', `${perMin(b.postPerChannel)}, burst ${b.postPerChannel.burst}`],
    [
      'client',
      `Bolt's WebClient (Retry-After, then a 0.1 s+ backoff), no proactive pacing; queue concurrency ${f.queueConcurrency}`,
    ],
    ['bot start (auth.test)', ms(f.startMs, 0)],
    ['enrol (create + updateSchedule)', `${int(f.participants)} people in ${ms(f.seedMs, 0)}`],
    ...dayRows(f.cold),
    ...dayRows(w),
    ['achieved ÷ ceiling', `cold ${ratio(f.cold.ratio)}, warm ${ratio(w.ratio)}`],
    [
      'warm calls per nudge',
      `${w.callsPerNudge.toFixed(2)} (goal 1.00)${w.callsPerNudge > 1 ? '  ← above goal' : ''}`,
    ],
    ['429s received (cold + warm)', int(f.cold.count429 + w.count429)],
    ...(w.count429 > 0
      ? ([
          [
            'what a warm 429 costs',
            `${(w.waitedSumS / w.count429).toFixed(1)} s for its call on average (Retry-After is whole seconds, ≥ 1, plus a short backoff),`,
          ],
          [
            '',
            `the same at any scale; the workspace bucket refills its burst of ${b.postWorkspace.burst} in ${refillS.toFixed(1)} s here (${(refillS * f.scale).toFixed(0)} s at 1×), so the rest of each wait is lost`,
          ],
        ] as Row[])
      : []),
    [
      'checks',
      `1 message per person per day; ${int(f.checks.botMessages)} messages; ${int(f.checks.dmChannelsCached)} DM ids cached`,
    ],
    ...(warnings.length ? warnings : [['warnings logged', 'none'] as Row]),
    ['slack section', seconds(f.totalMs)],
  ];
}
