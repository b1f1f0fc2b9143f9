/**
 * vega-lite, without its global side effect. On import, vega-lite defines `Set.prototype.toJSON` for its own
 * hashing; that breaks other libraries that inspect built-in prototypes when they load (discord.js's event
 * emitter throws `string "Set()" is not iterable` if it is imported after vega-lite). So the patch is removed at
 * once and put back only while vega-lite compiles, which is synchronous: no other code can see it.
 */
const hadToJSON = Object.hasOwn(Set.prototype, 'toJSON');
const vl = await import('vega-lite');
const patched = Object.getOwnPropertyDescriptor(Set.prototype, 'toJSON');
if (!hadToJSON && patched) Reflect.deleteProperty(Set.prototype, 'toJSON');

export type { TopLevelSpec } from 'vega-lite';

export function compile(...args: Parameters<typeof vl.compile>): ReturnType<typeof vl.compile> {
  if (hadToJSON || !patched) return vl.compile(...args);
  Object.defineProperty(Set.prototype, 'toJSON', patched);
  try {
    return vl.compile(...args);
  } finally {
    Reflect.deleteProperty(Set.prototype, 'toJSON');
  }
}
