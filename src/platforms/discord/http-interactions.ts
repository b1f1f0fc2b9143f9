import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { REST } from 'discord.js';
import {
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
  InteractionResponseType,
  InteractionType,
  Routes,
} from 'discord.js';
import express, { type Express, type Request, type Response } from 'express';
import { ALLOWED_MENTIONS } from './escape.js';
import { type DiscordAppContext, handleInteraction } from './handle-interaction.js';
import type { DiscordWho, Inbound, Responder } from './inbound.js';
import type { DiscordPayload } from './render.js';

export const INTERACTIONS_PATH = '/discord/interactions';

/** An Ed25519 public key from the 64 hex characters the Developer Portal shows. */
export const publicKeyFromHex = (hex: string): KeyObject =>
  createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') },
    format: 'jwk',
  });

/** Discord signs `timestamp + body` with Ed25519; anything else, or nothing, is refused. */
export function signatureValid(
  key: KeyObject,
  signatureHex: unknown,
  timestamp: unknown,
  body: Buffer,
): boolean {
  if (typeof signatureHex !== 'string' || typeof timestamp !== 'string') return false;
  if (!/^[0-9a-f]{128}$/i.test(signatureHex) || !/^\d{1,20}$/.test(timestamp)) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp), body]), key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}

function optionValues(
  options: readonly APIApplicationCommandInteractionDataOption[] | undefined,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const o of options ?? []) {
    if ('options' in o && o.options) Object.assign(out, optionValues(o.options));
    else if ('value' in o && o.value !== undefined) out[o.name] = String(o.value);
  }
  return out;
}

/** Text inputs and string selects from a modal submit: in action rows (type 1) or label components (type 18). */
function modalFields(components: readonly unknown[]): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (c: unknown) => {
    if (typeof c !== 'object' || c === null) return;
    const o = c as {
      type?: number;
      custom_id?: unknown;
      value?: unknown;
      values?: unknown[];
      components?: unknown[];
      component?: unknown;
    };
    if (o.type === 4 && typeof o.custom_id === 'string' && typeof o.value === 'string')
      out[o.custom_id] = o.value;
    // A string select (type 3, inside a Label) sends the chosen values.
    if (o.type === 3 && typeof o.custom_id === 'string' && Array.isArray(o.values))
      out[o.custom_id] = o.values.filter((v): v is string => typeof v === 'string').join(',');
    for (const child of o.components ?? []) visit(child);
    if (o.component) visit(o.component);
  };
  for (const c of components) visit(c);
  return out;
}

/** A raw interaction, as Discord posts it, reduced to what Interlude reads; null for kinds it does not handle. */
export function inboundOfRaw(i: APIInteraction): { who: DiscordWho; inbound: Inbound } | null {
  const user = i.member?.user ?? i.user;
  if (!user) return null;
  const who: DiscordWho = {
    guildId: i.guild_id ?? null,
    guildName: null,
    userId: user.id,
    displayName: user.global_name ?? user.username,
    roleIds: i.member?.roles ?? [],
    permissions: i.guild_id ? BigInt(i.member?.permissions ?? '0') : null,
  };
  if (i.type === InteractionType.ApplicationCommand && i.data.type === 1) {
    const options = 'options' in i.data ? i.data.options : undefined;
    const sub = options?.find((o) => o.type === 1 || o.type === 2);
    const leaf = sub?.type === 2 ? sub.options?.[0] : sub;
    return {
      who,
      inbound: { kind: 'command', name: i.data.name, sub: leaf?.name, options: optionValues(options) },
    };
  }
  if (i.type === InteractionType.MessageComponent && i.data.component_type === 2) {
    return { who, inbound: { kind: 'button', customId: i.data.custom_id } };
  }
  if (i.type === InteractionType.ModalSubmit) {
    return {
      who,
      inbound: {
        kind: 'modal',
        customId: i.data.custom_id,
        fields: modalFields(i.data.components),
        fromMessage: i.message !== undefined,
      },
    };
  }
  return null;
}

const data = (p: DiscordPayload, ephemeral = false) => ({
  content: p.content,
  components: p.components,
  allowed_mentions: ALLOWED_MENTIONS,
  ...(ephemeral ? { flags: 64 } : {}),
});
const files = (p: DiscordPayload) =>
  p.files.map((f) => ({ name: f.name, data: f.data, contentType: f.contentType }));

/**
 * The first answer goes in the HTTP response. Files cannot ride in a JSON response, so a first answer with files
 * is a deferral followed by an edit of the original message through the interaction webhook, like every later
 * answer.
 */
function httpResponder(res: Response, rest: REST, applicationId: string, token: string): Responder {
  const original = Routes.webhookMessage(applicationId, token, '@original');
  const first = async (type: InteractionResponseType, p: DiscordPayload, ephemeral: boolean) => {
    if (p.files.length === 0) {
      res.json({ type, data: data(p, ephemeral) });
      return;
    }
    const deferredType =
      type === InteractionResponseType.UpdateMessage
        ? InteractionResponseType.DeferredMessageUpdate
        : InteractionResponseType.DeferredChannelMessageWithSource;
    res.json({ type: deferredType, data: ephemeral ? { flags: 64 } : {} });
    await rest.patch(original, { body: data(p), files: files(p), auth: false });
  };
  return {
    reply: (p, ephemeral) => first(InteractionResponseType.ChannelMessageWithSource, p, ephemeral),
    update: (p) => first(InteractionResponseType.UpdateMessage, p, false),
    async modal(m) {
      res.json({ type: InteractionResponseType.Modal, data: m });
    },
    async defer(kind, ephemeral) {
      res.json({
        type:
          kind === 'update'
            ? InteractionResponseType.DeferredMessageUpdate
            : InteractionResponseType.DeferredChannelMessageWithSource,
        data: ephemeral ? { flags: 64 } : {},
      });
    },
    async editOriginal(p) {
      await rest.patch(original, { body: data(p), files: files(p), auth: false });
    },
    async followUp(p, ephemeral) {
      await rest.post(Routes.webhook(applicationId, token), {
        body: data(p, ephemeral),
        files: files(p),
        auth: false,
      });
    },
  };
}

/**
 * POST /discord/interactions: Discord's HTTP interactions endpoint, for operators who point the application's
 * Interactions Endpoint URL here instead of (or as well as) using the gateway. The signature is checked before
 * anything is parsed; a bad or missing one gets 401 and nothing runs.
 */
export function mountDiscordInteractions(
  app: Express,
  o: { ctx: DiscordAppContext; rest: REST; applicationId: string; publicKeyHex: string },
): void {
  const key = publicKeyFromHex(o.publicKeyHex);
  app.post(
    INTERACTIONS_PATH,
    express.raw({ type: () => true, limit: '256kb' }),
    async (req: Request, res: Response) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!signatureValid(key, req.get('X-Signature-Ed25519'), req.get('X-Signature-Timestamp'), body)) {
        res.status(401).type('text').send('invalid request signature');
        return;
      }
      let interaction: APIInteraction;
      try {
        interaction = JSON.parse(body.toString('utf8')) as APIInteraction;
      } catch {
        res.status(400).type('text').send('malformed interaction');
        return;
      }
      if (interaction.type === InteractionType.Ping) {
        res.json({ type: InteractionResponseType.Pong });
        return;
      }
      const parsed = inboundOfRaw(interaction);
      if (!parsed) {
        res.status(400).type('text').send('unsupported interaction');
        return;
      }
      await handleInteraction(
        o.ctx,
        parsed.who,
        parsed.inbound,
        httpResponder(res, o.rest, o.applicationId, interaction.token),
      );
      if (!res.headersSent)
        res.status(500).json({ type: 4, data: { content: 'Sorry, something went wrong.', flags: 64 } });
    },
  );
}
