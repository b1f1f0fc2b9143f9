import type { REST } from 'discord.js';
import { Routes } from 'discord.js';
import type { CommandDef } from '../../app/command.js';
import { type DiscordCommand, type DiscordOption, discordCommands } from './command-data.js';

export interface DeployResult {
  scope: string;
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
}

type LooseOption = Partial<DiscordOption> & { options?: LooseOption[] };
/** Discord leaves out `required: false` and empty option lists when it echoes commands back. */
const sameOptions = (os: LooseOption[] | undefined): unknown[] =>
  (os ?? []).map((o) => ({
    type: o.type,
    name: o.name,
    description: o.description,
    required: o.required === true,
    choices: o.choices ?? [],
    min_value: o.min_value ?? null,
    max_value: o.max_value ?? null,
    max_length: o.max_length ?? null,
    options: sameOptions(o.options),
  }));

/** The fields Discord echoes back that we set; anything else it adds (ids, versions) is not a change. */
const comparable = (c: Partial<DiscordCommand>) =>
  JSON.stringify({
    description: c.description,
    options: sameOptions(c.options),
    contexts: c.contexts ?? null,
    default_member_permissions: c.default_member_permissions ?? null,
  });

/**
 * Register every command with one bulk overwrite (to one server when guildId is given: instant, good for
 * trying things; globally otherwise), and say what changed compared with what Discord had.
 */
export async function deployCommands(
  rest: REST,
  applicationId: string,
  guildId: string | null,
  commands: readonly CommandDef[],
  answerInChat = false,
): Promise<DeployResult> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const before = (await rest.get(route)) as Partial<DiscordCommand>[];
  const wanted = discordCommands(commands, answerInChat);
  await rest.put(route, { body: wanted });
  const old = new Map(before.map((c) => [c.name ?? '', c]));
  const result: DeployResult = {
    scope: guildId ? `server ${guildId}` : 'global',
    added: [],
    changed: [],
    removed: [],
    unchanged: [],
  };
  for (const c of wanted) {
    const prev = old.get(c.name);
    if (!prev) result.added.push(c.name);
    else if (comparable(prev) !== comparable(c)) result.changed.push(c.name);
    else result.unchanged.push(c.name);
    old.delete(c.name);
  }
  result.removed.push(...old.keys());
  return result;
}

export const describeDeploy = (r: DeployResult): string =>
  [
    `Registered ${r.added.length + r.changed.length + r.unchanged.length} commands (${r.scope}).`,
    `  added:     ${r.added.map((n) => `/${n}`).join(' ') || '—'}`,
    `  changed:   ${r.changed.map((n) => `/${n}`).join(' ') || '—'}`,
    `  removed:   ${r.removed.map((n) => `/${n}`).join(' ') || '—'}`,
    `  unchanged: ${r.unchanged.length}`,
    r.scope === 'global'
      ? 'Global commands can take a few minutes to appear in Discord.'
      : 'Server commands appear at once.',
  ].join('\n');
