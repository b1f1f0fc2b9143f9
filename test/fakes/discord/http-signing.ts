/**
 * Helpers for bots that take interactions over HTTP: an ed25519 key pair standing in for the application's, the
 * X-Signature-* headers Discord sends, and a POST that records the bot's answer on the handle.
 */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import type { InteractionHandle, Json } from './types.js';

export class InteractionSigner {
  /** The application's public key as Discord shows it (64 hex characters). */
  readonly publicKeyHex: string;
  private readonly privateKey: KeyObject;

  constructor() {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    this.privateKey = privateKey;
    const der = publicKey.export({ format: 'der', type: 'spki' });
    this.publicKeyHex = der.subarray(der.length - 32).toString('hex');
  }

  /** X-Signature-Ed25519 over timestamp + body, and X-Signature-Timestamp (epoch seconds). */
  headers(body: string | Buffer, timestamp = String(Math.floor(Date.now() / 1000))): Record<string, string> {
    const signed = Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]);
    return {
      'X-Signature-Ed25519': sign(null, signed, this.privateKey).toString('hex'),
      'X-Signature-Timestamp': timestamp,
    };
  }
}

/** POSTs the handle's payload, signed, to `url`; a 2xx JSON answer with a `type` becomes the handle's callback. */
export async function postInteraction(
  signer: InteractionSigner,
  url: string,
  handle: InteractionHandle,
): Promise<{ status: number; body: Json }> {
  const body = JSON.stringify(handle.payload);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...signer.headers(body) },
    body,
  });
  const text = await res.text();
  let json: Json = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  if (res.ok && typeof json?.type === 'number' && handle.callbacks.length === 0)
    handle.recordHttpResponse(json);
  return { status: res.status, body: json ?? text };
}
