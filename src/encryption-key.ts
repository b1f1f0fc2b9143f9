import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeKey } from './config.js';

/**
 * Console mode only: read the key kept in DATA_DIR, or make one on first run. Anyone who can read this file can
 * read the journal, so it is written owner-only and the person is told to set ENCRYPTION_KEY for real use.
 */
export function loadOrCreateConsoleKey(dataDir: string, warn: (msg: string) => void): Buffer {
  const file = join(dataDir, 'encryption.key');
  if (existsSync(file)) {
    const key = decodeKey(readFileSync(file, 'utf8').trim());
    if (!key)
      throw new Error(
        `${file} does not hold a valid key (32 bytes as hex or base64). Restore it, or set ENCRYPTION_KEY.`,
      );
    return key;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  warn(
    `No ENCRYPTION_KEY is set, so a new key was generated and saved in ${file}. That is fine for trying Interlude on this computer; for real use, set ENCRYPTION_KEY and keep it safe — without it the data cannot be read.`,
  );
  return key;
}
