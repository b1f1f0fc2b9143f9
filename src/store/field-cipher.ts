/**
 * Field encryption for free text at rest. Every value is sealed with AES-256-GCM under one key, with a fresh
 * random IV, and bound by its additional authenticated data to where it lives (`journal_entries.text`), so a
 * value copied into another column, or a blob altered on disk, fails to open instead of reading as something else.
 *
 * Sealed format: [version: 1 byte][IV: 12 bytes][tag: 16 bytes][ciphertext]. The version byte leaves room to
 * change algorithm or key later without guessing what an old blob is.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
export const FIELD_KEY_BYTES = 32;

export interface FieldCipher {
  seal(plain: string, aad: string): Buffer;
  open(sealed: Buffer, aad: string): string;
}

/** Throws a clear Error when the key is not 32 bytes: a short key is a configuration mistake, never padded. */
export function assertFieldKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== FIELD_KEY_BYTES) {
    const got = Buffer.isBuffer(key) ? `${key.length} bytes` : typeof key;
    throw new Error(
      `The field encryption key must be exactly ${FIELD_KEY_BYTES} bytes (AES-256), got ${got}. ` +
        'Generate one with `openssl rand -base64 32`.',
    );
  }
}

export function createFieldCipher(key: Buffer): FieldCipher {
  assertFieldKey(key);
  // A private copy: the caller may zero or reuse its buffer.
  const k = Buffer.from(key);

  return {
    seal(plain, aad) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', k, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(aad, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body]);
    },

    open(sealed, aad) {
      if (!Buffer.isBuffer(sealed) || sealed.length < HEADER_BYTES) {
        throw new Error(`Cannot open a sealed field for ${aad}: the value is not a sealed blob.`);
      }
      const version = sealed[0];
      if (version !== VERSION) {
        throw new Error(`Cannot open a sealed field for ${aad}: unknown format version ${version}.`);
      }
      const iv = sealed.subarray(1, 1 + IV_BYTES);
      const tag = sealed.subarray(1 + IV_BYTES, HEADER_BYTES);
      const body = sealed.subarray(HEADER_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', k, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch {
        // GCM says only "unable to authenticate": name the field so the log points somewhere useful.
        throw new Error(
          `Cannot open a sealed field for ${aad}: authentication failed (wrong key, wrong column, or altered data).`,
        );
      }
    },
  };
}
