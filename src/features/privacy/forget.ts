import type { AppDeps } from '../../app/deps.js';
import type { Participant } from '../../domain/entities.js';
import { buttonId } from '../../views/button-id.js';
import { heading, notice, type OutMessage, text } from '../../views/message.js';

export function forgetRequest(): OutMessage {
  return {
    blocks: [
      heading('Erase everything?'),
      text(
        'This permanently deletes your check-ins, journal, intentions, action plans, session dates and settings. It cannot be undone. If you might want them later, /export first.',
      ),
    ],
    buttons: [
      { id: buttonId('forget.confirm'), label: 'Yes, erase everything', style: 'danger' },
      { id: buttonId('forget.cancel'), label: 'Keep my data', style: 'secondary' },
    ],
  };
}

/**
 * Erase the person. The store deletes every row that refers to them, in every table, in one transaction (the
 * safety net: no feature can forget to list a table); then each feature erases what it keeps elsewhere.
 */
export function forgetConfirmed(deps: AppDeps, p: Participant): OutMessage {
  const queued = deps.store.deliveries.forParticipant(p.id).filter((d) => d.status === 'pending');
  deps.store.forget(p.id);
  for (const part of deps.dataParts.forgets) part(deps, p);
  // Their nudges may already wait in the queue with their chat id: take them back too.
  deps.outbox.withdraw(
    p.platform,
    queued.map((d) => d.key),
  );
  deps.log.info({ participant: p.id }, 'participant erased on request');
  return {
    blocks: [
      text(
        'Done. Everything Interlude held about you has been erased. If you ever want to come back, /start begins afresh.',
      ),
      notice('/crisis still works at any time, for anyone.'),
    ],
  };
}
