/**
 * A real store in a fresh temporary directory, for any test that needs persistence. Call `cleanup()` in
 * `afterEach`: it closes the store and removes the directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type SqliteStore } from '../../src/store/open-store.js';

/** A fixed key so a test can reopen its file. Never used outside tests. */
export const TEST_KEY: Buffer = Buffer.from('interlude-test-key-32-bytes-long', 'utf8');

export interface TempStore {
  store: SqliteStore;
  file: string;
  dir: string;
  cleanup(): void;
}

export function tempStore(): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 'interlude-store-'));
  const file = join(dir, 'interlude.db');
  const store = openStore({ file, key: TEST_KEY });
  return {
    store,
    file,
    dir,
    cleanup() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
