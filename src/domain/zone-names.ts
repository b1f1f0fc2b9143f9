/**
 * Which time-zone names a person may give, and close matches when they give something else. Only IANA
 * Area/City names (and UTC): abbreviations such as EST are fixed offsets, so New York in summer would be an hour
 * off, and legacy names (US/Eastern, Etc/GMT+5 with its inverted sign) invite mistakes.
 */

/** The continents and oceans of the IANA database; `Etc` (fixed offsets) is left out on purpose. */
const AREAS = new Set([
  'Africa',
  'America',
  'Antarctica',
  'Arctic',
  'Asia',
  'Atlantic',
  'Australia',
  'Europe',
  'Indian',
  'Pacific',
]);

/** True for 'UTC' and names shaped Area/City (or Area/Region/City) with a known area. */
export function isAreaCityName(zone: string): boolean {
  if (zone === 'UTC') return true;
  const parts = zone.split('/');
  return parts.length >= 2 && AREAS.has(parts[0] ?? '') && parts.every((p) => p.length > 0);
}

let known: readonly string[] | undefined;

/** Every Area/City zone the runtime lists (Intl.supportedValuesOf), computed once. */
const knownZones = (): readonly string[] => {
  known ??= Intl.supportedValuesOf('timeZone').filter(isAreaCityName);
  return known;
};

/**
 * Abbreviations people type instead of a zone, with the zone most people who type them mean. Only a suggestion:
 * the person still chooses, so an EST typed in Toronto gets a question, not New York.
 */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  est: ['America/New_York'],
  edt: ['America/New_York'],
  et: ['America/New_York'],
  cst: ['America/Chicago'],
  cdt: ['America/Chicago'],
  mst: ['America/Denver', 'America/Phoenix'],
  mdt: ['America/Denver'],
  pst: ['America/Los_Angeles'],
  pdt: ['America/Los_Angeles'],
  gmt: ['Europe/London', 'UTC'],
  bst: ['Europe/London'],
  cet: ['Europe/Paris', 'Europe/Berlin'],
  cest: ['Europe/Paris', 'Europe/Berlin'],
  aest: ['Australia/Sydney', 'Australia/Brisbane'],
};

const squash = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');

/** Edit distance, capped: anything past `max` counts as too far. */
const distance = (a: string, b: string, max: number): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? max + 1;
};

const titleCase = (s: string): string =>
  s
    .split('_')
    .map((w) => (w ? `${w[0]?.toUpperCase()}${w.slice(1).toLowerCase()}` : w))
    .join('_');

/**
 * The typed city under each area, when the runtime knows it ('kolkata' → Asia/Kolkata). Intl's own list spells
 * some cities by their old names (Asia/Calcutta), so asking by the modern name first keeps the name people use.
 */
const probeAreas = (input: string): string[] => {
  const city = titleCase(input.trim().replace(/\s+/g, '_'));
  if (!/^[A-Za-z_-]+$/.test(city)) return [];
  const found: string[] = [];
  for (const area of AREAS) {
    const name = `${area}/${city}`;
    try {
      const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
      found.push(resolved.toLowerCase() === name.toLowerCase() ? resolved : name);
    } catch {
      // Not a zone under this area.
    }
  }
  return found;
};

/**
 * Up to `limit` zones close to what the person typed: 'London' → Europe/London, 'new york' → America/New_York,
 * 'Londn' → Europe/London, 'EST' → America/New_York. Empty when nothing is close.
 */
export function suggestZones(input: string, limit = 3): string[] {
  const typed = squash(input);
  if (typed === '') return [];
  const abbreviated = ABBREVIATIONS[typed];
  if (abbreviated) return abbreviated.slice(0, limit);
  const cityOf = (zone: string): string => squash(zone.slice(zone.lastIndexOf('/') + 1));
  const zones = knownZones();
  const probed = probeAreas(input);
  if (probed.length > 0) return probed.slice(0, limit);
  const exact = zones.filter((z) => cityOf(z) === typed || squash(z) === typed);
  if (exact.length > 0) return exact.slice(0, limit);
  // A typo allowance that grows with the length of the name, so 'Rome' does not suggest 'Nome'.
  const max = typed.length <= 4 ? 0 : typed.length <= 7 ? 1 : 2;
  return zones
    .map((z) => ({ z, d: Math.min(distance(typed, cityOf(z), max), distance(typed, squash(z), max)) }))
    .filter((c) => c.d <= max)
    .sort((a, b) => a.d - b.d || a.z.localeCompare(b.z))
    .slice(0, limit)
    .map((c) => c.z);
}
