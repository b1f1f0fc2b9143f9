import { randomBytes } from 'node:crypto';

const DISCORD_EPOCH = 1_420_070_400_000n;
let lastMs = 0n;
let increment = 0n;

/** A real-looking, strictly increasing snowflake (19 digits today) so @discordjs/rest sees major parameters. */
export function snowflake(): string {
  const ms = BigInt(Date.now()) - DISCORD_EPOCH;
  if (ms > lastMs) {
    lastMs = ms;
    increment = 0n;
  } else {
    increment += 1n;
    if (increment > 0xfffn) {
      lastMs += 1n;
      increment = 0n;
    }
  }
  return ((lastMs << 22n) | (1n << 17n) | increment).toString();
}

/** An interaction token shaped like Discord's (base64url, no '/' or '?'). */
export function interactionToken(id: string): string {
  return Buffer.from(`interaction:${id}:${randomBytes(24).toString('hex')}`).toString('base64url');
}

export function sessionId(): string {
  return randomBytes(16).toString('hex');
}
