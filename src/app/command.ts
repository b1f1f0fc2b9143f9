import type { Participant } from '../domain/entities.js';
import type { OptionSpec, OptionSpecs, OptionValues } from '../domain/option-kinds.js';
import type { RawOptions } from '../domain/option-parse.js';
import type { OutMessage } from '../views/message.js';
import type { Actor } from './actor.js';
import type { AppDeps } from './deps.js';

/** Who may run a command. Decided in one place (src/app/access.ts), never left to a platform. */
export type Access = 'anyone' | 'participant' | 'facilitator' | 'admin';

export interface CommandContext {
  deps: AppDeps;
  actor: Actor;
  now: number;
  /** Every command the registry holds, in its order (what /help lists). */
  commands: readonly CommandDef[];
  /** The enrolled person running the command; throws a kind UserError when they have not enrolled. */
  me(): Participant;
}

export interface Leaf<O extends OptionSpecs = OptionSpecs> {
  description: string;
  /** Each option's kind (src/domain/option-kinds.ts), in the order the console reads positional words. */
  options: O;
  /** Example invocations shown in /help, without the leading slash and name. */
  examples?: string[];
  /**
   * The page form (src/app/page-forms.ts) that takes this leaf's chat-only options on Discord and Slack in link
   * mode: the command then answers with a private link to it instead of running.
   */
  pageForm?: string;
  /** Rearranges the raw words before they are read by kind (/start takes its zone and time in any order). */
  arrange?: (raw: RawOptions) => RawOptions;
  run(ctx: CommandContext, input: OptionValues<O>): OutMessage | Promise<OutMessage>;
}

export interface CommandDef {
  name: string;
  description: string;
  access: Access;
  /** A command is either one leaf or a set of named subcommands (e.g. /action add|list|done). */
  leaf?: Leaf;
  subcommands?: Record<string, Leaf>;
  /** The subcommand used when none is named (e.g. /settings alone shows the settings). */
  defaultSub?: string;
  /**
   * Where words go when the first one names no subcommand, for surfaces that read a typed line (the console,
   * Slack): `/journal Slept badly` means `/journal write Slept badly`.
   */
  textSub?: string;
}

/** Keeps each leaf's option types while the registry holds them as one type. */
export const leaf = <const O extends OptionSpecs>(l: Leaf<O>): Leaf => l as unknown as Leaf;
export const defineCommand = (c: CommandDef): CommandDef => c;

/**
 * The options a chat platform offers for a leaf: chat-only ones (health data a person types) only when the operator
 * lets people answer in chat. Discord registration and the Slack usage hint both read this.
 */
export const offeredOptions = (l: Leaf, answerInChat: boolean): [string, OptionSpec][] =>
  Object.entries(l.options).filter(([, o]) => answerInChat || o.chatOnly !== true);
