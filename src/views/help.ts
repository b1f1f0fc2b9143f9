import { UserError } from '../errors.js';
import { heading, list, notice, type OutMessage, text } from './message.js';

/** What /help shows of one command or subcommand; src/app/command.ts's definitions have this shape. */
interface Leaf {
  description: string;
  options: Readonly<Record<string, { description: string }>>;
  examples?: string[];
}
export interface HelpCommand {
  name: string;
  description: string;
  leaf?: Leaf;
  subcommands?: Record<string, Leaf>;
}

const optionList = (l: Leaf) => Object.entries(l.options).map(([name, o]) => `${name}: ${o.description}`);

/**
 * /help lists the commands it is given (the caller gives only those the person may run, src/app/access.ts);
 * /help <name> explains one of them, with its options and examples.
 */
export function helpMessage(commands: readonly HelpCommand[], name?: string): OutMessage {
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
