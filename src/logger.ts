// Structured logs with pino: JSON in production (or when piped), pretty when a person watches
// a terminal. Every line has an `event` name. Never pass private free text to a logger:
// log ids, counts and names only.
import { createRequire } from 'node:module';
import { type Logger, pino } from 'pino';
import { errorFields } from './chat/error-fields.ts';
import type { Config } from './config.ts';
import { requestIdMixin } from './lifecycle/request-context.ts';

export type { Logger };

export function createLogger(log: Config['log'], stream: NodeJS.WritableStream = process.stdout): Logger {
  const isTty = (stream as NodeJS.WriteStream).isTTY === true;
  const pretty = log.format === 'pretty' || (log.format === 'auto' && isTty);
  const fd = stream === process.stdout ? 1 : stream === process.stderr ? 2 : undefined;
  // A safety net, not the rule (the rule is: never pass private text). pino's `*` matches one
  // level, so each name is listed at the top level and one level down.
  const privateNames = ['text', 'note', 'privateNote', 'payload', 'view', 'plan', 'token'];
  const redact = {
    paths: privateNames.flatMap((name) => [name, `*.${name}`]),
    censor: '[private]',
  };
  // Call sites pass `err: errorFields(error)`, a plain object; pino's own `err` serializer would
  // rename its `type` to "Object". An Error passed by mistake is cut down the same way, so its
  // message's later lines (Prisma quotes query arguments there) never reach a log.
  const serializers = { err: (value: unknown) => (value instanceof Error ? errorFields(value) : value) };
  if (pretty && fd !== undefined) {
    // In-process and synchronous, not a `transport`: a transport starts a worker thread (its own
    // V8 heap, about 20 MB and 100+ ms at start) for what is a person reading a terminal.
    // Required lazily: JSON logging (production) never loads pino-pretty.
    const prettyStream = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
    return pino(
      { level: log.level, redact, serializers, mixin: requestIdMixin },
      prettyStream({
        colorize: isTty,
        ignore: 'pid,hostname',
        translateTime: 'HH:MM:ss',
        destination: fd,
        sync: true,
      }),
    );
  }
  return pino({ level: log.level, redact, serializers, mixin: requestIdMixin }, stream);
}

/** A logger that drops everything, for tests that do not assert on logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
