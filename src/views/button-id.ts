/**
 * Buttons carry their meaning in an id like `nudge.snooze?m=60&date=2026-11-23`. Ids come back from platforms
 * untrusted, so handlers validate the parameters with zod before using them.
 */
export const buttonId = (verb: string, params: Record<string, string | number> = {}): string => {
  const q = new URLSearchParams(
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
  ).toString();
  return q ? `${verb}?${q}` : verb;
};

export const parseButtonId = (id: string): { verb: string; params: Record<string, string> } => {
  const at = id.indexOf('?');
  const verb = at === -1 ? id : id.slice(0, at);
  const params = at === -1 ? {} : Object.fromEntries(new URLSearchParams(id.slice(at + 1)));
  return { verb, params };
};
