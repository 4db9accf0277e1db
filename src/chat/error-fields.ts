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
  return {
    type: error.name,
    message: firstLine(error.message),
    ...(stack === undefined ? {} : { stack }),
  };
}
