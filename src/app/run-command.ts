import { randomUUID } from 'node:crypto';
import { parseOptions } from '../domain/option-parse.js';
import { isUserError, UserError } from '../errors.js';
import type { Logger } from '../ports/logger.js';
import { message, type OutMessage, text } from '../views/message.js';
import { kindApology } from '../views/texts.js';
import { requireAccess } from './access.js';
import type { Actor } from './actor.js';
import type { CommandDef, Leaf } from './command.js';
import type { AppDeps } from './deps.js';
import { pageFormLink } from './page-forms.js';
import { requireParticipant } from './participants.js';
import { ROUTING_TEXTS } from './routing-texts.js';

export interface Invocation {
  name: string;
  sub?: string | undefined;
  options: Record<string, string | undefined>;
}

export type Registry = ReadonlyMap<string, CommandDef>;

export const registryOf = (commands: readonly CommandDef[]): Registry =>
  new Map(commands.map((c) => [c.name, c]));

/** The leaf an invocation names, or a kind error listing what exists. */
export function leafFor(cmd: CommandDef, sub: string | undefined): Leaf {
  if (cmd.leaf) return cmd.leaf;
  const subs = cmd.subcommands ?? {};
  const name = sub ?? cmd.defaultSub;
  const found = name ? subs[name] : undefined;
  if (!found) {
    const names = Object.keys(subs).map((s) => `/${cmd.name} ${s}`);
    throw new UserError(
      'unknown-subcommand',
      sub
        ? ROUTING_TEXTS.noSuchSubcommand(cmd.name, sub, names)
        : ROUTING_TEXTS.needsSubcommand(cmd.name, names),
    );
  }
  return found;
}

/** Check who may run it, read its options by kind, run it. Throws UserError for anything the person can fix. */
export async function runCommand(
  deps: AppDeps,
  registry: Registry,
  actor: Actor,
  inv: Invocation,
  now: number,
  surface: { thirdParty: boolean } = { thirdParty: false },
): Promise<OutMessage> {
  const cmd = registry.get(inv.name);
  if (!cmd) {
    throw new UserError('unknown-command', ROUTING_TEXTS.unknownCommand(inv.name));
  }
  requireAccess(cmd, actor);
  const l = leafFor(cmd, inv.sub);
  const commands = [...registry.values()];
  const ctx = { deps, actor, now, commands, me: () => requireParticipant(deps.store, actor) };
  // Someone not enrolled hears that first: a missing or mistyped option is not their problem yet.
  if (cmd.access === 'participant') ctx.me();
  // Link mode on a chat platform: what the person would type goes on the private page (design principle 1).
  if (l.pageForm && surface.thirdParty && !deps.settings.answerInChat) {
    const typed = Object.entries(l.options).some(
      ([k, o]) => o.chatOnly && (inv.options[k] ?? '').trim() !== '',
    );
    return pageFormLink(deps, ctx.me(), l.pageForm, typed, now);
  }
  const input = parseOptions(l.options, l.arrange ? l.arrange(inv.options) : inv.options);
  return l.run(ctx, input);
}

/**
 * The one place an error becomes a reply: a UserError is shown as it is; anything else is logged with its
 * context and the person gets an apology with a reference they can quote.
 */
export function replyForError(e: unknown, log: Logger, context: Record<string, unknown>): OutMessage {
  if (isUserError(e)) return message(text(e.message));
  const ref = randomUUID().slice(0, 8);
  log.error({ err: e, ref, ...context }, 'interaction failed');
  return message(text(kindApology(ref)));
}
