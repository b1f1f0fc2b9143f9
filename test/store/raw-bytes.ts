/** Reads a database's files as bytes, the way `strings` would see them, to check what is on disk. */
import { existsSync, readFileSync } from 'node:fs';

export function rawBytes(file: string): { db: Buffer; wal: Buffer } {
  const read = (f: string): Buffer => (existsSync(f) ? readFileSync(f) : Buffer.alloc(0));
  return { db: read(file), wal: read(`${file}-wal`) };
}

/** The needles (as UTF-8) that occur anywhere in the haystack. */
export function found(haystack: Buffer, needles: readonly string[]): string[] {
  return needles.filter((n) => haystack.includes(Buffer.from(n, 'utf8')));
}
