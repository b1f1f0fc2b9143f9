import type { AppDeps } from '../../app/deps.js';
import type { ActionPlan, Participant } from '../../domain/entities.js';
import { freeText } from '../../domain/text-input.js';
import { parseInput } from '../../domain/validation.js';
import { UserError } from '../../errors.js';
import { heading, list, type OutMessage, text } from '../../views/message.js';

const actionText = freeText('action');
const line = (a: ActionPlan) => `#${a.seq} ${a.status === 'done' ? '✓ ' : ''}${a.text}`;

export function addAction(deps: AppDeps, p: Participant, raw: string | undefined, now: number): OutMessage {
  const body = parseInput(actionText, raw ?? '', 'invalid-action');
  const a = deps.store.actions.add(p.id, body, now);
  return {
    blocks: [
      text(
        `Added as #${a.seq}. Small and specific works best — when it's done, mark it with /action done ${a.seq}.`,
      ),
    ],
  };
}

export function listActions(deps: AppDeps, p: Participant): OutMessage {
  const open = deps.store.actions.list(p.id, 'open');
  const done = deps.store.actions.list(p.id, 'done').slice(-5);
  if (open.length === 0 && done.length === 0) {
    return {
      blocks: [
        text(
          'No action plans yet. Turn an insight into one small step: /action add Walk for ten minutes after lunch on weekdays',
        ),
      ],
    };
  }
  return {
    blocks: [
      heading('Open'),
      open.length
        ? list(open.map(line))
        : text('Nothing open — well done, or time to pick a new small step.'),
      ...(done.length ? [heading('Recently done'), list(done.map(line))] : []),
    ],
    sensitive: true,
  };
}

export function completeAction(deps: AppDeps, p: Participant, seq: number, now: number): OutMessage {
  const a = deps.store.actions.bySeq(p.id, seq);
  if (!a)
    throw new UserError('no-such-action', `You have no action #${seq}. /action list shows your actions.`);
  if (a.status === 'done') return { blocks: [text(`#${seq} was already marked done. 🌱`)] };
  deps.store.actions.setStatus(a.id, 'done', now);
  return { blocks: [text(`Marked #${seq} done. That is a real step — nice work.`)] };
}
