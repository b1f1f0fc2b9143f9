/**
 * Gateway dispatch bodies built from the store: READY and GUILD_MEMBERS_CHUNK (the answer to op 8).
 */
import { memberObject, userObject } from './payloads.js';
import type { FakeStore } from './store.js';
import type { Json } from './types.js';

/** READY as Discord sends it to a bot: guilds unavailable (their GUILD_CREATEs follow), application id + flags. */
export function readyData(store: FakeStore, sessionId: string, gatewayUrl: string): Json {
  return {
    v: 10,
    user_settings: {},
    user: { ...userObject(store.bot, true), verified: true, mfa_enabled: false, email: null },
    guilds: [...store.guilds.keys()].map((id) => ({ id, unavailable: true })),
    session_id: sessionId,
    session_type: 'normal',
    resume_gateway_url: gatewayUrl,
    shard: [0, 1],
    application: { id: store.applicationId, flags: 0 },
    private_channels: [],
    relationships: [],
    presences: [],
    geo_ordered_rtc_regions: [],
    guild_join_requests: [],
    auth: {},
    _trace: ['["fake-discord",{"micros":0}]'],
  };
}

/** One chunk with the bot and every member seen in an interaction (filtered by user_ids when asked). */
export function membersChunk(store: FakeStore, d: Json): Json {
  const guildId = String(d?.guild_id);
  const guild = store.guilds.get(guildId);
  const wanted: string[] | null = d?.user_ids ? [d.user_ids].flat().map(String) : null;
  const all = guild
    ? [
        memberObject([], guild.joinedAt, store.user(store.bot.id)),
        ...[...guild.members].map(([id, m]) => memberObject(m.roles, m.joined_at, store.user(id))),
      ]
    : [];
  const members = wanted ? all.filter((m) => wanted.includes(m.user.id)) : all;
  const notFound = wanted ? wanted.filter((id) => !members.some((m) => m.user.id === id)) : [];
  return {
    guild_id: guildId,
    members,
    chunk_index: 0,
    chunk_count: 1,
    not_found: notFound,
    ...(d?.presences ? { presences: [] } : {}),
    ...(d?.nonce ? { nonce: d.nonce } : {}),
  };
}
