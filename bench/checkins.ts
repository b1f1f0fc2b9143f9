/**
 * Check-in writes through the app layer: `recordCheckin` validates with zod, seals the reflection and the tags
 * with AES-256-GCM, inserts and reschedules in one transaction, then reads the week back for the reply.
 */

import type { Participant } from '../src/domain/entities.js';
import { charCount } from '../src/domain/text-input.js';
import { HOUR } from '../src/domain/types.js';
import { recordCheckin } from '../src/features/check-in/checkin.js';
import type { BenchWorld } from './fixture.js';
import { nowMs, prng, quantile } from './stats.js';

export interface CheckinFigures {
  writes: number;
  warmup: number;
  reflectionChars: number;
  tags: string;
  ms: number;
  writesPerSecond: number;
  usPerWriteMean: number;
  usPerWriteP50: number;
  usPerWriteP99: number;
}

const WORDS =
  'today I noticed the tension in my shoulders ease after the walk by the river and I kept thinking about what came up in the session — the memory of my grandmother’s kitchen felt lighter, less sharp, and I could sit with it without turning away; sleep was patchy but I woke calmer than last week, made coffee slowly, wrote three lines in the journal, and let the café noise be background instead of threat'.split(
    ' ',
  );

/** A reflection of exactly `chars` characters (as people count them), different for each seed. */
export function reflectionOf(seed: number, chars: number): string {
  const rand = prng(seed);
  const out: string[] = [];
  while (out.length < chars + 20) out.push(...`${WORDS[Math.floor(rand() * WORDS.length)] ?? 'calm'} `);
  const cut = out.slice(0, chars);
  // No white space at either end: the form trims, and the stored text must be the full length.
  if (cut[0] === ' ') cut[0] = 'I';
  if (cut[cut.length - 1] === ' ') cut[cut.length - 1] = '.';
  const text = cut.join('');
  if (charCount(text) !== chars)
    throw new Error(`bench: built a reflection of ${charCount(text)} characters`);
  return text;
}

const TAGS = 'slept well, exercised, time-outside, connected';

/**
 * `writes` check-ins for as many distinct participants (ids spread across everyone enrolled), after `warmup`
 * untimed ones for other participants. Inputs and participant records are prepared before the clock starts.
 */
export function benchCheckins(
  world: BenchWorld,
  at: number,
  opts: { writes: number; warmup: number; reflectionChars: number },
): CheckinFigures {
  const { store } = world;
  const enrolled = store.participants.count();
  const total = opts.writes + opts.warmup;
  if (total > enrolled)
    throw new Error(`bench: ${total} check-ins need as many participants; ${enrolled} enrolled`);
  const stride = Math.floor(enrolled / total);
  const people: Participant[] = [];
  const inputs: { reflection: string; [field: string]: unknown }[] = [];
  for (let k = 0; k < total; k++) {
    const p = store.participants.get(1 + k * stride);
    if (!p) throw new Error(`bench: no participant ${1 + k * stride}`);
    people.push(p);
    // As a form submits them: numbers as strings or numbers, tags as a typed list of labels and ids.
    inputs.push({
      mood: String(1 + (k % 10)),
      sleep: 1 + (k % 5),
      energy: String(1 + ((k + 2) % 5)),
      anxiety: 1 + ((k + 3) % 5),
      reflection: reflectionOf(k, opts.reflectionChars),
      tags: TAGS,
    });
  }
  const meta = { source: 'chat' as const, promptId: 'mnt-01' };
  const write = (k: number, now: number): void => {
    const p = people[k];
    const input = inputs[k];
    if (!p || !input) throw new Error('bench: missing participant');
    const { checkin } = recordCheckin(world.deps, p, input, meta, now);
    // The repo returns the row it stored, opened again: a cheap check that sealing round-trips.
    if (checkin.reflection !== input.reflection) throw new Error('bench: the reflection did not round-trip');
  };

  for (let k = 0; k < opts.warmup; k++) write(opts.writes + k, at);

  const samples = new Float64Array(opts.writes);
  const t0 = nowMs();
  for (let k = 0; k < opts.writes; k++) {
    const s = nowMs();
    write(k, at + (k % 60) * 1000);
    samples[k] = nowMs() - s;
  }
  const ms = nowMs() - t0;
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    writes: opts.writes,
    warmup: opts.warmup,
    reflectionChars: opts.reflectionChars,
    tags: TAGS,
    ms,
    writesPerSecond: (opts.writes / ms) * 1000,
    usPerWriteMean: (ms * 1000) / opts.writes,
    usPerWriteP50: quantile(sorted, 0.5) * 1000,
    usPerWriteP99: quantile(sorted, 0.99) * 1000,
  };
}

/** When the check-ins are written: an hour after the busiest minute, so some answer that minute's nudge. */
export const checkinsAt = (busyAt: number): number => busyAt + HOUR;
