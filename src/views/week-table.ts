import type { Checkin } from '../domain/entities.js';
import { addDays } from '../domain/local-time.js';
import type { Block } from './message.js';
import { formatDate } from './when.js';

/** One line a day, latest check-in of each day: a small table every surface can show. */
export function weekTable(checkins: readonly Checkin[], from: string, to: string): Block[] {
  const byDate = new Map<string, Checkin>();
  for (const c of checkins) byDate.set(c.localDate, c);
  const items: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const c = byDate.get(d);
    items.push(
      c
        ? `${formatDate(d)}: mood ${c.mood}/10 · sleep ${c.sleep}/5 · energy ${c.energy}/5 · anxiety ${c.anxiety}/5`
        : `${formatDate(d)}: —`,
    );
  }
  return [
    { type: 'heading', text: 'Your last 7 days' },
    { type: 'list', items },
  ];
}
