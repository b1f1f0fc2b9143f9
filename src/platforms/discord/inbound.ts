import type { DiscordPayload } from './render.js';

/** Who pressed or typed, as Discord told us; the same for gateway and HTTP interactions. */
export interface DiscordWho {
  guildId: string | null;
  guildName: string | null;
  userId: string;
  displayName: string | null;
  /** Role ids of the member (empty in a direct message). */
  roleIds: readonly string[];
  /** The member's permissions in the guild (null in a direct message). */
  permissions: bigint | null;
}

/** An interaction, reduced to what Interlude reads. */
export type Inbound =
  | { kind: 'command'; name: string; sub: string | undefined; options: Record<string, string | undefined> }
  | { kind: 'button'; customId: string }
  | { kind: 'modal'; customId: string; fields: Record<string, string>; fromMessage: boolean };

/**
 * How to answer one interaction. Gateway interactions answer through discord.js; HTTP interactions answer the
 * first time in the HTTP response. Follow-ups and edits go to the interaction webhook either way.
 */
export interface Responder {
  /** A new message (ephemeral in a server). */
  reply(p: DiscordPayload, ephemeral: boolean): Promise<void>;
  /** Replace the message the button was on. */
  update(p: DiscordPayload): Promise<void>;
  modal(modal: object): Promise<void>;
  /** Acknowledge now, answer later: `update` keeps the button's message for an edit. */
  defer(kind: 'reply' | 'update', ephemeral: boolean): Promise<void>;
  /** After defer: fill in the deferred answer. */
  editOriginal(p: DiscordPayload): Promise<void>;
  followUp(p: DiscordPayload, ephemeral: boolean): Promise<void>;
}
