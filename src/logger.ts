// Structured logs with pino: JSON in production (or when piped), pretty when a person watches
// a terminal. Every line has an `event` name. Never pass private free text to a logger:
// log ids, counts and names only.
import { type Logger, pino } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

export function createLogger(log: Config['log'], stream: NodeJS.WritableStream = process.stdout): Logger {
  const pretty = log.format === 'pretty' || (log.format === 'auto' && process.stdout.isTTY === true);
  const redact = {
    paths: ['*.text', '*.note', '*.privateNote', '*.payload', 'token', '*.token'],
    censor: '[private]',
  };
  if (pretty && stream === process.stdout) {
    return pino({
      level: log.level,
      redact,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, ignore: 'pid,hostname', translateTime: 'HH:MM:ss' },
      },
    });
  }
  return pino({ level: log.level, redact }, stream);
}

/** A logger that drops everything, for tests that do not assert on logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
