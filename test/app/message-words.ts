import type { Block, OutMessage } from '../../src/views/message.js';

/** Every string a message shows, in order, as one line (for `toContain` on what a person reads). */
export const said = (m: OutMessage): string =>
  m.blocks
    .flatMap((b: Block) =>
      b.type === 'list'
        ? b.items
        : b.type === 'fields'
          ? b.fields.flatMap((f) => [f.label, f.value])
          : b.type === 'link'
            ? [b.label, b.url]
            : b.type === 'scale'
              ? [b.label, ...b.buttons.map((a) => a.label)]
              : [b.text],
    )
    .join(' ');
