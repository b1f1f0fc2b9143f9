import type { CommandDef, Leaf } from '../app/command.js';
import type { Invocation, Registry } from '../app/run-command.js';

interface Token {
  text: string;
  start: number;
}

const tokens = (s: string): Token[] =>
  [...s.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index ?? 0 }));

/**
 * Read a typed command line (the console, Slack): `/name [sub] [option:value …] [positional words…]`, by the
 * command's declared options. The rules, so free text never loses a word:
 *
 * - A word is the subcommand when the command has that subcommand and either the subcommand takes options or
 *   nothing follows it. For a command that also takes free text (a `textSub`) the word must be written exactly,
 *   in lower case: `/intention Set boundaries` is an intention that starts with "Set".
 * - `name:value` (or `name=value`) names an option only when `name` is one of the leaf's options, in lower case.
 * - Positional words fill the options in declared order. A text option takes the rest of the line exactly as
 *   typed, from where it starts: nothing inside it is read as an option. So does the last option left.
 */
export function parseCommandLine(line: string, registry: Registry): Invocation {
  const body = line.replace(/^\s*\//, '');
  const toks = tokens(body);
  const name = (toks[0]?.text ?? '').toLowerCase();
  const cmd = registry.get(name);
  if (!cmd) return { name, options: {} };
  let rest = toks.slice(1);
  const { sub, leaf, consumed } = pickSub(cmd, rest);
  if (consumed) rest = rest.slice(1);
  if (!leaf) return { name, sub, options: {} };
  return { name, sub, options: fillOptions(leaf, body, rest) };
}

function pickSub(
  cmd: CommandDef,
  rest: Token[],
): { sub: string | undefined; leaf: Leaf | undefined; consumed: boolean } {
  if (cmd.leaf) return { sub: undefined, leaf: cmd.leaf, consumed: false };
  const subs = cmd.subcommands ?? {};
  const word = rest[0]?.text;
  if (word === undefined) {
    const sub = cmd.defaultSub;
    return { sub, leaf: sub ? subs[sub] : undefined, consumed: false };
  }
  const asked = cmd.textSub ? word : word.toLowerCase();
  const named = Object.hasOwn(subs, asked) ? subs[asked] : undefined;
  // "/journal read the letter again" is an entry, not the read subcommand with stray words after it.
  if (named && (Object.keys(named.options).length > 0 || rest.length === 1))
    return { sub: asked, leaf: named, consumed: true };
  if (cmd.textSub) return { sub: cmd.textSub, leaf: subs[cmd.textSub], consumed: false };
  // An unknown word is passed on, so the app can list the subcommands there are.
  return { sub: word.toLowerCase(), leaf: undefined, consumed: true };
}

function fillOptions(leaf: Leaf, body: string, rest: Token[]): Record<string, string> {
  const names = Object.keys(leaf.options);
  const isText = (n: string) => leaf.options[n]?.kind === 'text';
  const last = names[names.length - 1];
  const out: Record<string, string> = {};
  const named = (t: Token) => {
    const m = /^([a-z][a-z-]*)[:=](.*)$/.exec(t.text);
    const key = m?.[1];
    return key && names.includes(key) && out[key] === undefined ? { key, value: m?.[2] ?? '' } : undefined;
  };
  const restOfLine = (from: number) => body.slice(from).trim();
  for (const [i, t] of rest.entries()) {
    const n = named(t);
    if (n) {
      // A text option, or the last option with no other named option after it, holds the rest of the line.
      const takesRest = isText(n.key) || (n.key === last && !rest.slice(i + 1).some((u) => named(u)));
      if (!takesRest) {
        out[n.key] = n.value;
        continue;
      }
      out[n.key] = restOfLine(t.start + n.key.length + 1);
      break;
    }
    const free = names.filter((k) => out[k] === undefined);
    const next = free[0];
    if (next === undefined) break;
    if (free.length === 1 || isText(next)) {
      out[next] = restOfLine(t.start);
      break;
    }
    out[next] = t.text;
  }
  return out;
}
