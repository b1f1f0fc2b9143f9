import type { Clock } from '../../ports/clock.js';

/**
 * The console's clock: real time plus an offset that `:advance` grows, so a person can live through a week of
 * nudges in a minute. Starts at a fixed instant when CONSOLE_START_AT is set.
 */
export class SimClock implements Clock {
  private offset: number;

  constructor(
    start: number | null,
    private readonly real: () => number = Date.now,
  ) {
    this.offset = start === null ? 0 : start - real();
  }

  now(): number {
    return this.real() + this.offset;
  }

  /** Jump so that now() reads `at` (never backwards). */
  set(at: number): void {
    if (at > this.now()) this.offset = at - this.real();
  }
}

/** `3d`, `2h`, `30m`, `1d12h`, `90s` → milliseconds; null when it is not a duration. */
export function parseDuration(s: string): number | null {
  const m =
    /^\s*(?:(\d+)\s*w)?\s*(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?\s*$/i.exec(
      s,
    );
  if (!m || m.slice(1).every((g) => g === undefined)) return null;
  const [w, d, h, min, sec] = m.slice(1).map((g) => Number(g ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return ((((w * 7 + d) * 24 + h) * 60 + min) * 60 + sec) * 1000;
}
