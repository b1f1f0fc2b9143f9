import { moodField } from '../domain/checkin-form.js';
import { scaleSteps } from '../domain/form.js';
import { buttonId, parseButtonId } from './button-id.js';
import type { Block, Button, OutMessage } from './message.js';

/**
 * How a check-in is asked on a chat platform (Discord, Slack). Shared so both ask the same way.
 *
 * Link mode (the default): the link to the private page is the way in, so a `checkin.open` button beside it is
 * dropped, and a form request is not shown in the chat. Chat mode (ANSWER_IN_CHAT=true): a check-in starts with mood
 * as a scale block of buttons 1-10; pressing one asks for the rest in a modal (a form request with `mood` set).
 */
export function shapeForChat(m: OutMessage, answerInChat: boolean): OutMessage {
  const buttons = m.buttons ?? [];
  if (!answerInChat) {
    const hasLink = m.blocks.some((b) => b.type === 'link');
    const { form: _form, ...rest } = m;
    return {
      ...rest,
      buttons: hasLink ? buttons.filter((a) => parseButtonId(a.id).verb !== 'checkin.open') : buttons,
    };
  }
  // A form without a mood yet: ask mood with buttons first.
  if (m.form && m.form.mood === undefined) {
    const { form, ...rest } = m;
    return {
      ...rest,
      blocks: [
        ...rest.blocks,
        { type: 'text', text: `Today’s reflection: ${form.promptText}` },
        moodScale(form.localDate),
      ],
      buttons,
    };
  }
  const open = buttons.find((a) => parseButtonId(a.id).verb === 'checkin.open');
  if (!open) return m;
  return {
    ...m,
    blocks: [...m.blocks, moodScale(parseButtonId(open.id).params.date ?? '')],
    buttons: buttons.filter((a) => a !== open),
  };
}

const MOOD = moodField;

/** The mood question as a scale block: one button a point, each carrying the day it answers for. */
export const moodScale = (date: string): Block => ({
  type: 'scale',
  label: MOOD.question,
  buttons: moodButtons(date),
});

/** One button a point of the mood scale (1 to 10), each carrying the day it answers for. */
export function moodButtons(date: string): Button[] {
  return scaleSteps(MOOD).map((v) => ({
    id: buttonId('checkin.mood', date ? { date, v } : { v }),
    label: String(v),
    style: 'secondary' as const,
  }));
}
