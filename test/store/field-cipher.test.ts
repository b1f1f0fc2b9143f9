import { describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../src/store/field-cipher.js';
import { TEST_KEY } from '../helpers/temp-store.js';
import { TRICKY_TEXTS } from './seed.js';

const AAD = 'journal_entries.text:participant=1';

const samples = TRICKY_TEXTS;

describe('field cipher', () => {
  const cipher = createFieldCipher(TEST_KEY);

  it.each(Object.entries(samples))('round-trips %s text byte-exactly', (_name, plain) => {
    const sealed = cipher.seal(plain, AAD);
    const opened = cipher.open(sealed, AAD);
    expect(opened).toBe(plain);
    expect(Buffer.from(opened, 'utf8').equals(Buffer.from(plain, 'utf8'))).toBe(true);
  });

  it('keeps 4,000 characters', () => {
    expect(samples.long).toHaveLength(4000);
    expect(cipher.open(cipher.seal(samples.long, AAD), AAD)).toHaveLength(4000);
  });

  it('writes version 1, a 12-byte IV, a 16-byte tag, then the ciphertext', () => {
    const plain = 'hello, ✨';
    const sealed = cipher.seal(plain, AAD);
    expect(sealed[0]).toBe(1);
    expect(sealed.length).toBe(1 + 12 + 16 + Buffer.byteLength(plain, 'utf8'));
    expect(sealed.includes(Buffer.from(plain, 'utf8'))).toBe(false);
  });

  it('uses a fresh IV every time, so equal texts do not look equal', () => {
    const a = cipher.seal('same words', AAD);
    const b = cipher.seal('same words', AAD);
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('refuses a value moved to another column or another person', () => {
    const sealed = cipher.seal('private words', AAD);
    expect(() => cipher.open(sealed, 'intentions.text:participant=1')).toThrow(/authentication failed/);
    expect(() => cipher.open(sealed, 'journal_entries.text:participant=2')).toThrow(/authentication failed/);
  });

  it.each([
    ['version byte', 0],
    ['IV', 5],
    ['tag', 20],
    ['ciphertext', 30],
  ])('refuses a blob with a flipped bit in its %s', (_part, index) => {
    const sealed = cipher.seal('private words', AAD);
    const tampered = Buffer.from(sealed);
    tampered[index] = (tampered[index] ?? 0) ^ 0x01;
    expect(() => cipher.open(tampered, AAD)).toThrow(/Cannot open a sealed field/);
  });

  it('refuses a truncated blob and a blob with bytes appended', () => {
    const sealed = cipher.seal('private words', AAD);
    expect(() => cipher.open(sealed.subarray(0, 20), AAD)).toThrow(/not a sealed blob/);
    expect(() => cipher.open(sealed.subarray(0, sealed.length - 1), AAD)).toThrow(/authentication failed/);
    expect(() => cipher.open(Buffer.concat([sealed, Buffer.of(0)]), AAD)).toThrow(/authentication failed/);
  });

  it('refuses a blob sealed under another key', () => {
    const other = createFieldCipher(Buffer.alloc(32, 0x42));
    expect(() => cipher.open(other.seal('private words', AAD), AAD)).toThrow(/authentication failed/);
  });

  it.each([0, 16, 31, 33, 64])('refuses a %i-byte key with a clear message', (length) => {
    expect(() => createFieldCipher(Buffer.alloc(length))).toThrow(
      new RegExp(`must be exactly 32 bytes \\(AES-256\\), got ${length} bytes`),
    );
  });
});
