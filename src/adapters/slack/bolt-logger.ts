// Bolt and its web client log through this, into our structured logger.
//
// Bolt's debug lines print whole request bodies (what people typed, form answers), so they
// are dropped, never forwarded. Other lines keep only their string parts, cut short.
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { errorFields, type Logger } from '../../chat/index.ts';

const MAX_LENGTH = 300;

function describe(parts: readonly unknown[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      if (!(part instanceof Error)) return '';
      const { type, message } = errorFields(part);
      return `${type}: ${message}`;
    })
    .filter((part) => part !== '')
    .join(' ')
    .slice(0, MAX_LENGTH);
}

export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  let name = 'bolt';
  return {
    debug: () => {},
    info: (...parts: unknown[]) => logger.info({ event: 'slack.bolt', source: name }, describe(parts)),
    warn: (...parts: unknown[]) => logger.warn({ event: 'slack.bolt', source: name }, describe(parts)),
    error: (...parts: unknown[]) => logger.error({ event: 'slack.bolt', source: name }, describe(parts)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      name = next;
    },
  };
}
