/**
 * The fake's world: identity, users, DMs, messages, views, files, trigger ids and the knobs tests turn.
 */
import { slackId, triggerId } from './ids.js';
import type { InjectionRecord } from './injection.js';
import type {
  DmBlockReason,
  FakeSlackEphemeral,
  FakeSlackFile,
  FakeSlackMessage,
  FakeSlackUser,
  FakeSlackView,
  Json,
} from './types.js';

export interface Identity {
  teamId: string;
  teamName: string;
  teamDomain: string;
  appId: string;
  botUserId: string;
  botId: string;
  botName: string;
  botToken: string;
  appToken: string;
  signingSecret: string;
  /** The legacy verification token Slack still puts in payloads. */
  verificationToken: string;
}

export interface PendingUpload {
  id: string;
  filename: string;
  length: number;
  content: Buffer | null;
}

export type Resolved = { id: string; dmUser?: string } | { error: string };

/** Seconds east of UTC for `tz` right now, as users.info's tz_offset. */
function tzOffset(tz: string): number {
  const now = new Date();
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(now);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(now.getTime() / 1000) * 1000) / 1000);
}

export class SlackStore {
  readonly users = new Map<string, FakeSlackUser>();
  readonly usergroups = new Map<string, string[]>();
  readonly dmChannels = new Map<string, string>();
  readonly dmUserByChannel = new Map<string, string>();
  private readonly mpims = new Map<string, string>();
  /** DMs between two people ('D…' like the app's own): the bot is not a member, so it cannot post there. */
  readonly peerDms = new Map<string, string>();
  /** Bot token scopes; a method needing one that is missing answers missing_scope (null: every scope). */
  scopes: Set<string> | null = null;
  /** Set: every bot-token call answers this (token_revoked, account_inactive: the app was removed). */
  revoked: 'token_revoked' | 'account_inactive' | 'invalid_auth' | null = null;
  readonly messages: FakeSlackMessage[] = [];
  readonly ephemerals: FakeSlackEphemeral[] = [];
  readonly views: FakeSlackView[] = [];
  readonly files: FakeSlackFile[] = [];
  readonly uploads = new Map<string, PendingUpload>();
  readonly blocked = new Map<string, DmBlockReason>();
  readonly unknownUsers = new Set<string>();
  /** Channels ('C…'/'G…') the bot is not a member of: posting, editing and pinning there is not_in_channel. */
  readonly outside = new Set<string>();
  /** Pinned message ts by channel, oldest first. */
  readonly pins = new Map<string, string[]>();
  /** Injections by their response_url id. */
  readonly injections = new Map<string, InjectionRecord>();
  private readonly triggers = new Map<string, { issuedAt: number; used: boolean }>();

  constructor(
    readonly identity: Identity,
    users: FakeSlackUser[],
    usergroups: Record<string, string[]>,
    private readonly triggerTtlMs: number,
  ) {
    for (const u of users) this.users.set(u.id, u);
    for (const [id, members] of Object.entries(usergroups)) this.usergroups.set(id, [...members]);
  }

  userName(id: string): string {
    return this.users.get(id)?.name ?? `user${id.slice(-4).toLowerCase()}`;
  }

  /** users.info's user object; unknown ids get a made-up name. */
  userObject(id: string): Json {
    const u = this.users.get(id) ?? { id, name: this.userName(id) };
    const tz = u.tz ?? 'America/Los_Angeles';
    const realName = u.realName ?? u.name;
    return {
      id,
      team_id: this.identity.teamId,
      name: u.name,
      deleted: this.blocked.get(id) === 'user_disabled',
      real_name: realName,
      tz,
      tz_label: tz,
      tz_offset: tzOffset(tz),
      is_admin: u.isAdmin ?? false,
      is_owner: u.isOwner ?? false,
      is_primary_owner: false,
      is_restricted: false,
      is_ultra_restricted: false,
      is_bot: false,
      is_app_user: false,
      updated: Math.floor(Date.now() / 1000),
      profile: { real_name: realName, display_name: u.name, team: this.identity.teamId },
    };
  }

  /** The DM channel with this user, created (with a stable id) the first time. */
  dmFor(userId: string): string {
    let id = this.dmChannels.get(userId);
    if (!id) {
      id = slackId('D');
      this.dmChannels.set(userId, id);
      this.dmUserByChannel.set(id, userId);
    }
    return id;
  }

  /** The DM between two people (not the bot), created with a stable id the first time. */
  peerDmFor(a: string, b: string): string {
    const key = [a, b].sort().join(',');
    let id = this.peerDms.get(key);
    if (!id) {
      id = slackId('D');
      this.peerDms.set(key, id);
    }
    return id;
  }

  mpimFor(userIds: string[]): string {
    const key = [...userIds].sort().join(',');
    let id = this.mpims.get(key);
    if (!id) {
      id = slackId('G');
      this.mpims.set(key, id);
    }
    return id;
  }

  /**
   * A channel argument as chat.* takes it: 'D…' must be a DM the fake opened; a user id ('U…'/'W…') means the
   * user's DM (App Home messages tab); any 'C…'/'G…' is taken as a channel the bot is in.
   */
  resolveChannel(channel: unknown): Resolved {
    if (typeof channel !== 'string' || channel === '') return { error: 'channel_not_found' };
    if (/^[UW]/.test(channel)) {
      if (this.unknownUsers.has(channel)) return { error: 'channel_not_found' };
      return { id: this.dmFor(channel), dmUser: channel };
    }
    if (channel.startsWith('D')) {
      const dmUser = this.dmUserByChannel.get(channel);
      return dmUser ? { id: channel, dmUser } : { error: 'channel_not_found' };
    }
    if (/^[CG]/.test(channel)) return { id: channel };
    return { error: 'channel_not_found' };
  }

  /**
   * The error chat.postMessage / postEphemeral / files sharing gets in a blocked user's DM:
   * messages_tab_disabled as is; a deactivated user's DM is archived; bots and invisible users never had one.
   */
  postError(dmUser: string | undefined): string | null {
    if (!dmUser) return null;
    const reason = this.blocked.get(dmUser);
    if (!reason) return null;
    if (reason === 'messages_tab_disabled') return 'messages_tab_disabled';
    if (reason === 'user_disabled') return 'is_archived';
    return 'channel_not_found';
  }

  issueTrigger(): string {
    const id = triggerId();
    this.triggers.set(id, { issuedAt: Date.now(), used: false });
    return id;
  }

  /** Consumes a trigger id: null when usable, else the error views.open/push answer. */
  useTrigger(id: unknown): string | null {
    const t = typeof id === 'string' ? this.triggers.get(id) : undefined;
    if (!t) return 'invalid_trigger_id';
    if (t.used || Date.now() - t.issuedAt > this.triggerTtlMs) return 'expired_trigger_id';
    t.used = true;
    return null;
  }

  findMessage(channel: string, ts: string): FakeSlackMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  findView(idOrExternal: { viewId?: unknown; externalId?: unknown }): FakeSlackView | undefined {
    if (typeof idOrExternal.viewId === 'string') return this.views.find((v) => v.id === idOrExternal.viewId);
    if (typeof idOrExternal.externalId === 'string')
      return this.views.find((v) => v.externalId === idOrExternal.externalId);
    return undefined;
  }
}
