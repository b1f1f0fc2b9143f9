import { IANAZone } from 'luxon';
import { z } from 'zod';
import type { Instant, LocalDate, LocalTime, QuietHours } from './types.js';
import { DAY, MINUTE } from './types.js';
import { isAreaCityName, suggestZones } from './zone-names.js';

// ---------------------------------------------------------------------------------------------------- zones

// Only names shaped like IANA ids: Intl in newer runtimes also accepts offsets such as "+03:00", which we refuse
// because a fixed offset silently ignores daylight saving.
const ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

/** True for an IANA zone name the runtime knows ('Europe/London', 'UTC', 'Etc/UTC'); false for 'UTC+3', ''. */
export function isValidZone(zone: string): boolean {
  return ZONE_SHAPE.test(zone) && IANAZone.isValidZone(zone);
}

const zoneOf = (zone: string): IANAZone => {
  const z = IANAZone.create(zone);
  if (!z.isValid) throw new RangeError(`Unknown time zone: ${zone}`);
  return z;
};

/** Offset of `zone` from UTC at `at`, in milliseconds. */
const offsetMs = (zone: IANAZone, at: Instant): number => zone.offset(at) * MINUTE;

/** The local wall clock at `at`, expressed as if it were a UTC instant (so Date's UTC getters read it). */
const wallOf = (zone: IANAZone, at: Instant): number => at + offsetMs(zone, at);

// ---------------------------------------------------------------------------------------------------- dates and times

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_SHAPE = /^(\d{1,2}):(\d{2})$/;

/** Midnight UTC of a calendar date, or null when it is not a real date (2026-02-30). */
const dateToUtcMs = (date: string): number | null => {
  const m = DATE_SHAPE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 02-30 over into March; a real date survives the round trip unchanged.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms;
};

/** Minutes since midnight for 'H:MM' or 'HH:MM', or null when it is not a 24-hour time. */
const timeToMinutes = (time: string): number | null => {
  const m = TIME_SHAPE.exec(time);
  if (!m) return null;
  const [h, mi] = [Number(m[1]), Number(m[2])];
  if (h > 23 || mi > 59) return null;
  return h * 60 + mi;
};

const requireDate = (date: LocalDate): number => {
  const ms = dateToUtcMs(date);
  if (ms === null) throw new RangeError(`Not a calendar date: ${date}`);
  return ms;
};

const requireTime = (time: LocalTime): number => {
  const mins = timeToMinutes(time);
  if (mins === null) throw new RangeError(`Not a 24-hour time: ${time}`);
  return mins;
};

const formatDate = (utcMs: number): LocalDate => new Date(utcMs).toISOString().slice(0, 10);

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The calendar date in `zone` at `at`. */
export function localDateOf(at: Instant, zone: string): LocalDate {
  return formatDate(wallOf(zoneOf(zone), at));
}

/** The wall-clock time (to the minute, seconds dropped) in `zone` at `at`. */
export function localTimeOf(at: Instant, zone: string): LocalTime {
  const wall = new Date(wallOf(zoneOf(zone), at));
  return `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`;
}

/** `date` plus `n` calendar days (n may be negative). */
export function addDays(date: LocalDate, n: number): LocalDate {
  return formatDate(requireDate(date) + n * DAY);
}

/** Calendar days from `from` to `to` (`to - from`): 1 from today to tomorrow, -1 back. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((requireDate(to) - requireDate(from)) / DAY);
}

/**
 * The instant when the wall clock in `zone` reads `time` on `date`.
 *
 * - Fall-back (the time occurs twice): the EARLIER occurrence, so a nudge is never an hour later than promised.
 * - Spring-forward (the time does not exist): the first valid instant after the gap, i.e. the transition itself.
 *   Luxon would instead push the time forward by the gap's length, and picks the later occurrence in some zones
 *   and the earlier in others, so we resolve both cases ourselves from the zone's offsets.
 */
export function resolveLocal(date: LocalDate, time: LocalTime, zone: string): Instant {
  const z = zoneOf(zone);
  const wall = requireDate(date) + requireTime(time) * MINUTE;
  // The offsets in force a day either side cover any single transition near this wall-clock time.
  const offsets = [...new Set([offsetMs(z, wall - DAY), offsetMs(z, wall), offsetMs(z, wall + DAY)])];
  const matches = offsets.map((o) => wall - o).filter((at) => wallOf(z, at) === wall);
  if (matches.length > 0) return Math.min(...matches);
  return firstInstantAfterGap(z, wall, offsets);
}

/**
 * `wall` falls in a gap: find the transition by binary search over whole minutes between an instant that reads
 * earlier than `wall` and one that reads later. No assumption about the gap's length (Lord Howe's is 30 minutes).
 */
const firstInstantAfterGap = (z: IANAZone, wall: number, offsets: number[]): Instant => {
  let lo = Math.floor((wall - Math.max(...offsets)) / MINUTE);
  let hi = Math.ceil((wall - Math.min(...offsets)) / MINUTE);
  if (wallOf(z, lo * MINUTE) >= wall || wallOf(z, hi * MINUTE) <= wall) {
    // Only an exotic history (two transitions within a day) gets here; widen to a generous window.
    lo = Math.floor((wall - 2 * DAY) / MINUTE);
    hi = Math.ceil((wall + 2 * DAY) / MINUTE);
  }
  // Invariant: the wall clock at lo reads before `wall`, at hi after it.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallOf(z, mid * MINUTE) > wall) hi = mid;
    else lo = mid;
  }
  return hi * MINUTE;
};

// ---------------------------------------------------------------------------------------------------- quiet hours

/** Whether a wall-clock time is inside `[start, end)`; the span may wrap midnight; start === end means none. */
export function timeInQuietHours(time: LocalTime, quiet: QuietHours | null): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  // 'HH:MM' strings compare in clock order.
  if (quiet.start < quiet.end) return time >= quiet.start && time < quiet.end;
  return time >= quiet.start || time < quiet.end;
}

/** Whether `at` falls in the person's quiet hours, read on their own wall clock. */
export function inQuietHours(at: Instant, zone: string, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  return timeInQuietHours(localTimeOf(at, zone), quiet);
}

/**
 * The first instant after `at` at which the person's quiet hours begin (on their own wall clock, so across a DST
 * change too); null when they have none. A nudge handed to a worker must not land after it.
 */
export function quietHoursStartAfter(at: Instant, zone: string, quiet: QuietHours | null): Instant | null {
  if (!quiet || quiet.start === quiet.end) return null;
  const today = localDateOf(at, zone);
  for (let i = 0; i <= 2; i++) {
    const start = resolveLocal(addDays(today, i), quiet.start, zone);
    if (start > at) return start;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------- schemas

let zoneNames: Map<string, string> | undefined;

/**
 * The zone as the runtime spells it ('europe/london' → 'Europe/London'), but never renamed: Intl would turn
 * 'Asia/Kolkata' into 'Asia/Calcutta', which would surprise the person who typed it.
 */
const canonicalZoneCase = (zone: string): string => {
  zoneNames ??= new Map(Intl.supportedValuesOf('timeZone').map((n) => [n.toLowerCase(), n]));
  const listed = zoneNames.get(zone.toLowerCase());
  if (listed) return listed;
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
};

/** A schema that trims a string, parses it with `parse` (undefined = invalid), and explains a failure kindly. */
const parsedString = <T>(
  notText: string,
  parse: (s: string) => T | undefined,
  problem: (input: string) => string,
) =>
  z
    .string({ error: notText })
    .trim()
    .transform((input, ctx): T => {
      const value = parse(input);
      if (value === undefined) {
        ctx.addIssue({ code: 'custom', message: problem(input), input });
        return z.NEVER;
      }
      return value;
    });

const ZONE_EXAMPLES = 'Try a city name like Europe/London or America/New_York.';

/** What to say about a zone we do not take: a close match when there is one, an example otherwise. */
const zoneProblem = (input: string): string => {
  if (input === '') return `Please give a time zone. ${ZONE_EXAMPLES}`;
  const close = suggestZones(input);
  const abbreviation = /^[A-Za-z]{2,5}$/.test(input) && input === input.toUpperCase();
  const lead = abbreviation
    ? `“${input}” is a short name that doesn't follow daylight saving, so I use place names instead.`
    : `I don't know the time zone “${input}”.`;
  if (close.length === 0) return `${lead} ${ZONE_EXAMPLES}`;
  const options = close.length === 1 ? close[0] : `${close.slice(0, -1).join(', ')} or ${close.at(-1)}`;
  return `${lead} Did you mean ${options}?`;
};

/**
 * An IANA Area/City time zone (or UTC). Spaces become underscores ('America/New York') and the letter case is
 * corrected; abbreviations (EST), fixed offsets and bare city names are refused with a suggestion.
 */
export const zoneSchema = parsedString<string>(
  `Please give a time zone as text. ${ZONE_EXAMPLES}`,
  (s) => {
    const zone = canonicalInput(s.replace(/\s+/g, '_'));
    return isValidZone(zone) && isAreaCityName(zone) ? zone : undefined;
  },
  zoneProblem,
);

/** 'utc' → 'UTC'; other names get the runtime's own letter case, or Title_Case for a name it lists under another. */
const canonicalInput = (zone: string): string => {
  if (zone.toUpperCase() === 'UTC') return 'UTC';
  if (!isValidZone(zone)) return zone;
  const named = canonicalZoneCase(zone);
  if (named !== zone) return named;
  // 'asia/kathmandu': Intl lists it as Asia/Katmandu, so its spelling cannot come from the list.
  const titled = zone.replace(/(^|[/_])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
  return isValidZone(titled) ? titled : zone;
};

/** True for a zone a person may choose: one the runtime knows, named Area/City, or UTC. */
export const isChoosableZone = (zone: string): boolean =>
  isValidZone(zone) && isAreaCityName(canonicalInput(zone));

const normaliseTime = (s: string): LocalTime | undefined => {
  const mins = timeToMinutes(s);
  return mins === null ? undefined : `${pad2(Math.floor(mins / 60))}:${pad2(mins % 60)}`;
};

const TIME_HINT = 'please give a 24-hour time like 08:30 or 21:00.';

/** A wall-clock time, 'H:MM' or 'HH:MM', normalised to 'HH:MM'. */
export const localTimeSchema = parsedString<LocalTime>(
  `Please give a time as text — ${TIME_HINT}`,
  normaliseTime,
  (input) => `“${input}” isn't a time I can use — ${TIME_HINT}`,
);

/** A real calendar date, 'YYYY-MM-DD'. */
export const localDateSchema = parsedString<LocalDate>(
  'Please give a date as text, like 2026-03-14 (year-month-day).',
  (s) => (dateToUtcMs(s) === null ? undefined : s),
  (input) => `“${input}” isn't a date I can use — please give a real date like 2026-03-14 (year-month-day).`,
);

const QUIET_SHAPE = /^(\d{1,2}:\d{2})\s*(?:-|–|—|to)\s*(\d{1,2}:\d{2})$/i;

const parseQuietHours = (s: string): QuietHours | null | undefined => {
  if (/^(off|none)$/i.test(s)) return null;
  const m = QUIET_SHAPE.exec(s);
  const start = normaliseTime(m?.[1] ?? '');
  const end = normaliseTime(m?.[2] ?? '');
  // Equal ends would silently mean "no quiet hours"; that is almost certainly a typo, so it is refused.
  if (start === undefined || end === undefined || start === end) return undefined;
  return { start, end };
};

/** Quiet hours as 'HH:MM-HH:MM' (may wrap midnight: 22:00-07:00), or 'off' / 'none' for no quiet hours (null). */
export const quietHoursSchema = parsedString<QuietHours | null>(
  'Please give quiet hours as text, like 22:00-07:00, or “off”.',
  parseQuietHours,
  (input) =>
    `“${input}” isn't a span of quiet hours I can use — please give a start and a different end in 24-hour time, like 22:00-07:00, or “off” for none.`,
);
