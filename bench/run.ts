/**
 * `npm run bench`: the planner tick and check-in writes at clinic scale, on a real SQLite file with the real
 * migrations and a real encryption key. Prints figures (it asserts nothing about time) and writes them to
 * bench/results/latest.json. `npm run bench -- --quick` runs a tenth of the size, to try the harness. The web
 * section (bench/web.ts) loads the private pages with autocannon. The Discord section (bench/discord.ts) sends
 * one minute's nudges through the real discord.js client to the loopback fake Discord limited at 50 requests/s. The
 * Slack section (bench/slack.ts) sends them through the real WebClient to the loopback fake Slack with Slack's
 * documented limits, sped up. The Queue section (bench/queue.ts) sends 10,000 nudges to the loopback Discord at
 * 500 requests/s through each queue driver (BullMQ with one and two `npm run worker` processes, in-process) and a
 * bare @discordjs/rest loop.
 *
 * `--only queue` (or a comma-separated list of planner, checkins, web, discord, slack, queue) runs just those
 * sections and writes bench/results/latest-only-<sections>.json instead, leaving latest.json as the last full run.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { benchCheckins, checkinsAt } from './checkins.js';
import { benchDiscord, discordRows } from './discord.js';
import { openWorld, type Population } from './fixture.js';
import { benchPlanner } from './planner.js';
import { benchQueue, queueRows } from './queue.js';
import { int, ms, perSec, type Row, ratio, table, us } from './report.js';
import { benchSlack, slackRows } from './slack.js';
import { nowMs, round } from './stats.js';
import { benchWeb, webRows } from './web.js';
import { BENCH_ZONES } from './zones.js';

const quick = process.argv.includes('--quick');
const SECTIONS = ['planner', 'checkins', 'web', 'discord', 'slack', 'queue'] as const;
type Section = (typeof SECTIONS)[number];
const onlyIndex = process.argv.indexOf('--only');
const onlyArg =
  process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ??
  (onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined);
const only: Section[] | null =
  onlyArg === undefined
    ? null
    : onlyArg.split(',').map((s) => {
        const name = s.trim();
        if (!(SECTIONS as readonly string[]).includes(name))
          throw new Error(`bench: --only expects some of ${SECTIONS.join(', ')}; got "${name}"`);
        return name as Section;
      });
const runs = (s: Section): boolean => only === null || only.includes(s);
const scale = quick ? 10 : 1;
const STAGES = [10_000, 50_000, 100_000].map((n) => n / scale);
const CHECKIN_WRITES = 20_000 / scale;
const CHECKIN_WARMUP = 1_000 / scale;
const REFLECTION_CHARS = 500;
const QUIET_SAMPLES = 2_000;
const QUIET_WARMUP = 200;
const WEB = {
  connections: 50,
  durationSeconds: quick ? 1 : 5,
  warmupRequests: quick ? 500 : 2_000,
  // Comfortably more submits than the timed run can make, so no POST ever finds its link used.
  postPool: quick ? 8_000 : 25_000,
  reflectionChars: REFLECTION_CHARS,
};
const DISCORD = {
  participants: 2_000 / scale,
  requestsPerSecond: 50,
  goalRatio: 0.9,
};
const SLACK = {
  participants: 2_000 / scale,
  // The fake's buckets refill 20× faster than Slack's documented rates (bursts as documented): the cold day's
  // 2,000 conversations.open take 2 minutes at best instead of 40.
  scale: 20,
};
const QUEUE = {
  nudges: 10_000 / scale,
  requestsPerSecond: 500,
  goalRatio: 0.9,
};

/** Monday 15 June 2026, 19:00 UTC: no zone in the list changes its clocks within days of it. */
const BUSY_AT = Date.UTC(2026, 5, 15, 19, 0, 0);
const population: Population = {
  busyAt: BUSY_AT,
  seedAt: BUSY_AT - 15 * 60_000,
  clearMinutes: 20,
  busyEvery: 10,
};

const sqliteVersion = (): string => {
  const db = new Sqlite(':memory:');
  try {
    return db.prepare<[], string>('SELECT sqlite_version()').pluck().get() ?? 'unknown';
  } finally {
    db.close();
  }
};

const say = (msg: string): void => {
  process.stderr.write(`  … ${msg}\n`);
};

async function main(): Promise<void> {
  const started = nowMs();
  const cpuList = cpus();
  const machine = {
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    sqlite: sqliteVersion(),
  };
  const world = openWorld();
  const store = world.store;
  const config = {
    mode: quick ? 'quick (a tenth of the size)' : 'full',
    sections: only ?? [...SECTIONS],
    database: 'SQLite file in a temp dir, real migrations, WAL, synchronous=NORMAL (as openStore sets)',
    encryption: 'AES-256-GCM, 32-byte random key from loadOrCreateConsoleKey (the console key path)',
    zones: BENCH_ZONES.length,
    stages: STAGES,
    busyMinute: new Date(BUSY_AT).toISOString(),
    busyCohort: `every ${population.busyEvery}th person checks in at that minute's local time; the rest at random minutes, none within ±${population.clearMinutes} min of it`,
    quietHours: 'a third of people 22:00–07:00 (where their check-in time allows)',
    followUp: 'on for 4 in 5 people',
    queue: 'CountingQueue: enqueue only counts, so tick times are the planner’s own cost (no delivery)',
    followUpAfterHours: world.config.followUpAfterHours,
    graceMinutes: world.config.graceMinutes,
    quietTickSamples: QUIET_SAMPLES,
    quietTickWarmup: QUIET_WARMUP,
    checkinWrites: CHECKIN_WRITES,
    checkinWarmup: CHECKIN_WARMUP,
    reflectionChars: REFLECTION_CHARS,
    web: WEB,
    discord: DISCORD,
    slack: SLACK,
    queueDrivers: QUEUE,
  };

  try {
    console.log(
      table('Interlude benchmark — machine and configuration', [
        ['cpus', `${machine.cpus} × ${machine.cpuModel}`],
        ['memory', `${machine.memoryGiB} GiB`],
        ['os', machine.os],
        ['node', machine.node],
        ['sqlite', machine.sqlite],
        ['run', config.mode],
        ['sections', config.sections.join(', ')],
        ['database', 'temp-dir file, real migrations, WAL, synchronous=NORMAL'],
        ['encryption', 'AES-256-GCM, real 32-byte key (console key path)'],
        [
          'zones',
          `${config.zones} IANA zones (Kathmandu, Lord Howe, Kiritimati, St John’s, Kolkata, Chatham …)`,
        ],
        ['enrolment stages', config.stages.map(int).join(' → ')],
        ['busiest minute', config.busyMinute],
        [
          'busy cohort',
          `1 in ${population.busyEvery} people; others random, ±${population.clearMinutes} min clear`,
        ],
        ['quiet hours / follow-ups', '1 in 3 have 22:00–07:00 / on for 4 in 5'],
        ['seeding', 'participants.create + real updateSchedule, one transaction per stage'],
        ['queue', 'CountingQueue — enqueue only counts (planner’s own cost)'],
        ['quiet tick', `${int(QUIET_SAMPLES)} timed ticks after ${int(QUIET_WARMUP)} warm-up, per stage`],
        ['check-ins', `${int(CHECKIN_WRITES)} distinct people, ${REFLECTION_CHARS}-char reflection + 4 tags`],
        [
          'web',
          `autocannon, ${WEB.connections} connections × ${WEB.durationSeconds} s per endpoint, server in a child process`,
        ],
        [
          'discord',
          `${int(DISCORD.participants)} nudges due at one minute, startPlatforms → discord.js → loopback fake at ${DISCORD.requestsPerSecond} requests/s; cold day, then warm`,
        ],
        [
          'slack',
          `${int(SLACK.participants)} nudges due at one minute, startPlatforms → Bolt WebClient → loopback fake at ${SLACK.scale}× Slack's documented rates; cold day, then warm`,
        ],
        [
          'queue drivers',
          `${int(QUEUE.nudges)} nudges due at one minute (DM channels cached) → loopback Discord at ${QUEUE.requestsPerSecond} requests/s: BullMQ × 1 and × 2 worker processes, in-process, bare @discordjs/rest`,
        ],
      ]),
    );

    // Check-ins write to the people the planner enrolled, so they need it.
    const planner =
      runs('planner') || runs('checkins')
        ? await benchPlanner(
            world,
            population,
            { stages: STAGES, quietSamples: QUIET_SAMPLES, quietWarmup: QUIET_WARMUP },
            say,
          )
        : null;
    let checkins: ReturnType<typeof benchCheckins> | null = null;
    if (runs('checkins')) {
      say(`check-ins: ${int(CHECKIN_WRITES)} writes…`);
      checkins = benchCheckins(world, checkinsAt(BUSY_AT), {
        writes: CHECKIN_WRITES,
        warmup: CHECKIN_WARMUP,
        reflectionChars: REFLECTION_CHARS,
      });
    }
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const web = runs('web') ? await benchWeb(WEB, say) : null;
    const discord = runs('discord') ? await benchDiscord(DISCORD, say) : null;
    const slack = runs('slack') ? await benchSlack(SLACK, say) : null;
    const queue = runs('queue') ? await benchQueue(QUEUE, say) : null;
    const dbBytes = statSync(world.file).size;
    const totalSeconds = (nowMs() - started) / 1000;

    const firstStage = STAGES[0] ?? 0;
    const lastStage = STAGES[STAGES.length - 1] ?? 0;
    const seedRows: Row[] = (planner?.seeding ?? []).map((s, i) => [
      `seed stage ${i + 1} (+${int(s.participants)})`,
      `${ms(s.ms, 0)}  (${perSec(s.perSecond, 'participants')}; create + updateSchedule + commit)`,
    ]);
    if (planner && runs('planner'))
      console.log(
        table('1. Planner tick (planTick, CountingQueue — the planner’s own cost)', [
          ...seedRows,
          ['due query plan', planner.queryPlan.join('; ')],
          ...planner.quiet.map(
            (q): Row => [
              `quiet tick @ ${int(q.enrolled)} enrolled (0 due)`,
              `median ${ms(q.tick.medianMs, 4)} (${us(q.tick.medianMs * 1000)})  p95 ${ms(q.tick.p95Ms, 4)}`,
            ],
          ),
          [
            `quiet tick ratio ${int(lastStage)} / ${int(firstStage)}`,
            `${ratio(planner.quietRatio)} (goal ≈ 1)`,
          ],
          [`busy tick @ ${int(planner.busy.enrolled)} enrolled`, planner.busyAtIso],
          [
            '  participants due',
            `${int(planner.busy.due)} (next-busiest minute: ${int(planner.busy.nextBusiestMinuteDue)})`,
          ],
          ['  tick time', ms(planner.busy.ms, 1)],
          [
            '  nudges planned / missed / enqueued',
            `${int(planner.busy.planned)} / ${int(planner.busy.missed)} / ${int(planner.busy.enqueued)}`,
          ],
          ['  throughput', perSec(planner.busy.plannedPerSecond, 'nudges planned')],
          ['  per due participant', us(planner.busy.usPerParticipant)],
        ]),
      );
    if (checkins)
      console.log(
        table(
          '2. Check-in writes (recordCheckin: zod + AES-256-GCM + transaction + reschedule + week reply)',
          [
            [
              'writes (distinct participants)',
              `${int(checkins.writes)} (after ${int(checkins.warmup)} warm-up)`,
            ],
            ['reflection / tags', `${checkins.reflectionChars} chars / "${checkins.tags}"`],
            ['elapsed', ms(checkins.ms, 0)],
            ['throughput', perSec(checkins.writesPerSecond, 'writes')],
            ['per write (mean)', us(checkins.usPerWriteMean)],
            ['per write (p50 / p99)', `${us(checkins.usPerWriteP50)} / ${us(checkins.usPerWriteP99)}`],
            ['note', 'each write is its own transaction; commits do not fsync (WAL, synchronous=NORMAL)'],
            ['note', 'p99 includes SQLite’s automatic WAL checkpoints (every ~1,000 pages) and GC pauses'],
          ],
        ),
      );
    if (web) console.log(table('3. Web pages (real Express app + SQLite, autocannon)', webRows(web)));
    if (discord)
      console.log(
        table(
          `4. Discord nudges (startPlatforms → discord.js REST → loopback Discord, ${DISCORD.requestsPerSecond} requests/s)`,
          discordRows(discord),
        ),
      );
    if (slack)
      console.log(
        table(
          `5. Slack nudges (startPlatforms → Bolt WebClient → loopback Slack at ${SLACK.scale}× Slack's rates)`,
          slackRows(slack),
        ),
      );
    if (queue)
      console.log(
        table(
          `6. Queue drivers (${int(QUEUE.nudges)} warm nudges → loopback Discord at ${QUEUE.requestsPerSecond} requests/s; ratios against the limit and a bare @discordjs/rest loop)`,
          queueRows(queue),
        ),
      );
    console.log(
      table('Totals', [
        ['database file after the run', `${(dbBytes / 2 ** 20).toFixed(1)} MiB`],
        ['whole run', `${totalSeconds.toFixed(1)} s`],
      ]),
    );

    const outName = only ? `latest-only-${only.join('-')}.json` : 'latest.json';
    const out = join(dirname(fileURLToPath(import.meta.url)), 'results', outName);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(
      out,
      `${JSON.stringify(
        {
          when: new Date().toISOString(),
          machine,
          config,
          planner,
          checkins,
          web,
          discord,
          slack,
          queue,
          dbBytes,
          totalSeconds,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`Figures written to ${out}`);
  } finally {
    world.cleanup();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
