// Importing a file: HSDS JSON, an HSDS CSV data package (a folder or a zip with
// datapackage.json) or the simple CSV, from a path (the CLI) or from bytes (an upload in chat). Every row is checked with zod first; the report names each bad row by its line
// (or its place in the JSON) and id, with the reason. Nothing is written when any row is bad,
// unless goodRowsOnly. Writing is idempotent by id: the same file twice changes nothing.
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { PrismaClient } from '../../../db/index.ts';
import { type ResourceInput, type ResourceRecord, ResourceRecordSchema, reasonsOf } from '../record.ts';
import { idsOwnedElsewhere, type Scope, sharedScope, type WriteCounts, writeRecords } from '../store.ts';
import { parseCsv, TooManyRowsError } from './csv.ts';
import { servicesOf, serviceToInput } from './hsds.ts';
import { folderFiles, type PackageFiles, readDataPackage, zipFiles } from './hsds-csv.ts';
import {
  chatImportLimits,
  ImportLimitError,
  type ImportLimits,
  megabytes,
  operatorImportLimits,
  tooManyRows,
} from './limits.ts';
import { rowToInput } from './simple-csv.ts';
import { isZip } from './zip.ts';

export type ImportFormat = 'hsds-json' | 'hsds-csv' | 'simple-csv';

export interface ImportOptions {
  readonly goodRowsOnly?: boolean;
  readonly scope?: Scope;
  readonly format?: ImportFormat;
  /**
   * A workspace admin's import from chat: rows naming a shared entry are written to that
   * workspace's copy of it (the shared set stays the operator's), marked with who and when.
   */
  readonly workspaceCopies?: { readonly workspaceId: string; readonly by: string; readonly at: Date };
  /** Called as rows are written: for a progress line on the console. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface BadRow {
  /** Where it is: "line 4", "services.csv line 3", "item 2". */
  readonly where: string;
  readonly id?: string;
  readonly reason: string;
}

export interface ImportReport {
  readonly format: ImportFormat;
  readonly rows: number;
  readonly bad: readonly BadRow[];
  /** False when nothing was written (bad rows without goodRowsOnly). */
  readonly imported: boolean;
  readonly written: WriteCounts;
}

interface Candidate {
  readonly where: string;
  readonly input: ResourceInput | { problem: string };
}

/** What a file is, by its name (and, for a zip, its first bytes). */
export function formatOfName(name: string, bytes?: Uint8Array): ImportFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.zip') || (bytes && isZip(bytes))) return 'hsds-csv';
  if (lower.endsWith('.json')) return 'hsds-json';
  if (lower.endsWith('.csv')) return 'simple-csv';
  throw new Error(
    `I can read HSDS JSON (.json), the simple CSV (.csv) or an HSDS CSV data package (a .zip or a folder with datapackage.json); ${name} is none of these.`,
  );
}

export function detectFormat(path: string): ImportFormat {
  return statSync(path).isDirectory() ? 'hsds-csv' : formatOfName(path);
}

/** A file to import: its name (for the format and the report) and how to read it. */
export interface ImportSource {
  readonly name: string;
  /** How much this source may hold (chat uploads are capped tighter than the operator's files). */
  readonly limits: ImportLimits;
  readonly text: () => Promise<string>;
  /** The package's files (an HSDS CSV data package: a folder or a zip). */
  readonly packageFiles: () => Promise<PackageFiles>;
}

const zipLimitsOf = (limits: ImportLimits) => ({
  inflatedBytes: limits.inflatedBytes,
  entries: limits.zipEntries,
});

export function pathSource(path: string, limits: ImportLimits = operatorImportLimits): ImportSource {
  return {
    name: path,
    limits,
    text: () => readFile(path, 'utf8'),
    packageFiles: async () =>
      statSync(path).isDirectory() ? folderFiles(path) : zipFiles(await readFile(path), zipLimitsOf(limits)),
  };
}

/** An upload from chat: the chat limits apply unless told otherwise. */
export function bytesSource(
  name: string,
  bytes: Uint8Array,
  limits: ImportLimits = chatImportLimits,
): ImportSource {
  return {
    name,
    limits,
    text: async () => {
      if (bytes.byteLength > limits.uploadBytes)
        throw new ImportLimitError(
          `it is ${megabytes(bytes.byteLength)}, more than the ${megabytes(limits.uploadBytes)} I take`,
        );
      return Buffer.from(bytes).toString('utf8');
    },
    packageFiles: async () => zipFiles(bytes, zipLimitsOf(limits)),
  };
}

/** Parses with the row limit, naming it when a file goes over. */
async function withinRows<T>(limits: ImportLimits, parse: () => T | Promise<T>): Promise<T> {
  try {
    return await parse();
  } catch (error) {
    if (error instanceof TooManyRowsError) throw tooManyRows(limits);
    throw error;
  }
}

async function candidatesOf(source: ImportSource, format: ImportFormat): Promise<Candidate[]> {
  const { limits } = source;
  switch (format) {
    case 'simple-csv': {
      const text = await source.text();
      return (await withinRows(limits, () => parseCsv(text, limits.rows))).rows.map((row) => ({
        where: `line ${row.line}`,
        input: rowToInput(row),
      }));
    }
    case 'hsds-json': {
      const json: unknown = JSON.parse(await source.text());
      const services = servicesOf(json);
      if (services.length > limits.rows) throw tooManyRows(limits, 'services');
      return services.map((service, i) => ({
        where: `item ${i + 1}`,
        input: serviceToInput(service),
      }));
    }
    case 'hsds-csv': {
      const files = await source.packageFiles();
      const services = await withinRows(limits, () => readDataPackage(files, source.name, limits.rows));
      return services.map(({ key, service }) => ({ where: key, input: serviceToInput(service) }));
    }
  }
}

const idOf = (input: Candidate['input']): string | undefined =>
  'id' in input && typeof input.id === 'string' && input.id.trim() ? input.id.trim() : undefined;

/** Checks every row: the good records, and a reason for each bad one (duplicates included). */
export async function checkRows(
  prisma: PrismaClient,
  candidates: readonly Candidate[],
  scope: Scope,
  mayUpdateInstallWide = false,
): Promise<{ good: ResourceRecord[]; bad: BadRow[] }> {
  const good: ResourceRecord[] = [];
  const bad: BadRow[] = [];
  const firstSeen = new Map<string, string>();
  for (const { where, input } of candidates) {
    const id = idOf(input);
    const withId = id ? { where, id } : { where };
    if ('problem' in input) {
      bad.push({ ...withId, reason: input.problem });
      continue;
    }
    const earlier = id ? firstSeen.get(id) : undefined;
    if (id && earlier) {
      bad.push({ ...withId, reason: `the id '${id}' is already used by ${earlier}` });
      continue;
    }
    if (id) firstSeen.set(id, where);
    const parsed = ResourceRecordSchema.safeParse(input);
    if (parsed.success) good.push(parsed.data);
    else bad.push({ ...withId, reason: reasonsOf(parsed.error) });
  }
  const taken = await idsOwnedElsewhere(
    prisma,
    good.map((r) => r.id),
    scope,
    mayUpdateInstallWide,
  );
  if (taken.size === 0) return { good, bad };
  for (const record of good.filter((r) => taken.has(r.id))) {
    bad.push({
      where: firstSeen.get(record.id) ?? record.id,
      id: record.id,
      reason: `the id '${record.id}' belongs to another workspace or team's entry`,
    });
  }
  return { good: good.filter((r) => !taken.has(r.id)), bad };
}

const CHUNK = 500;

export function importFile(prisma: PrismaClient, path: string, options: ImportOptions = {}) {
  return importSource(prisma, pathSource(path), { ...options, format: options.format ?? detectFormat(path) });
}

export async function importSource(
  prisma: PrismaClient,
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const format = options.format ?? formatOfName(source.name);
  const scope = options.scope ?? sharedScope;
  const candidates = await candidatesOf(source, format);
  const { good, bad } = await checkRows(prisma, candidates, scope, options.workspaceCopies !== undefined);
  const written: WriteCounts = { added: 0, updated: 0, unchanged: 0, keptEdited: 0 };
  const base = { format, rows: candidates.length, bad };
  if (bad.length > 0 && !options.goodRowsOnly) return { ...base, imported: false, written };
  // One transaction: a crash or a refused row mid-way leaves the store as it was.
  await prisma.$transaction(
    async (tx) => {
      for (let start = 0; start < good.length; start += CHUNK) {
        const counts = await writeRecords(tx, good.slice(start, start + CHUNK), {
          scope,
          origin: 'import',
          keepEdited: false,
          ...(options.workspaceCopies
            ? {
                copySharedFor: options.workspaceCopies.workspaceId,
                editedAt: options.workspaceCopies.at,
                editedBy: options.workspaceCopies.by,
              }
            : {}),
        });
        written.added += counts.added;
        written.updated += counts.updated;
        written.unchanged += counts.unchanged;
        options.onProgress?.(Math.min(start + CHUNK, good.length), good.length);
      }
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  return { ...base, imported: true, written };
}

export function formatReport(report: ImportReport): string {
  const lines = [`Read ${report.rows} row(s) as ${report.format}.`];
  if (report.bad.length > 0) {
    lines.push(`${report.bad.length} row(s) need a change:`);
    for (const row of report.bad)
      lines.push(`  - ${row.where}${row.id ? ` (id ${row.id})` : ''}: ${row.reason}`);
  }
  if (!report.imported) {
    lines.push(
      'Nothing was imported: the store is unchanged. Fix the rows above, or run again with --good-rows-only to import only the good ones.',
    );
  } else {
    const w = report.written;
    lines.push(`Imported: ${w.added} added, ${w.updated} updated, ${w.unchanged} unchanged.`);
  }
  return lines.join('\n');
}
