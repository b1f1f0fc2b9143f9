import { actionId, parseActionId } from '../app/action-id.js';
import type { ActionButton, OutMessage } from './message.js';

/**
 * How a check-in is asked on a chat platform (Discord, Slack). Shared so both ask the same way.
 *
 * Link mode (the default): the link to the private page is the way in, so a `checkin.open` button beside it is
 * dropped, and a form request is not shown in the chat. Chat mode (ANSWER_IN_CHAT=true): a check-in starts with mood
 * as buttons 1-10; pressing one asks for the rest in a modal (a form request with `mood` set).
 */
export function shapeForChat(m: OutMessage, answerInChat: boolean): OutMessage {
  const actions = m.actions ?? [];
  if (!answerInChat) {
    const hasLink = m.blocks.some((b) => b.type === 'link');
    const { form: _form, ...rest } = m;
    return {
      ...rest,
      actions: hasLink ? actions.filter((a) => parseActionId(a.id).verb !== 'checkin.open') : actions,
    };
  }
  // A form without a mood yet: ask mood with buttons first.
  if (m.form && m.form.mood === undefined) {
    const { form, ...rest } = m;
    return {
      ...rest,
      blocks: [...rest.blocks, { type: 'text', text: `Today’s reflection: ${form.promptText}` }],
      actions: [...moodButtons(form.localDate), ...actions],
    };
  }
  return {
    ...m,
    actions: actions.flatMap((a) => {
      const { verb, params } = parseActionId(a.id);
      return verb === 'checkin.open' ? moodButtons(params.date ?? '') : [a];
    }),
  };
}

/** Ten buttons, 1 to 10, each carrying the day it answers for. */
export function moodButtons(date: string): ActionButton[] {
  return Array.from({ length: 10 }, (_, i) => ({
    id: actionId('checkin.mood', date ? { date, v: i + 1 } : { v: i + 1 }),
    label: String(i + 1),
    style: 'secondary' as const,
  }));
}
