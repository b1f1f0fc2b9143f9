/**
 * API object builders: users, roles, members, channels, guilds (GUILD_CREATE) and messages, with the fields
 * discord.js 14 reads.
 */
import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import type { FakeAttachment, FakeMessage, FakeRole, FakeUser, Json } from './types.js';

/** What a fresh guild gives @everyone (and what a DM allows), as a decimal string. */
export const EVERYONE_PERMISSIONS = (
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.UseExternalEmojis
).toString();

/** Administrator plus every flag discord-api-types knows, for guild owners. */
export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits)
  .reduce((acc, bit) => acc | bit, 0n)
  .toString();

export interface GuildState {
  id: string;
  name: string;
  ownerId: string;
  roles: FakeRole[];
  channels: { id: string; name: string }[];
  joinedAt: string;
  /** Members seen in interactions, by user id (API member objects without `user`). */
  members: Map<string, { roles: string[]; joined_at: string }>;
}

export interface ChannelState {
  id: string;
  type: ChannelType.DM | ChannelType.GuildText;
  guildId?: string;
  name?: string;
  recipientId?: string;
  lastMessageId: string | null;
}

export function userObject(u: FakeUser, bot = false): Json {
  return {
    id: u.id,
    username: u.username,
    global_name: u.globalName ?? null,
    discriminator: '0',
    avatar: null,
    bot,
    system: false,
    public_flags: 0,
    flags: 0,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
}

export function roleObject(role: FakeRole, position: number): Json {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: role.permissions ?? '0',
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

export function guildRoles(g: GuildState): Json[] {
  return [
    roleObject({ id: g.id, name: '@everyone', permissions: EVERYONE_PERMISSIONS }, 0),
    ...g.roles.map((r, i) => roleObject(r, i + 1)),
  ];
}

export function memberObject(roles: string[], joinedAt: string, user?: Json, permissions?: string): Json {
  return {
    ...(user ? { user } : {}),
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    ...(permissions !== undefined ? { permissions } : {}),
  };
}

export function channelObject(ch: ChannelState, recipient?: Json): Json {
  if (ch.type === ChannelType.DM) {
    return {
      id: ch.id,
      type: ChannelType.DM,
      last_message_id: ch.lastMessageId,
      flags: 0,
      recipients: recipient ? [recipient] : [],
    };
  }
  return {
    id: ch.id,
    type: ChannelType.GuildText,
    guild_id: ch.guildId,
    name: ch.name,
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: ch.lastMessageId,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

/** The GUILD_CREATE payload: everything Guild#_patch touches, with the bot as its only member. */
export function guildCreatePayload(g: GuildState, bot: Json): Json {
  return {
    id: g.id,
    name: g.name,
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    owner_id: g.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: guildRoles(g),
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: 0,
    stickers: [],
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    incidents_data: null,
    hub_type: null,
    // GUILD_CREATE extras
    joined_at: g.joinedAt,
    large: false,
    unavailable: false,
    member_count: 1 + g.members.size,
    voice_states: [],
    members: [memberObject([], g.joinedAt, bot)],
    channels: g.channels.map((c) =>
      channelObject({ id: c.id, type: ChannelType.GuildText, name: c.name, lastMessageId: null }),
    ),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    lazy: true,
  };
}

export function attachmentObjects(files: FakeAttachment[], baseUrl: string, channelId: string): Json[] {
  return files.map((f) => {
    const url = `${baseUrl}/attachments/${channelId}/${f.id}/${encodeURIComponent(f.filename)}`;
    return {
      id: f.id,
      filename: f.filename,
      description: f.description,
      content_type: f.contentType,
      size: f.data.length,
      url,
      proxy_url: url,
    };
  });
}

export interface MessageExtras {
  guildId?: string;
  webhookId?: string;
  applicationId?: string;
  interaction?: Json;
}

export function messageObject(
  m: FakeMessage,
  author: Json,
  baseUrl: string,
  extras: MessageExtras = {},
): Json {
  return {
    id: m.id,
    channel_id: m.channelId,
    ...(extras.guildId ? { guild_id: extras.guildId } : {}),
    author,
    content: m.content,
    timestamp: new Date(m.createdAt).toISOString(),
    edited_timestamp: m.editedAt === null ? null : new Date(m.editedAt).toISOString(),
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: attachmentObjects(m.attachments, baseUrl, m.channelId),
    embeds: m.embeds,
    reactions: [],
    pinned: false,
    type: 0,
    flags: m.flags,
    components: m.components,
    ...(m.nonce !== null ? { nonce: m.nonce } : {}),
    ...(extras.webhookId ? { webhook_id: extras.webhookId } : {}),
    ...(extras.applicationId ? { application_id: extras.applicationId } : {}),
    ...(extras.interaction ? { interaction_metadata: extras.interaction } : {}),
  };
}
