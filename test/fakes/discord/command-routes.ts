/**
 * Application command routes: bulk overwrite (PUT), list (GET), single create (POST) and delete, global and per
 * guild. Ids stay stable per name + type across overwrites, like Discord's.
 */
import { commandProblem } from './command-validation.js';
import { snowflake } from './ids.js';
import { discordError, type Route, type RouteCtx, type RouteResult } from './router.js';
import type { FakeStore } from './store.js';
import type { Json } from './types.js';

function invalidForm(field: string, code: string, message: string): RouteResult {
  return discordError(400, 50035, 'Invalid Form Body', { [field]: { _errors: [{ code, message }] } });
}

function normaliseCommands(
  store: FakeStore,
  previous: Json[],
  body: Json,
  guildId?: string,
): Json[] | RouteResult {
  if (!Array.isArray(body))
    return invalidForm('_root', 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
  const seen = new Set<string>();
  const out: Json[] = [];
  for (const [i, c] of body.entries()) {
    if (typeof c?.name !== 'string' || !c.name)
      return invalidForm(`${i}.name`, 'BASE_TYPE_REQUIRED', 'This field is required');
    const problem = commandProblem(i, c);
    if (problem) return invalidForm(problem.field, problem.code, problem.message);
    const type = c.type ?? 1;
    const key = `${type}:${c.name}`;
    if (seen.has(key))
      return invalidForm('_errors', 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Duplicate name ${c.name}`);
    seen.add(key);
    const prior = previous.find((p) => p.name === c.name && p.type === type);
    out.push({
      name_localizations: null,
      description_localizations: null,
      options: [],
      default_member_permissions: null,
      nsfw: false,
      contexts: null,
      integration_types: [0],
      ...c,
      id: prior?.id ?? snowflake(),
      application_id: store.applicationId,
      version: snowflake(),
      type,
      description: c.description ?? '',
      ...(guildId ? { guild_id: guildId } : {}),
    });
  }
  return out;
}

function appGuard(ctx: RouteCtx): RouteResult | null {
  if (ctx.params.app !== ctx.store.applicationId) return discordError(404, 10002, 'Unknown Application');
  if (ctx.params.guild !== undefined && !ctx.store.guilds.has(ctx.params.guild)) {
    return discordError(403, 50001, 'Missing Access');
  }
  return null;
}

function commandList(ctx: RouteCtx): Json[] {
  const guild = ctx.params.guild;
  return guild === undefined ? ctx.store.commands.global : (ctx.store.commands.guild.get(guild) ?? []);
}

function setCommandList(ctx: RouteCtx, list: Json[]): void {
  const guild = ctx.params.guild;
  if (guild === undefined) {
    ctx.store.commands.global.splice(0, Infinity, ...list);
  } else {
    ctx.store.commands.guild.set(guild, list);
  }
}

const getCommands = (ctx: RouteCtx): RouteResult => appGuard(ctx) ?? { status: 200, body: commandList(ctx) };

function putCommands(ctx: RouteCtx): RouteResult {
  const guard = appGuard(ctx);
  if (guard) return guard;
  const list = normaliseCommands(ctx.store, commandList(ctx), ctx.payload.json, ctx.params.guild);
  if (!Array.isArray(list)) return list;
  setCommandList(ctx, list);
  return { status: 200, body: list };
}

function postCommand(ctx: RouteCtx): RouteResult {
  const guard = appGuard(ctx);
  if (guard) return guard;
  const current = commandList(ctx);
  const made = normaliseCommands(ctx.store, current, [ctx.payload.json], ctx.params.guild);
  if (!Array.isArray(made)) return made;
  const cmd = made[0];
  const existed = current.some((c) => c.id === cmd.id);
  setCommandList(ctx, [...current.filter((c) => c.id !== cmd.id), cmd]);
  return { status: existed ? 200 : 201, body: cmd };
}

function deleteCommand(ctx: RouteCtx): RouteResult {
  const guard = appGuard(ctx);
  if (guard) return guard;
  const current = commandList(ctx);
  if (!current.some((c) => c.id === ctx.params.command))
    return discordError(404, 10063, 'Unknown application command');
  setCommandList(
    ctx,
    current.filter((c) => c.id !== ctx.params.command),
  );
  return { status: 204 };
}

export const COMMAND_ROUTES: Route[] = [
  { method: 'GET', pattern: '/applications/:app/commands', auth: true, handle: getCommands },
  { method: 'PUT', pattern: '/applications/:app/commands', auth: true, handle: putCommands },
  { method: 'POST', pattern: '/applications/:app/commands', auth: true, handle: postCommand },
  { method: 'DELETE', pattern: '/applications/:app/commands/:command', auth: true, handle: deleteCommand },
  { method: 'GET', pattern: '/applications/:app/guilds/:guild/commands', auth: true, handle: getCommands },
  { method: 'PUT', pattern: '/applications/:app/guilds/:guild/commands', auth: true, handle: putCommands },
  { method: 'POST', pattern: '/applications/:app/guilds/:guild/commands', auth: true, handle: postCommand },
  {
    method: 'DELETE',
    pattern: '/applications/:app/guilds/:guild/commands/:command',
    auth: true,
    handle: deleteCommand,
  },
];
