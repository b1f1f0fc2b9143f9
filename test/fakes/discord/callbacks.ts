/**
 * What an interaction response (gateway callback or HTTP response body) does to the fake's state: records the
 * callback on the handle and sets the @original message.
 */
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import type { InteractionRecord } from './interaction-record.js';
import { attachmentsFrom, type FakeStore, type Payload } from './store.js';
import type { Json } from './types.js';

export function applyCallback(store: FakeStore, rec: InteractionRecord, payload: Payload): void {
  const type: number = payload.json?.type;
  const data: Json = payload.json?.data;
  const bot = store.bot.id;
  let files = attachmentsFrom(payload);
  switch (type) {
    // `??=`: an HTTP interaction's @original may already exist when its PATCH beat the test's report of the
    // HTTP response; gateway interactions have none before their callback.
    case InteractionResponseType.ChannelMessageWithSource:
      rec.original ??= {
        ...store.buildMessage(rec.channel, bot, { json: data ?? {}, files: [] }, null),
        attachments: files,
      };
      break;
    case InteractionResponseType.DeferredChannelMessageWithSource: {
      const flags = ((data?.flags ?? 0) & MessageFlags.Ephemeral) | MessageFlags.Loading;
      rec.original ??= store.buildMessage(rec.channel, bot, { json: { flags }, files: [] }, null);
      break;
    }
    case InteractionResponseType.DeferredMessageUpdate:
      rec.original = rec.sourceMessage;
      break;
    case InteractionResponseType.UpdateMessage:
      if (rec.sourceMessage)
        files = store.editMessage(rec.sourceMessage, { json: data ?? {}, files: payload.files });
      rec.original = rec.sourceMessage;
      break;
    case InteractionResponseType.Modal:
      if (typeof data?.custom_id === 'string') store.modals.set(data.custom_id, data);
      break;
  }
  rec.acknowledge({ type, ...(data !== undefined ? { data } : {}), files, at: Date.now() });
}
