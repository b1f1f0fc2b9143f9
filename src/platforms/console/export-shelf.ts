import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { ExportCopies } from '../../app/deps.js';
import type { Participant } from '../../domain/entities.js';
import type { Attachment } from '../../views/message.js';

/**
 * Where the console keeps /export's files: DATA_DIR/exports/<person>/<time>/, readable by the owner only. One
 * folder a person, so /forget erases every copy with them (the files hold the journal in plain text).
 */
export class ExportShelf implements ExportCopies {
  constructor(readonly dir: string) {}

  write(userId: string, files: readonly Attachment[], now: number): string[] {
    const stamp = DateTime.fromMillis(now, { zone: 'UTC' }).toFormat("yyyyLLdd'T'HHmmss");
    const folder = join(this.folderOf(userId), stamp);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    return files.map((f) => {
      const path = join(folder, f.filename);
      writeFileSync(path, f.data, { mode: 0o600 });
      return path;
    });
  }

  eraseFor(p: Participant): number {
    if (p.platform !== 'console') return 0;
    const folder = this.folderOf(p.userId);
    let n: number;
    try {
      n = readdirSync(folder).length;
    } catch {
      return 0;
    }
    rmSync(folder, { recursive: true, force: true });
    return n;
  }

  /** A console name is letters, digits, `.`, `_` and `-` with at least one letter or digit (see :as). */
  private folderOf(userId: string): string {
    if (!/^[\p{L}\p{N}._-]{1,32}$/u.test(userId) || !/[\p{L}\p{N}]/u.test(userId)) {
      throw new Error(`not a console name: ${JSON.stringify(userId)}`);
    }
    return join(this.dir, userId);
  }
}
