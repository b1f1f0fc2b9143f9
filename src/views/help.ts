import type { CommandDef, Leaf } from '../app/command.js';
import { UserError } from '../errors.js';
import { heading, list, notice, type OutMessage, text } from './message.js';

const optionList = (l: Leaf) =>
  Object.entries(l.options.shape).map(([name, schema]) => `${name}: ${schema.description ?? ''}`);

/** /help lists every command; /help <name> explains one, with its options and examples. */
export function helpMessage(commands: readonly CommandDef[], name?: string): OutMessage {
  if (!name) {
    return {
      blocks: [
        heading('What I can do'),
        list(commands.map((c) => `/${c.name} — ${c.description}`)),
        text('Type /help followed by a command for more, for example: /help settings'),
        notice('If you are struggling right now, /crisis lists people you can reach at once.'),
      ],
    };
  }
  const cmd = commands.find((c) => c.name === name.replace(/^\//, '').trim().toLowerCase());
  if (!cmd) throw new UserError('unknown-command', `I don't have a /${name} command. /help lists them all.`);
  const leaves: [string, Leaf][] = cmd.leaf
    ? [[`/${cmd.name}`, cmd.leaf]]
    : Object.entries(cmd.subcommands ?? {}).map(([s, l]) => [`/${cmd.name} ${s}`, l]);
  return {
    blocks: [
      heading(`/${cmd.name}`),
      text(cmd.description),
      ...leaves.flatMap(([usage, l]) => {
        const opts = optionList(l);
        const examples = (l.examples ?? []).map((e) => `/${e}`);
        return [
          text(`${usage} — ${l.description}`),
          ...(opts.length ? [list(opts)] : []),
          ...(examples.length ? [list(examples.map((e) => `e.g. ${e}`))] : []),
        ];
      }),
    ],
  };
}
