// RFC 4180 CSV: quoted fields with commas, quotes ("") and line breaks inside. Each row keeps
// the line it started on, so an import report can name it. Cells that would be formulas in a
// spreadsheet are written defused (a leading apostrophe) and read back as they were.

export interface CsvRow {
  /** 1-based line of the file where the row starts (the header is line 1). */
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

/** Thrown when a table has more rows than its reader allows (the caller names the limit). */
export class TooManyRowsError extends Error {}

function splitRecords(text: string, maxRecords: number): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let empty = true;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      quoted = true;
      empty = false;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      empty = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      fields.push(field);
      if (!(empty && fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
      // Stop reading as soon as the table is over its limit, not after holding all of it.
      if (records.length > maxRecords) throw new TooManyRowsError();
      fields = [];
      field = '';
      empty = true;
      line++;
      start = line;
    } else {
      field += ch;
      empty = false;
    }
  }
  fields.push(field);
  if (!(empty && fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  if (records.length > maxRecords) throw new TooManyRowsError();
  return records;
}

/** The table; more than `maxRows` rows (header apart) throws TooManyRowsError. */
export function parseCsv(text: string, maxRows = Number.POSITIVE_INFINITY): CsvTable {
  const [head, ...rest] = splitRecords(text, maxRows + 1);
  const header = (head?.fields ?? []).map((name) => name.trim());
  return {
    header,
    rows: rest.map((record) => ({
      line: record.line,
      values: Object.fromEntries(header.map((name, i) => [name, restored(record.fields[i] ?? '')])),
    })),
  };
}

// A cell a spreadsheet would run as a formula starts with = + - @ (or a tab or CR before one).
// It is written with a leading apostrophe, as csv-stringify's `escape_formulas` does, and so is a
// cell that already starts with apostrophes before one of those, so that reading strips exactly
// one apostrophe and every export reads back unchanged.
const FORMULA = /^'*[=+\-@\t\r]/;

const defused = (value: string): string => (FORMULA.test(value) ? `'${value}` : value);

/** The cell as written, the one apostrophe `defused` added taken off. */
const restored = (value: string): string =>
  value.startsWith("'") && FORMULA.test(value) ? value.slice(1) : value;

const quote = (raw: string): string => {
  const value = defused(raw);
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
};

export function writeCsv(
  header: readonly string[],
  rows: readonly Readonly<Record<string, string | undefined>>[],
): string {
  const lines = [header.map(quote).join(',')];
  for (const row of rows) lines.push(header.map((name) => quote(row[name] ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
