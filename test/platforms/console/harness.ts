/**
 * The console runtime built the way src/main.ts builds it (config → key → compose → ConsoleChat on a SimClock),
 * but in this process: input is a Readable of script lines, output goes into a string array, and the clock's
 * "real" time is frozen so every instant in a run is fixed by CONSOLE_START_AT and the script's :advance lines.
 */
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { compose } from '../../../src/compose.js';
import { type Config, parseConfig } from '../../../src/config.js';
import { loadOrCreateConsoleKey } from '../../../src/encryption-key.js';
import { ConsoleChat } from '../../../src/platforms/console/console-chat.js';
import { ExportShelf } from '../../../src/platforms/console/export-shelf.js';
import { SimClock } from '../../../src/platforms/console/sim-clock.js';
import { openStore, type SqliteStore } from '../../../src/store/open-store.js';
import { RecordingLogger as MemoryLogger } from '../../helpers/recording-logger.js';

/** The console tests' logger: keeps entries so a test can say nothing went wrong along the way. */
export { MemoryLogger };

export interface ConsoleRun {
  /** Everything the chat wrote, joined. */
  output: string;
  /** Warnings main.ts would print on stderr (the generated-key notice). */
  warnings: string[];
  log: MemoryLogger;
  /** Rows re-enqueued by recover() at start. */
  recovered: number;
}

/** Run one console "process" over `lines` against DATA_DIR `dataDir`, starting at `startAt`, to the end of input. */
export async function runConsole(
  dataDir: string,
  startAt: string,
  lines: readonly string[],
): Promise<ConsoleRun> {
  const config = parseConfig({ DATA_DIR: dataDir, CONSOLE_START_AT: startAt });
  const warnings: string[] = [];
  const key = config.encryptionKey ?? loadOrCreateConsoleKey(config.dataDir, (m) => warnings.push(m));
  const log = new MemoryLogger();
  // Frozen real time: the simulated clock moves only when the chat runs ticks.
  const clock = new SimClock(config.consoleStartAt, () => 0);
  const withZone: Config = { ...config, defaultZone: config.defaultZone ?? 'Europe/London' };
  const exports = new ExportShelf(join(config.dataDir, 'exports'));
  const runtime = compose(withZone, key, log, clock, exports);
  const out: string[] = [];
  const chat = new ConsoleChat({
    deps: runtime.deps,
    registry: runtime.registry,
    routes: runtime.routes,
    clock,
    tick: runtime.tick,
    write: (s) => out.push(s),
    exports,
    echo: true,
  });
  runtime.startDelivery(chat.messenger);
  try {
    const recovered = await runtime.recover(clock.now());
    await runtime.queue.drain();
    await chat.run(Readable.from(lines.map((l) => `${l}\n`)));
    return { output: out.join(''), warnings, log, recovered };
  } finally {
    await runtime.close();
  }
}

/** Open the run's database afterwards with the key the console kept in DATA_DIR (as a later start would). */
export function reopenStore(dataDir: string): SqliteStore {
  const key = loadOrCreateConsoleKey(dataDir, (m) => {
    throw new Error(`expected the key kept in ${dataDir}, but a new one was made: ${m}`);
  });
  return openStore({ file: join(dataDir, 'interlude.db'), key });
}
