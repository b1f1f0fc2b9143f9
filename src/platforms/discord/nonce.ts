import { createHash } from 'node:crypto';

/** Discord accepts a nonce of at most 25 characters; the delivery key is hashed down to one. */
export const nonceFor = (key: string): string =>
  createHash('sha256').update(key).digest('base64url').slice(0, 25);
