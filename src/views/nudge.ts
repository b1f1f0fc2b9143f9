import type { Delivery } from '../domain/entities.js';
import { actionId } from './action-id.js';
import type { OutMessage } from './message.js';
import { checkinNudgeLines, followUpLine, snoozeLine } from './texts.js';

/**
 * A nudge carries no health content at all (design principle 1): a warm line and buttons. What the day's prompt
 * is, or that it is a session day, is only shown once the person opens the check-in.
 */
export function nudgeMessage(
  d: Pick<Delivery, 'kind' | 'localDate' | 'participantId'>,
  checkinUrl: string,
): OutMessage {
  const day = Number(d.localDate.slice(-2));
  const line =
    d.kind === 'followup'
      ? followUpLine
      : d.kind === 'snooze'
        ? snoozeLine
        : (checkinNudgeLines[(day + d.participantId) % checkinNudgeLines.length] ??
          checkinNudgeLines[0] ??
          '');
  const date = d.localDate;
  return {
    blocks: [
      { type: 'text', text: line },
      { type: 'link', label: 'Open your private check-in page', url: checkinUrl },
    ],
    actions: [
      { id: actionId('checkin.open', { date }), label: 'Check in', style: 'primary' },
      { id: actionId('nudge.skip', { date }), label: 'Skip today', style: 'secondary' },
      ...(d.kind === 'checkin'
        ? [
            { id: actionId('nudge.snooze', { m: 60 }), label: 'Snooze 1 hour', style: 'secondary' as const },
            {
              id: actionId('nudge.snooze', { m: 180 }),
              label: 'Snooze 3 hours',
              style: 'secondary' as const,
            },
          ]
        : []),
    ],
  };
}
