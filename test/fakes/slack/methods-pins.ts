/**
 * pins.add, with the errors Slack documents for a message pin.
 */
import { fail, type MethodCtx, type MethodSpec, str } from './method-table.js';
import type { Json } from './types.js';

/** Slack's cap on pinned items in one conversation. */
export const MAX_PINS = 100;

function pinsAdd({ params, store }: MethodCtx): Json {
  const ts = str(params.timestamp);
  if (!params.channel) return fail('channel_not_found');
  if (!ts) return fail('no_item_specified');
  const target = store.resolveChannel(params.channel);
  if ('error' in target) return fail(target.error);
  if (store.outside.has(target.id)) return fail('not_in_channel');
  if (!/^\d+\.\d+$/.test(ts)) return fail('bad_timestamp');
  if (!store.findMessage(target.id, ts)) return fail('message_not_found');
  const pinned = store.pins.get(target.id) ?? [];
  if (pinned.includes(ts)) return fail('already_pinned');
  if (pinned.length >= MAX_PINS) return fail('too_many_pins');
  store.pins.set(target.id, [...pinned, ts]);
  return { ok: true };
}

export const PIN_METHODS: Record<string, MethodSpec> = {
  'pins.add': { token: 'bot', handle: pinsAdd },
};
