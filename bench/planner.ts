/**
 * Planner tick at scale: quiet ticks (nobody due) at growing enrolment, then one tick at the busiest minute.
 */
import { planTick } from '../src/app/plan-nudges.js';
import { MINUTE } from '../src/domain/types.js';
import { DUE_SQL } from '../src/store/repos/participants.js';
import { type BenchWorld, type Population, seedParticipants } from './fixture.js';
import { nowMs, type Spread, spreadOf } from './stats.js';

export interface QuietFigure {
  enrolled: number;
  due: number;
  tick: Spread;
}

export interface PlannerFigures {
  busyAtIso: string;
  quietAtIso: string;
  seeding: { participants: number; ms: number; perSecond: number; method: string }[];
  queryPlan: string[];
  quiet: QuietFigure[];
  quietRatio: number;
  busy: {
    enrolled: number;
    due: number;
    nextBusiestMinuteDue: number;
    ms: number;
    planned: number;
    missed: number;
    enqueued: number;
    plannedPerSecond: number;
    usPerParticipant: number;
  };
}

export interface PlannerOptions {
  /** Enrolment sizes at which the quiet tick is timed, ascending; the last is the size of the busy tick. */
  stages: readonly number[];
  quietSamples: number;
  quietWarmup: number;
}

const SEED_METHOD = 'participants.create + real updateSchedule (domain nextDue), one transaction per stage';

/** Counts people due at or before `at` (setup and checks only; not timed). */
const dueCount = (world: BenchWorld, at: number): number =>
  world.store.db
    .prepare<[number], number>(
      'SELECT COUNT(*) FROM participants WHERE next_due_at IS NOT NULL AND next_due_at <= ?',
    )
    .pluck()
    .get(at) ?? 0;

async function timeQuietTicks(world: BenchWorld, at: number, opts: PlannerOptions): Promise<Spread> {
  for (let i = 0; i < opts.quietWarmup; i++) await planTick(world.deps, at);
  const samples: number[] = [];
  for (let i = 0; i < opts.quietSamples; i++) {
    const t0 = nowMs();
    const r = await planTick(world.deps, at);
    samples.push(nowMs() - t0);
    if (r.planned !== 0 || r.missed !== 0) throw new Error('bench: the quiet tick planned something');
  }
  return spreadOf(samples);
}

export async function benchPlanner(
  world: BenchWorld,
  pop: Population,
  opts: PlannerOptions,
  progress: (msg: string) => void,
): Promise<PlannerFigures> {
  const quietAt = pop.busyAt - 5 * MINUTE;
  const seeding: PlannerFigures['seeding'] = [];
  const quiet: QuietFigure[] = [];
  let enrolled = 0;
  for (const target of opts.stages) {
    progress(`seeding participants ${enrolled.toLocaleString('en-US')}–${target.toLocaleString('en-US')}…`);
    const t0 = nowMs();
    const n = seedParticipants(world, pop, enrolled, target);
    const ms = nowMs() - t0;
    seeding.push({ participants: n, ms, perSecond: (n / ms) * 1000, method: SEED_METHOD });
    enrolled = target;
    progress(`quiet ticks at ${enrolled.toLocaleString('en-US')} enrolled…`);
    const due = dueCount(world, quietAt);
    if (due !== 0) throw new Error(`bench: ${due} people are due at the quiet minute`);
    quiet.push({ enrolled, due, tick: await timeQuietTicks(world, quietAt, opts) });
  }

  const queryPlan = world.store.db
    .prepare<[number, number], { detail: string }>(`EXPLAIN QUERY PLAN ${DUE_SQL}`)
    .all(pop.busyAt, 500)
    .map((r) => r.detail);

  const busiest = world.store.db
    .prepare<[], { at: number; n: number }>(
      `SELECT next_due_at AS at, COUNT(*) AS n FROM participants WHERE next_due_at IS NOT NULL
       GROUP BY next_due_at ORDER BY n DESC LIMIT 2`,
    )
    .all();
  if (busiest[0]?.at !== pop.busyAt) throw new Error('bench: the busiest minute is not where it was planted');
  const due = dueCount(world, pop.busyAt);

  progress(`busy tick: ${due.toLocaleString('en-US')} due…`);
  const before = world.queue.enqueued;
  const t0 = nowMs();
  const r = await planTick(world.deps, pop.busyAt);
  const ms = nowMs() - t0;
  const enqueued = world.queue.enqueued - before;
  if (r.planned + r.missed !== due || enqueued !== r.planned) {
    throw new Error(`bench: ${due} due but ${r.planned} planned, ${r.missed} missed, ${enqueued} enqueued`);
  }
  if (dueCount(world, pop.busyAt) !== 0) throw new Error('bench: people are still due after the busy tick');

  const first = quiet[0]?.tick.medianMs ?? Number.NaN;
  const last = quiet[quiet.length - 1]?.tick.medianMs ?? Number.NaN;
  return {
    busyAtIso: new Date(pop.busyAt).toISOString(),
    quietAtIso: new Date(quietAt).toISOString(),
    seeding,
    queryPlan,
    quiet,
    quietRatio: last / first,
    busy: {
      enrolled,
      due,
      nextBusiestMinuteDue: busiest[1]?.n ?? 0,
      ms,
      planned: r.planned,
      missed: r.missed,
      enqueued,
      plannedPerSecond: (r.planned / ms) * 1000,
      usPerParticipant: (ms * 1000) / due,
    },
  };
}
