import { randomBytes, randomUUID } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A Slack-looking id: prefix + 10 upper-case alphanumerics ('D0A1B2C3D4'). */
export function slackId(prefix: string): string {
  const bytes = randomBytes(10);
  let out = prefix;
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

let lastMicros = 0;

/** A message ts ('1700000000.000100'): epoch seconds with microseconds, strictly increasing. */
export function messageTs(): string {
  const micros = Math.max(Date.now() * 1000, lastMicros + 1);
  lastMicros = micros;
  return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
}

/** An action_ts ('1700000000.123456'). */
export function actionTs(): string {
  const ms = Date.now();
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000 + Math.floor(Math.random() * 1000)).padStart(6, '0')}`;
}

/** Shaped like Slack's: '<digits>.<digits>.<hex>'. */
export function triggerId(): string {
  const a = 1_000_000_000 + Math.floor(Math.random() * 9_000_000_000);
  const b = 1_000_000_000 + Math.floor(Math.random() * 9_000_000_000);
  return `${a}.${b}.${randomBytes(16).toString('hex')}`;
}

export function envelopeId(): string {
  return randomUUID();
}

export function opaque(bytes = 12): string {
  return randomBytes(bytes).toString('hex');
}
