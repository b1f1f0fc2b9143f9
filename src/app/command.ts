import type { z } from 'zod';
import type { Participant } from '../ports.js';
import type { OutMessage } from '../views/message.js';
import type { Actor } from './actor.js';
import type { AppDeps } from './deps.js';

/** Who may run a command. Checked in the app layer (src/app/run-command.ts), never left to a platform. */
export type Access = 'anyone' | 'participant' | 'facilitator' | 'admin';

export interface CommandContext {
  deps: AppDeps;
  actor: Actor;
  now: number;
  /** The enrolled person running the command; throws a kind UserError when they have not enrolled. */
  me(): Participant;
}

// Options are a zod object of string-valued fields (what every chat surface delivers), each `.describe()`d;
// the field order is the order the console reads positional words in.
type Options = z.ZodObject<Record<string, z.ZodType<unknown, string | undefined>>>;

export interface Leaf<S extends Options = Options> {
  description: string;
  options: S;
  /** Example invocations shown in /help, without the leading slash and name. */
  examples?: string[];
  /**
   * Options a platform can offer a native picker for (Discord's role option); the value still arrives as a string
   * (the role id) and is validated by `options` like any other.
   */
  optionKinds?: Partial<Record<string, 'role'>>;
  run(ctx: CommandContext, input: z.output<S>): OutMessage | Promise<OutMessage>;
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
   * Where words go when the first one names no subcommand, for surfaces that read a typed line (the console):
   * `/journal Slept badly` means `/journal write Slept badly`.
   */
  textSub?: string;
}

/** Keeps each leaf's option types while the registry holds them as one type. */
export const leaf = <S extends Options>(l: Leaf<S>): Leaf => l as unknown as Leaf;
export const defineCommand = (c: CommandDef): CommandDef => c;
