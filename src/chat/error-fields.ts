// An error as log fields, safe to write down: its kind, the first line of its message (cut
// short) and, when asked, the stack's frames.
//
// Why not the whole error: a message can quote what it failed on. Prisma prints the whole
// query with its arguments below the first line; V8's JSON errors quote the input; a stack's
// first line repeats the message. Logs carry ids, counts and names, never what a person wrote.

const MAX_MESSAGE = 200;

export interface ErrorFields {
  readonly type: string;
  readonly message?: string;
  readonly stack?: string;
  /** A library's error code (Prisma `P2002`, Node `ECONNRESET`): names the cause, quotes nothing. */
  readonly code?: string;
  /** The database's SQLSTATE (`23505` unique violation), when the error carries one. */
  readonly sqlState?: string;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;

/** Short codes only: a code field that is really a sentence would carry data. */
const shortCode = (value: unknown): string | undefined =>
  typeof value === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(value) ? value : undefined;

/**
 * SQLSTATE from wherever the driver put it: node-postgres sets `code` on its error, Prisma's
 * driver adapters keep it in `meta.driverAdapterError.cause.originalCode`.
 */
function sqlStateOf(error: Error): string | undefined {
  const candidates = [
    record(record(record(record(error)?.meta)?.driverAdapterError)?.cause)?.originalCode,
    record(record(error)?.cause)?.code,
    record(record(record(error)?.cause)?.cause)?.originalCode,
  ];
  return candidates.map(shortCode).find((code) => code !== undefined && /^[0-9A-Z]{5}$/.test(code));
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.trim().slice(0, MAX_MESSAGE);
}

/** Only the `at …` lines: where it happened, without the message the first line repeats. */
function frames(stack: string | undefined): string | undefined {
  const lines = stack?.split('\n').filter((l) => l.trimStart().startsWith('at '));
  return lines && lines.length > 0 ? lines.join('\n') : undefined;
}

export function errorFields(error: unknown, options: { readonly stack?: boolean } = {}): ErrorFields {
  if (!(error instanceof Error)) return { type: typeof error };
  const stack = options.stack ? frames(error.stack) : undefined;
  const code = shortCode(record(error)?.code);
  const sqlState = sqlStateOf(error);
  return {
    type: error.name,
    message: firstLine(error.message),
    ...(code === undefined ? {} : { code }),
    ...(sqlState === undefined ? {} : { sqlState }),
    ...(stack === undefined ? {} : { stack }),
  };
}
