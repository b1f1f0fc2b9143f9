import { linkFor } from '../../app/links.js';
import type { NudgeContext, NudgeKindDef } from '../../app/nudge-kinds.js';
import { isSkipped } from '../../domain/schedule.js';
import type { CheckinNudgeKind } from '../../domain/types.js';
import type { OutMessage } from '../../views/message.js';
import { checkinNudgeLine, nudgeMessage } from '../../views/nudge.js';
import { nudgeSessionExtra } from '../sessions/question.js';

/** A check-in nudge is no longer wanted once the day is checked in or skipped. */
const settled = ({ deps, participant: p, delivery: d }: NudgeContext): boolean =>
  isSkipped(p, d.localDate) || deps.store.checkins.existsOn(p.id, d.localDate);

function message(
  kind: CheckinNudgeKind,
  { deps, participant: p, delivery: d, now }: NudgeContext,
): OutMessage {
  const nudge = nudgeMessage({
    line: checkinNudgeLine(kind, d.localDate, p.id),
    localDate: d.localDate,
    checkinUrl: linkFor(deps, p, 'checkin', now, d.localDate),
    snooze: kind === 'checkin',
  });
  if (kind !== 'checkin') return nudge;
  // The day's nudge also asks whether a planned session took place (see session-question.ts).
  const extra = nudgeSessionExtra(deps, p, now);
  return {
    ...nudge,
    blocks: [...nudge.blocks, ...extra.blocks],
    buttons: [...(nudge.buttons ?? []), ...(extra.buttons ?? [])],
  };
}

const kind = (id: CheckinNudgeKind, quietHours: NudgeKindDef['quietHours']): NudgeKindDef => ({
  id,
  quietHours,
  settled,
  message: (ctx) => message(id, ctx),
});

/**
 * The check-in's nudges, which its schedule plans (domain/schedule.ts). The day's nudge comes at the time the
 * person chose, even inside their quiet hours; the follow-up and a snooze, which we start, are held back by them.
 */
export const CHECKIN_NUDGES: readonly NudgeKindDef[] = [
  kind('checkin', 'chosen-time'),
  kind('followup', 'hold-back'),
  kind('snooze', 'hold-back'),
];
