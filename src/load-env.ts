import { existsSync } from 'node:fs';
import { ConfigError } from './config.js';

/**
 * Read the environment (a .env file beside package.json if present; variables already set win) through one of
 * config.ts's parsers. A problem is printed with where to look, and the process exits 1.
 */
export function loadOrExit<T>(parse: (env: Record<string, string | undefined>) => T, seeAlso: string): T {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return parse(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n${seeAlso}\n`);
      process.exit(1);
    }
    throw e;
  }
}
