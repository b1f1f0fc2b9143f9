import pino from 'pino';
import type { Logger } from './ports/logger.js';

/**
 * Structured logs with pino. Secrets are redacted by path in case an error object carries them; health data is
 * never passed to the logger in the first place (log ids and codes, not content).
 */
export function createLogger(level: string, destination?: string): Logger {
  const redact = {
    paths: [
      'token',
      '*.token',
      'headers.authorization',
      '*.headers.authorization',
      'encryptionKey',
      '*.encryptionKey',
    ],
    censor: '[redacted]',
  };
  if (destination)
    return pino({ level, redact }, pino.destination({ dest: destination, mkdir: true, sync: false }));
  return pino({ level, redact }, pino.destination(2));
}
