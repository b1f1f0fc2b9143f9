/**
 * The environment for a process a test starts: only what finding node needs, the clock shift of
 * `npm run test:shifted` (NODE_OPTIONS and its setting, so a child reads the same shifted clock as the test), and
 * the test's own settings. Nothing from the developer's Interlude environment leaks in.
 */
const KEEP = ['PATH', 'HOME', 'TMPDIR', 'SystemRoot', 'NODE_OPTIONS', 'INTERLUDE_CLOCK_SHIFT_DAYS'] as const;

export function childEnv(settings: Record<string, string> = {}): Record<string, string> {
  const base: Record<string, string> = {};
  for (const k of KEEP) {
    const v = process.env[k];
    if (v) base[k] = v;
  }
  return { ...base, ...settings };
}
