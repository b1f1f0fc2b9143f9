import type { Registry } from '../../app/run-command.js';
import type { Block, OutMessage } from '../../views/message.js';

/**
 * On Slack every command is `/interlude <name>` (see the README for why), but Interlude's texts name commands as
 * `/checkin`, `/help`. Our own texts are rewritten; a person's words (quotes) never are.
 */
export function slackCommandNames(registry: Registry): ReadonlySet<string> {
  return new Set(registry.keys());
}

export function slackify(m: OutMessage, names: ReadonlySet<string>, slash = '/interlude'): OutMessage {
  const re = /(^|[\s(“"'‘])\/([a-z][a-z-]*)\b/g;
  const fix = (s: string) =>
    s.replace(re, (all, pre: string, name: string) => (names.has(name) ? `${pre}${slash} ${name}` : all));
  const block = (b: Block): Block => {
    switch (b.type) {
      case 'heading':
      case 'text':
      case 'notice':
        return { ...b, text: fix(b.text) };
      case 'list':
        return { ...b, items: b.items.map(fix) };
      default:
        return b;
    }
  };
  return { ...m, blocks: m.blocks.map(block) };
}
