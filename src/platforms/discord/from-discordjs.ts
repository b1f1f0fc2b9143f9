import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  MessageFlags,
  type ModalSubmitInteraction,
} from 'discord.js';
import { ALLOWED_MENTIONS } from './escape.js';
import type { DiscordWho, Inbound, Responder } from './inbound.js';
import type { DiscordPayload } from './render.js';

type Answerable = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/** Who is asking, from a discord.js interaction (a cached member or the raw one, whichever discord.js has). */
export function whoOf(i: Answerable): DiscordWho {
  const member = i.member;
  const roleIds = !member ? [] : Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  return {
    guildId: i.guildId,
    guildName: i.guild?.name ?? null,
    userId: i.user.id,
    displayName: i.user.globalName ?? i.user.username,
    roleIds,
    permissions: i.guildId ? (i.memberPermissions?.bitfield ?? 0n) : null,
  };
}

/** Option values as strings (a role option's value is the role id), flattened out of a subcommand. */
function optionValues(options: readonly CommandInteractionOption[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const o of options) {
    if (o.options) Object.assign(out, optionValues(o.options));
    else if (o.value !== undefined && o.value !== null) out[o.name] = String(o.value);
  }
  return out;
}

export function inboundOf(
  i: Interaction,
): { who: DiscordWho; inbound: Inbound; interaction: Answerable } | null {
  if (i.isChatInputCommand()) {
    return {
      who: whoOf(i),
      interaction: i,
      inbound: {
        kind: 'command',
        name: i.commandName,
        sub: i.options.getSubcommand(false) ?? undefined,
        options: optionValues(i.options.data),
      },
    };
  }
  if (i.isButton())
    return { who: whoOf(i), interaction: i, inbound: { kind: 'button', customId: i.customId } };
  if (i.isModalSubmit()) {
    const fields: Record<string, string> = {};
    // Text inputs carry a value; string selects (in Label components) a list of values, read as a, b.
    for (const [id, c] of i.fields.fields)
      if ('value' in c && typeof c.value === 'string') fields[id] = c.value;
      else if ('values' in c && Array.isArray(c.values)) fields[id] = c.values.join(',');
    return {
      who: whoOf(i),
      interaction: i,
      inbound: { kind: 'modal', customId: i.customId, fields, fromMessage: i.isFromMessage() },
    };
  }
  return null;
}

const body = (p: DiscordPayload) => ({
  content: p.content,
  components: p.components,
  files: p.files.map((f) => ({ attachment: f.data, name: f.name, contentType: f.contentType })),
  allowedMentions: ALLOWED_MENTIONS,
});

/** Answers through discord.js: the interaction callback first, then the interaction's webhook. */
export function discordjsResponder(i: Answerable): Responder {
  const flags = (ephemeral: boolean) => (ephemeral ? MessageFlags.Ephemeral : undefined);
  return {
    async reply(p, ephemeral) {
      await i.reply({ ...body(p), flags: flags(ephemeral) });
    },
    async update(p) {
      if (i.isButton() || (i.isModalSubmit() && i.isFromMessage())) await i.update(body(p));
      else await i.reply(body(p));
    },
    async modal(m) {
      if (i.isModalSubmit()) throw new Error('a modal cannot open another modal');
      // discord.js takes raw modal JSON as well as a builder.
      await i.showModal(m as Parameters<typeof i.showModal>[0]);
    },
    async defer(kind, ephemeral) {
      if (kind === 'update' && !i.isChatInputCommand()) await i.deferUpdate();
      else await i.deferReply({ flags: flags(ephemeral) });
    },
    async editOriginal(p) {
      await i.editReply(body(p));
    },
    async followUp(p, ephemeral) {
      await i.followUp({ ...body(p), flags: flags(ephemeral) });
    },
  };
}
