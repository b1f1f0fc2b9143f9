/**
 * INTERACTION_CREATE payloads for slash commands, buttons and modal submits, shaped like Discord's gateway sends
 * them to a guild-installed bot (guild: member + guild_id, context 0; DM: user, context 1).
 */
import { ChannelType, ComponentType, InteractionType, PermissionFlagsBits } from 'discord-api-types/v10';
import { applyCallback } from './callbacks.js';
import { interactionToken, snowflake } from './ids.js';
import { InteractionRecord } from './interaction-record.js';
import {
  ALL_PERMISSIONS,
  type ChannelState,
  channelObject,
  EVERYONE_PERMISSIONS,
  type GuildState,
  memberObject,
  messageObject,
  roleObject,
} from './payloads.js';
import type { FakeStore } from './store.js';
import type { ClickButtonArgs, Interacting, Json, SlashCommandArgs, SubmitModalArgs } from './types.js';

/** What the bot may do where it is asked (app_permissions). */
const APP_PERMISSIONS = EVERYONE_PERMISSIONS;
const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

interface Where {
  channel: ChannelState;
  guild?: GuildState;
}

function where(store: FakeStore, a: Interacting): Where {
  if (a.guildId) {
    const guild = store.guilds.get(a.guildId);
    if (!guild) throw new Error(`FakeDiscord: unknown guild ${a.guildId} (pass it in options.guilds)`);
    const channelId = a.channelId ?? guild.channels[0]!.id;
    const channel = store.channels.get(channelId);
    if (!channel || channel.guildId !== guild.id)
      throw new Error(`FakeDiscord: no channel ${channelId} in guild`);
    return { channel, guild };
  }
  if (a.channelId) {
    const channel = store.channels.get(a.channelId);
    if (!channel || channel.type !== ChannelType.DM)
      throw new Error(`FakeDiscord: no DM channel ${a.channelId}`);
    return { channel };
  }
  return { channel: store.dmChannelFor(a.user.id) };
}

function memberPermissions(guild: GuildState, userId: string, roles: string[], given?: string): string {
  if (given !== undefined) return given;
  if (guild.ownerId === userId) return ALL_PERMISSIONS;
  let bits = BigInt(EVERYONE_PERMISSIONS);
  for (const role of guild.roles) if (roles.includes(role.id)) bits |= BigInt(role.permissions ?? '0');
  return bits & PermissionFlagsBits.Administrator ? ALL_PERMISSIONS : bits.toString();
}

function inject(
  store: FakeStore,
  baseUrl: string,
  a: Interacting,
  type: number,
  data: Json,
  at: Where,
  source?: Json,
) {
  store.rememberUser(a.user);
  const id = snowflake();
  const token = interactionToken(id);
  const user = store.user(a.user.id);
  const { channel, guild } = at;
  const payload: Json = {
    id,
    application_id: store.applicationId,
    type,
    token,
    version: 1,
    data,
    channel_id: channel.id,
    channel: channelObject(channel, channel.type === ChannelType.DM ? user : undefined),
    app_permissions: APP_PERMISSIONS,
    locale: 'en-US',
    entitlements: [],
    attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
    ...(source ? { message: messageObject(source.message, source.author, baseUrl, source.extras) } : {}),
  };
  if (guild) {
    const roles = a.member?.roles ?? [];
    const joinedAt = guild.members.get(a.user.id)?.joined_at ?? new Date().toISOString();
    guild.members.set(a.user.id, { roles, joined_at: joinedAt });
    Object.assign(payload, {
      guild_id: guild.id,
      guild: { id: guild.id, locale: 'en-US', features: [] },
      guild_locale: 'en-US',
      member: memberObject(
        roles,
        joinedAt,
        user,
        memberPermissions(guild, a.user.id, roles, a.member?.permissions),
      ),
      authorizing_integration_owners: { '0': guild.id },
      context: 0,
    });
  } else {
    Object.assign(payload, { user, authorizing_integration_owners: { '0': '0' }, context: 1 });
  }
  const record = new InteractionRecord(
    id,
    token,
    type,
    channel,
    source?.message ?? null,
    payload,
    guild?.id,
    a.via ?? 'gateway',
    (rec, body) => applyCallback(store, rec, { json: body, files: [] }),
  );
  store.interactions.set(id, record);
  store.interactionsByToken.set(token, record);
  return record;
}

function optionValue(
  store: FakeStore,
  guild: GuildState | undefined,
  type: number,
  raw: string,
  resolved: Json,
) {
  const put = (kind: string, key: string, value: Json) => {
    resolved[kind] ??= {};
    resolved[kind][key] = value;
  };
  const role = guild?.roles.find((r) => r.id === raw);
  switch (type) {
    case 4:
      return Number.parseInt(raw, 10);
    case 10:
      return Number(raw);
    case 5:
      return raw === 'true';
    case 6:
      put('users', raw, store.user(raw));
      if (guild) put('members', raw, memberObject([], guild.joinedAt, undefined, EVERYONE_PERMISSIONS));
      return raw;
    case 7: {
      const ch = store.channels.get(raw);
      put('channels', raw, {
        id: raw,
        type: ch?.type ?? 0,
        name: ch?.name ?? 'channel',
        permissions: APP_PERMISSIONS,
      });
      return raw;
    }
    case 8:
      put('roles', raw, roleObject(role ?? { id: raw, name: raw }, 1));
      return raw;
    case 9:
      if (role || raw === guild?.id) put('roles', raw, roleObject(role ?? { id: raw, name: '@everyone' }, 1));
      else put('users', raw, store.user(raw));
      return raw;
    default:
      return raw;
  }
}

export function slashCommandInteraction(
  store: FakeStore,
  baseUrl: string,
  a: SlashCommandArgs,
): InteractionRecord {
  const at = where(store, a);
  const resolved: Json = {};
  const options = Object.entries(a.options ?? {}).map(([name, raw]) => {
    const type = a.optionTypes?.[name] ?? 3;
    return { name, type, value: optionValue(store, at.guild, type, raw, resolved) };
  });
  let tree: Json[] = options;
  if (a.subcommand) {
    const [first, second] = a.subcommand.split(/[\s/]+/);
    tree = [{ type: 1, name: second ?? first, options }];
    if (second) tree = [{ type: 2, name: first, options: tree }];
  }
  const known = [
    ...(at.guild ? (store.commands.guild.get(at.guild.id) ?? []) : []),
    ...store.commands.global,
  ];
  const data: Json = {
    id: known.find((c) => c?.name === a.name)?.id ?? snowflake(),
    name: a.name,
    type: 1,
    options: tree,
    ...(Object.keys(resolved).length ? { resolved } : {}),
    ...(at.guild ? { guild_id: at.guild.id } : {}),
  };
  return inject(store, baseUrl, a, InteractionType.ApplicationCommand, data, at);
}

export function buttonInteraction(store: FakeStore, baseUrl: string, a: ClickButtonArgs): InteractionRecord {
  let at = where(store, a);
  let message = a.messageId ? store.messageById.get(a.messageId) : undefined;
  if (message) {
    const channel = store.channels.get(message.channelId)!;
    at = { channel, ...(channel.guildId ? { guild: store.guilds.get(channel.guildId)! } : {}) };
  } else {
    const button = { type: ComponentType.Button, style: 1, label: a.customId, custom_id: a.customId };
    message = store.buildMessage(
      at.channel,
      store.bot.id,
      {
        json: { content: '', components: [{ type: ComponentType.ActionRow, components: [button] }] },
        files: [],
      },
      null,
    );
    if (a.messageId) message.id = a.messageId;
  }
  const source = { message, author: store.user(message.authorId), extras: { guildId: at.guild?.id } };
  const data = { custom_id: a.customId, component_type: ComponentType.Button };
  return inject(store, baseUrl, a, InteractionType.MessageComponent, data, at, source);
}

function submitted(component: Json, fields: Record<string, string>, nextId: () => number): Json {
  const id = component?.id ?? nextId();
  const cid = component?.custom_id;
  if (component?.type === ComponentType.TextInput) {
    return { type: ComponentType.TextInput, id, custom_id: cid, value: fields[cid] ?? '' };
  }
  const raw = fields[cid];
  const values = raw ? raw.split(',') : [];
  // A person can only pick what a select offers: a test that submits anything else has a bug.
  const offered = Array.isArray(component?.options) ? component.options.map((o: Json) => o.value) : null;
  const stray = offered ? values.filter((v) => !offered.includes(v)) : [];
  if (stray.length)
    throw new Error(`fake Discord: ${stray.join(', ')} is not an option of the select ${cid}`);
  return { type: component?.type, id, custom_id: cid, values };
}

export function modalSubmitInteraction(
  store: FakeStore,
  baseUrl: string,
  a: SubmitModalArgs,
): InteractionRecord {
  const at = where(store, a);
  let counter = 0;
  const nextId = () => ++counter;
  const modal = a.shape ? undefined : store.modals.get(a.customId);
  const components: Json[] = [];
  const covered = new Set<string>();
  for (const c of Array.isArray(modal?.components) ? modal.components : []) {
    if (c?.type === ComponentType.ActionRow) {
      const inner = (c.components ?? []).map((x: Json) => submitted(x, a.fields, nextId));
      for (const x of inner) covered.add(x.custom_id);
      components.push({ type: ComponentType.ActionRow, id: c.id ?? nextId(), components: inner });
    } else if (c?.type === ComponentType.Label) {
      const inner = submitted(c.component, a.fields, nextId);
      covered.add(inner.custom_id);
      components.push({ type: ComponentType.Label, id: c.id ?? nextId(), component: inner });
    } else if (c?.type === ComponentType.TextDisplay) {
      components.push({ type: ComponentType.TextDisplay, id: c.id ?? nextId() });
    }
  }
  const labels = a.shape === 'labels' || (!a.shape && modal?.components?.[0]?.type === ComponentType.Label);
  for (const [cid, value] of Object.entries(a.fields)) {
    if (covered.has(cid)) continue;
    const input = { type: ComponentType.TextInput, id: nextId(), custom_id: cid, value };
    components.push(
      labels
        ? { type: ComponentType.Label, id: nextId(), component: input }
        : { type: ComponentType.ActionRow, id: nextId(), components: [input] },
    );
  }
  const data = { custom_id: a.customId, components };
  return inject(store, baseUrl, a, InteractionType.ModalSubmit, data, at);
}
