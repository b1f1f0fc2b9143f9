import { type CommandDef, type Leaf, offeredOptions } from '../../app/command.js';
import type { OptionKind, OptionSpec } from '../../domain/option-kinds.js';

/** Discord's shapes for registering commands (https://discord.com/developers/docs/interactions/application-commands). */
export interface DiscordOption {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  choices?: { name: string; value: string }[];
  min_value?: number;
  max_value?: number;
  max_length?: number;
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

const SUB_COMMAND = 1;
const DESCRIPTION_LIMIT = 100;
/** Discord's longest string option value. */
const STRING_LIMIT = 6000;
const MANAGE_GUILD = String(1 << 5);

/** Each kind's native option type: dates, times, zones and free text travel as strings and are read by the app. */
const OPTION_TYPE: Record<OptionKind, number> = {
  date: 3,
  time: 3,
  'time-range': 3,
  duration: 3,
  zone: 3,
  text: 3,
  choice: 3,
  integer: 4,
  'on-off': 5,
  user: 6,
  channel: 7,
  role: 8,
};

const clip = (s: string) => (s.length <= DESCRIPTION_LIMIT ? s : `${s.slice(0, DESCRIPTION_LIMIT - 1)}…`);

/** The limits Discord can enforce itself, before the app reads the value. */
function limits(o: OptionSpec): Partial<DiscordOption> {
  switch (o.kind) {
    case 'choice':
      return { choices: o.choices.map((c) => ({ name: c, value: c })) };
    case 'integer':
      return {
        ...(o.min !== undefined ? { min_value: o.min } : {}),
        ...(o.max !== undefined ? { max_value: o.max } : {}),
      };
    case 'text':
      return o.maxLength !== undefined ? { max_length: Math.min(o.maxLength, STRING_LIMIT) } : {};
    default:
      return {};
  }
}

function leafOptions(l: Leaf, answerInChat: boolean): DiscordOption[] {
  const options = offeredOptions(l, answerInChat).map(([name, o]) => ({
    type: OPTION_TYPE[o.kind],
    name,
    description: clip(o.description),
    required: o.required === true,
    ...limits(o),
  }));
  // Discord wants required options first.
  return [...options.filter((o) => o.required), ...options.filter((o) => !o.required)];
}

/**
 * Every command from commands/, as Discord registers it. Facilitator and admin commands only make sense in a
 * server (roles live there); the rest work in DMs too. In link mode (`answerInChat` false, the default) chat-only
 * options are not registered: `/journal write` alone answers with the private page's link.
 */
export function discordCommands(commands: readonly CommandDef[], answerInChat = false): DiscordCommand[] {
  return commands.map((c) => {
    const inServerOnly = c.access === 'facilitator' || c.access === 'admin';
    return {
      name: c.name,
      description: clip(c.description),
      type: 1,
      options: c.leaf
        ? leafOptions(c.leaf, answerInChat)
        : Object.entries(c.subcommands ?? {}).map(([name, l]) => ({
            type: SUB_COMMAND,
            name,
            description: clip(l.description),
            options: leafOptions(l, answerInChat),
          })),
      contexts: inServerOnly ? [0] : [0, 1],
      integration_types: [0],
      ...(c.access === 'admin' ? { default_member_permissions: MANAGE_GUILD } : {}),
    };
  });
}
