/**
 * What a person typed into a check-in modal that was refused (a sleep of 7, say), kept in memory for a while so
 * the "Try again" modal opens with their words in it. Lost on restart, which is acceptable for a 30-minute aid.
 */
export class DraftCache {
  private readonly items = new Map<string, { fields: Record<string, string>; until: number }>();

  constructor(
    private readonly ttlMs = 30 * 60_000,
    private readonly max = 10_000,
  ) {}

  put(key: string, fields: Record<string, string>, now: number): void {
    this.items.delete(key);
    this.items.set(key, { fields, until: now + this.ttlMs });
    // Oldest first in a Map: drop from the front when full.
    while (this.items.size > this.max) {
      const first = this.items.keys().next().value;
      if (first === undefined) break;
      this.items.delete(first);
    }
  }

  take(key: string, now: number): Record<string, string> {
    const d = this.items.get(key);
    this.items.delete(key);
    return d && d.until > now ? d.fields : {};
  }

  clear(key: string): void {
    this.items.delete(key);
  }
}
