import type { Block, Button, OutMessage } from '../../views/message.js';

// Terminal escape sequences in a person's text could move the cursor or recolour the screen: show them inert.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const ESCAPES = /[\u001B\u009B]/g;
const inert = (s: string) => s.replace(ESCAPES, '␛');

const indent = (s: string, prefix: string) =>
  inert(s)
    .split('\n')
    .map((l) => `${prefix}${l}`)
    .join('\n');

function block(b: Block): string {
  switch (b.type) {
    case 'heading':
      return `── ${inert(b.text)} ──`;
    case 'text':
      return indent(b.text, '  ');
    case 'quote':
      return indent(b.text, '  │ ');
    case 'list':
      return b.items.map((i) => indent(i, '  • ').replace(/\n {2}• /g, '\n    ')).join('\n');
    case 'fields':
      return b.fields.map((f) => `  ${inert(f.label)}: ${inert(f.value)}`).join('\n');
    case 'notice':
      return indent(b.text, '  ! ');
    case 'link':
      return `  ${inert(b.label)}: ${inert(b.url)}`;
    case 'scale':
      return `  ${inert(b.label)} ${b.buttons.map((a) => inert(a.label)).join(' · ')}`;
  }
}

export const renderActions = (actions: readonly Button[]): string =>
  `  ${actions.map((a, i) => `[${i + 1}] ${inert(a.label)}`).join('   ')}`;

/** A neutral message as terminal lines. Buttons become numbered choices the person answers by typing the number. */
export function renderMessage(m: OutMessage): string {
  const parts = m.blocks.map(block);
  if (m.buttons?.length) parts.push(renderActions(m.buttons));
  return parts.join('\n');
}
