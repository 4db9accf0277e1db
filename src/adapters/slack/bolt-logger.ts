// Bolt and its web client log through this, into our structured logger.
//
// Bolt's debug lines print whole request bodies (what people typed, form answers), so they
// are dropped, never forwarded. Other lines keep only their string parts, cut short.
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { errorFields, type Logger } from '../../chat/index.ts';

const MAX_LENGTH = 300;

// Bolt's receivers put the parser's error after these prefixes, and V8's JSON errors quote the
// request body ("Unexpected token … in JSON", "\"secret…\" is not valid JSON"): only the
// prefix is kept. The same goes for any line that looks like it carries a JSON parse error.
const quotingPrefixes = [
  'Malformed request body',
  'Failed to parse the request body',
  'Failed to parse body',
];
const quotesInput = /is not valid JSON|Unexpected token|Unexpected end of JSON|in JSON at position/;

/** A Bolt line without the request text it may quote. */
export function withoutQuotedInput(line: string): string {
  const prefix = quotingPrefixes.find((p) => line.startsWith(p));
  if (prefix) return `${prefix} (details withheld: they quote the request)`;
  return quotesInput.test(line) ? '(a parse error, withheld: it quotes the request)' : line;
}

function describe(parts: readonly unknown[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return withoutQuotedInput(part);
      if (!(part instanceof Error)) return '';
      const { type, message } = errorFields(part);
      return withoutQuotedInput(`${type}: ${message}`);
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
