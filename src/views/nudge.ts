import type { CheckinNudgeKind, LocalDate } from '../domain/types.js';
import { buttonId } from './button-id.js';
import type { OutMessage } from './message.js';
import { checkinNudgeLines, followUpLine, snoozeLine } from './texts.js';

/** What a check-in nudge shows: its line, the day it is for, the private page, whether snoozing is offered. */
export interface CheckinNudgeView {
  line: string;
  localDate: LocalDate;
  checkinUrl: string;
  /** Only the day's own nudge offers a snooze: a follow-up or a snooze is not snoozed again. */
  snooze: boolean;
}

/** The line each check-in nudge kind opens with; the day's nudge varies it by day and person. */
export function checkinNudgeLine(
  kind: CheckinNudgeKind,
  localDate: LocalDate,
  participantId: number,
): string {
  if (kind === 'followup') return followUpLine;
  if (kind === 'snooze') return snoozeLine;
  const day = Number(localDate.slice(-2));
  return checkinNudgeLines[(day + participantId) % checkinNudgeLines.length] ?? checkinNudgeLines[0] ?? '';
}

/**
 * A nudge carries no health content at all (design principle 1): a warm line and buttons. What the day's prompt
 * is, or that it is a session day, is only shown once the person opens the check-in.
 */
export function nudgeMessage(v: CheckinNudgeView): OutMessage {
  const date = v.localDate;
  return {
    blocks: [
      { type: 'text', text: v.line },
      { type: 'link', label: 'Open your private check-in page', url: v.checkinUrl },
    ],
    buttons: [
      { id: buttonId('checkin.open', { date }), label: 'Check in', style: 'primary' },
      { id: buttonId('nudge.skip', { date }), label: 'Skip today', style: 'secondary' },
      ...(v.snooze
        ? [
            { id: buttonId('nudge.snooze', { m: 60 }), label: 'Snooze 1 hour', style: 'secondary' as const },
            {
              id: buttonId('nudge.snooze', { m: 180 }),
              label: 'Snooze 3 hours',
              style: 'secondary' as const,
            },
          ]
        : []),
    ],
  };
}
