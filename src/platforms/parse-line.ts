import type { CommandDef, Leaf } from '../app/command.js';
import type { Invocation, Registry } from '../app/run-command.js';

interface Token {
  text: string;
  start: number;
}

const tokens = (s: string): Token[] =>
  [...s.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index ?? 0 }));

/**
 * Read a typed command line: `/name [sub] [option:value …] [positional words…]`. Positional words fill the
 * options in their declared order; the last option takes the rest of the line exactly as typed, so a journal
 * entry keeps its spacing and punctuation.
 */
export function parseCommandLine(line: string, registry: Registry): Invocation {
  const body = line.replace(/^\s*\//, '');
  const toks = tokens(body);
  const name = (toks[0]?.text ?? '').toLowerCase();
  const cmd = registry.get(name);
  if (!cmd) return { name, options: {} };
  let rest = toks.slice(1);
  const { sub, leaf } = pickSub(cmd, rest);
  if (sub && rest[0]?.text.toLowerCase() === sub) rest = rest.slice(1);
  if (!leaf) return { name, sub, options: {} };
  return { name, sub, options: fillOptions(leaf, body, rest) };
}

function pickSub(cmd: CommandDef, rest: Token[]): { sub: string | undefined; leaf: Leaf | undefined } {
  if (cmd.leaf) return { sub: undefined, leaf: cmd.leaf };
  const subs = cmd.subcommands ?? {};
  const first = rest[0]?.text.toLowerCase();
  if (first === undefined)
    return { sub: cmd.defaultSub, leaf: cmd.defaultSub ? subs[cmd.defaultSub] : undefined };
  const named = subs[first];
  // "/journal read the letter again" is an entry, not the read subcommand with stray words after it.
  if (named && (Object.keys(named.options.shape).length > 0 || rest.length === 1))
    return { sub: first, leaf: named };
  if (cmd.textSub) return { sub: cmd.textSub, leaf: subs[cmd.textSub] };
  return { sub: first, leaf: undefined };
}

function fillOptions(leaf: Leaf, body: string, rest: Token[]): Record<string, string> {
  const names = Object.keys(leaf.options.shape);
  const last = names[names.length - 1];
  const out: Record<string, string> = {};
  const keyOf = (t: Token) => {
    const key = /^([a-z-]+)[:=]/i.exec(t.text)?.[1]?.toLowerCase();
    return key && names.includes(key) && out[key] === undefined ? key : undefined;
  };
  for (const [i, t] of rest.entries()) {
    const m = /^([a-z-]+)[:=](.*)$/i.exec(t.text);
    const key = keyOf(t);
    if (key) {
      // The last option holds words (`text:Slept well`) unless another option follows it on the line.
      if (key !== last || rest.slice(i + 1).some((u) => keyOf(u) !== undefined)) {
        out[key] = m?.[2] ?? '';
        continue;
      }
      out[key] = body.slice(t.start + key.length + 1).trim();
      break;
    }
    const free = names.filter((n) => out[n] === undefined);
    const next = free[0];
    if (next === undefined) break;
    if (free.length === 1) {
      out[next] = body.slice(t.start).trim();
      break;
    }
    out[next] = t.text;
  }
  return out;
}
