// How much an import may hold. A file sent in chat is read inside the bot, beside every team's
// check-ins (a 256 MB heap), so its upload, what it unpacks to, its files and its rows are capped,
// each refusal naming its limit. The operator's `npm run resources` runs in its own process and
// gets roomier limits.

export interface ImportLimits {
  /** The file as sent. */
  readonly uploadBytes: number;
  /** Everything a zip unpacks to, all its files together. */
  readonly inflatedBytes: number;
  /** Files inside a zip. */
  readonly zipEntries: number;
  /** Rows of one CSV table, or services of one HSDS JSON file. */
  readonly rows: number;
}

const MB = 1024 * 1024;

export const chatImportLimits: ImportLimits = {
  uploadBytes: 10 * MB,
  inflatedBytes: 20 * MB,
  zipEntries: 64,
  rows: 20_000,
};

export const operatorImportLimits: ImportLimits = {
  uploadBytes: Number.POSITIVE_INFINITY,
  inflatedBytes: 512 * MB,
  zipEntries: 1_000,
  rows: 1_000_000,
};

export function megabytes(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}

/** A file over one of the limits: the message names the limit, in words a person can act on. */
export class ImportLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportLimitError';
  }
}

export function tooManyRows(limits: ImportLimits, what = 'rows'): ImportLimitError {
  return new ImportLimitError(
    `it has more than ${limits.rows.toLocaleString('en-US')} ${what}, the most I import from one file`,
  );
}
