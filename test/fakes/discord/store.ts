/**
 * The fake's world: users, guilds, channels, messages, commands and the knobs tests turn.
 */
import { ChannelType } from 'discord-api-types/v10';
import { snowflake } from './ids.js';
import type { InteractionRecord } from './interaction-record.js';
import { type ChannelState, type GuildState, userObject } from './payloads.js';
import type { FakeAttachment, FakeFile, FakeGuild, FakeMessage, FakeUser, Json } from './types.js';

/** Deliberately not a plausible test user, so nobody is owner (with every permission) by accident. */
export const DEFAULT_OWNER_ID = '999999999999999999';

/** A request body as the routes see it: JSON, or payload_json + files for multipart. */
export interface Payload {
  json: Json;
  files: FakeFile[];
}

/** Pairs files[n] with payload attachments[{id: n, description}] and gives each a snowflake. */
export function attachmentsFrom(p: Payload): FakeAttachment[] {
  const described: Json[] = Array.isArray(p.json?.attachments) ? p.json.attachments : [];
  return p.files.map((f, i) => {
    const index = /\[(\d+)\]/.exec(f.name)?.[1] ?? String(i);
    const meta = described.find((a) => String(a?.id) === index);
    return {
      id: snowflake(),
      filename: f.filename,
      contentType: f.contentType,
      data: f.data,
      ...(typeof meta?.description === 'string' ? { description: meta.description } : {}),
    };
  });
}

export class FakeStore {
  readonly users = new Map<string, FakeUser>();
  readonly guilds = new Map<string, GuildState>();
  readonly channels = new Map<string, ChannelState>();
  readonly dmChannels = new Map<string, string>();
  readonly messages: FakeMessage[] = [];
  readonly messageById = new Map<string, FakeMessage>();
  readonly nonces = new Map<string, FakeMessage>();
  readonly commands = { global: [] as Json[], guild: new Map<string, Json[]>() };
  readonly rejectDms = new Set<string>();
  readonly unknownUsers = new Map<string, 10013 | 50035>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly interactionsByToken = new Map<string, InteractionRecord>();
  /** The last modal (callback type 9 data) the bot showed, by custom_id. */
  readonly modals = new Map<string, Json>();
  /** Pinned message ids by channel, oldest first. */
  readonly pins = new Map<string, string[]>();
  /** Pins one channel may hold; past it, 30003 "Maximum number of pins reached (50)". Tests lower it. */
  maxPins = 50;
  /** Permissions the bot lacks in a channel: 'send' (Send Messages) or 'pin' (Pin Messages). */
  readonly withheld = new Map<string, Set<'send' | 'pin'>>();

  constructor(
    readonly bot: FakeUser,
    readonly applicationId: string,
    guilds: FakeGuild[],
  ) {
    const joinedAt = new Date().toISOString();
    for (const g of guilds) {
      const channels = g.channels?.length ? g.channels : [{ id: snowflake(), name: 'general' }];
      this.guilds.set(g.id, {
        id: g.id,
        name: g.name,
        ownerId: g.ownerId ?? DEFAULT_OWNER_ID,
        roles: g.roles ?? [],
        channels,
        joinedAt,
        members: new Map(),
      });
      for (const c of channels) {
        this.channels.set(c.id, {
          id: c.id,
          type: ChannelType.GuildText,
          guildId: g.id,
          name: c.name,
          lastMessageId: null,
        });
      }
    }
  }

  rememberUser(u: FakeUser): void {
    this.users.set(u.id, { ...this.users.get(u.id), ...u });
  }

  /** The user's API object; unknown ids get a made-up username. */
  user(id: string): Json {
    if (id === this.bot.id) return userObject(this.bot, true);
    return userObject(this.users.get(id) ?? { id, username: `user${id.slice(-4)}` });
  }

  /** The DM channel with this user, created (with a stable id) the first time. */
  dmChannelFor(userId: string): ChannelState {
    let id = this.dmChannels.get(userId);
    if (!id) {
      id = snowflake();
      this.dmChannels.set(userId, id);
      this.channels.set(id, { id, type: ChannelType.DM, recipientId: userId, lastMessageId: null });
    }
    return this.channels.get(id)!;
  }

  /** A message object that is not (yet) part of any log — interaction responses use these directly. */
  buildMessage(
    channel: ChannelState,
    authorId: string,
    p: Payload,
    nonce: string | number | null,
  ): FakeMessage {
    return {
      id: snowflake(),
      channelId: channel.id,
      ...(channel.guildId ? { guildId: channel.guildId } : {}),
      content: typeof p.json?.content === 'string' ? p.json.content : '',
      components: Array.isArray(p.json?.components) ? p.json.components : [],
      embeds: Array.isArray(p.json?.embeds) ? p.json.embeds : [],
      attachments: attachmentsFrom(p),
      nonce,
      authorId,
      flags: typeof p.json?.flags === 'number' ? p.json.flags : 0,
      createdAt: Date.now(),
      editedAt: null,
    };
  }

  /** Creates and logs a channel message. */
  createMessage(
    channel: ChannelState,
    authorId: string,
    p: Payload,
    nonce: string | number | null,
  ): FakeMessage {
    const m = this.buildMessage(channel, authorId, p, nonce);
    this.messages.push(m);
    this.messageById.set(m.id, m);
    channel.lastMessageId = m.id;
    return m;
  }

  lacks(channelId: string, permission: 'send' | 'pin'): boolean {
    return this.withheld.get(channelId)?.has(permission) ?? false;
  }

  /** Applies a PATCH body (content / components / embeds / attachments / flags); returns the added files. */
  editMessage(m: FakeMessage, p: Payload): FakeAttachment[] {
    const j = p.json ?? {};
    if ('content' in j) m.content = j.content ?? '';
    if ('components' in j) m.components = j.components ?? [];
    if ('embeds' in j) m.embeds = j.embeds ?? [];
    if (typeof j.flags === 'number') m.flags = j.flags;
    const added = attachmentsFrom(p);
    if (added.length || Array.isArray(j.attachments)) {
      const kept = Array.isArray(j.attachments)
        ? m.attachments.filter((a) => j.attachments.some((x: Json) => String(x?.id) === a.id))
        : m.attachments;
      m.attachments = [...kept, ...added];
    }
    m.editedAt = Date.now();
    return added;
  }
}
