import type { CommandDef, Leaf } from '../../app/command.js';

/** Discord's shapes for registering commands (https://discord.com/developers/docs/interactions/application-commands). */
export interface DiscordOption {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  options?: DiscordOption[];
}
export interface DiscordCommand {
  name: string;
  description: string;
  type: 1;
  options: DiscordOption[];
  /** 0: in a server, 1: in the bot's DMs. */
  contexts: number[];
  integration_types: number[];
  /** Hides a command from members without the permission (still checked in the app layer). */
  default_member_permissions?: string;
}

const STRING = 3;
const ROLE = 8;
const SUB_COMMAND = 1;
const DESCRIPTION_LIMIT = 100;
const MANAGE_GUILD = String(1 << 5);

const clip = (s: string) => (s.length <= DESCRIPTION_LIMIT ? s : `${s.slice(0, DESCRIPTION_LIMIT - 1)}…`);

function leafOptions(l: Leaf): DiscordOption[] {
  const options = Object.entries(l.options.shape).map(([name, schema]) => ({
    type: l.optionKinds?.[name] === 'role' ? ROLE : STRING,
    name,
    description: clip(schema.description ?? name),
    // Required when the option's schema refuses a missing value; optional ones get a kind error from the app.
    required: !schema.safeParse(undefined).success,
  }));
  // Discord wants required options first.
  return [...options.filter((o) => o.required), ...options.filter((o) => !o.required)];
}

/**
 * Every command from commands/, as Discord registers it. Facilitator and admin commands only make sense in a
 * server (roles live there); the rest work in DMs too.
 */
export function discordCommands(commands: readonly CommandDef[]): DiscordCommand[] {
  return commands.map((c) => {
    const inServerOnly = c.access === 'facilitator' || c.access === 'admin';
    return {
      name: c.name,
      description: clip(c.description),
      type: 1,
      options: c.leaf
        ? leafOptions(c.leaf)
        : Object.entries(c.subcommands ?? {}).map(([name, l]) => ({
            type: SUB_COMMAND,
            name,
            description: clip(l.description),
            options: leafOptions(l),
          })),
      contexts: inServerOnly ? [0] : [0, 1],
      integration_types: [0],
      ...(c.access === 'admin' ? { default_member_permissions: MANAGE_GUILD } : {}),
    };
  });
}
