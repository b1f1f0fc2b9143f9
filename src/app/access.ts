import { UserError } from '../errors.js';
import type { Actor } from './actor.js';
import type { CommandDef } from './command.js';

const ACCESS_TEXTS = {
  notFacilitator: (name: string) =>
    `/${name} is for the group's facilitators. If you think you should have access, ask whoever runs Interlude for your group.`,
  notAdmin: (name: string) =>
    `/${name} is for the people who run this server or workspace (on Discord: the Manage Server permission).`,
};

/**
 * The one rule for who may see and run a command: /help lists what this returns true for, and runCommand refuses
 * the rest. Enrolment ('participant') is checked when the command runs, because /help should still show it.
 */
export function mayRun(cmd: Pick<CommandDef, 'access'>, actor: Actor): boolean {
  switch (cmd.access) {
    case 'facilitator':
      return actor.isFacilitator;
    case 'admin':
      return actor.isSpaceAdmin === true;
    default:
      return true;
  }
}

/** Throws the kind refusal for a command this actor may not run. */
export function requireAccess(cmd: CommandDef, actor: Actor): void {
  if (mayRun(cmd, actor)) return;
  throw cmd.access === 'admin'
    ? new UserError('not-admin', ACCESS_TEXTS.notAdmin(cmd.name))
    : new UserError('not-facilitator', ACCESS_TEXTS.notFacilitator(cmd.name));
}

/** The commands this actor may run, in the registry's order. */
export const commandsFor = (commands: readonly CommandDef[], actor: Actor): CommandDef[] =>
  commands.filter((c) => mayRun(c, actor));
