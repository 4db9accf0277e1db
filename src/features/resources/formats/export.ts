// Exporting the store: HSDS JSON (an array of dereferenced services), an HSDS CSV data package
// (a folder, or a zip for a .zip path and for chat), or the simple CSV. Ordered by id, so two exports of the same store are identical.
import { writeFile } from 'node:fs/promises';
import type { PrismaClient } from '../../../db/index.ts';
import type { ResourceRecord } from '../record.ts';
import { rowToRecord, type Scope, sharedScope, visibleTo } from '../store.ts';
import { writeCsv } from './csv.ts';
import { recordToService } from './hsds.ts';
import { dataPackageFiles, writeDataPackage } from './hsds-csv.ts';
import { recordToRow, simpleColumns } from './simple-csv.ts';
import { writeZip } from './zip.ts';

export type ExportFormat = 'hsds-json' | 'hsds-csv' | 'simple-csv';

export function exportFormatOf(path: string): ExportFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) return 'hsds-json';
  if (lower.endsWith('.csv')) return 'simple-csv';
  return 'hsds-csv';
}

export async function exportRecords(
  prisma: PrismaClient,
  scope: Scope = sharedScope,
  includeRetired = false,
) {
  const rows = await prisma.resource.findMany({
    where: {
      workspaceId: scope.workspaceId,
      teamId: scope.teamId,
      ...(includeRetired ? {} : { archivedAt: null }),
    },
    orderBy: { id: 'asc' },
  });
  return rows.map(rowToRecord);
}

/**
 * What a workspace's admin exports from chat: the entries its teams see (not a team's own
 * entries), the same set an import from chat may write. A workspace's copy of a shared entry is
 * written under the shared entry's id, in its place, so importing the file again aims it back
 * at the copy and changes nothing.
 */
export async function workspaceRecords(prisma: PrismaClient, workspaceId: string) {
  const rows = await prisma.resource.findMany({
    where: { AND: [visibleTo({ workspaceId, teamIds: [] }), { teamId: null }] },
  });
  return rows
    .map((row) => ({ ...rowToRecord(row), id: row.replacesId ?? row.id }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const fileNames: Record<ExportFormat, string> = {
  'hsds-json': 'resources-hsds.json',
  'hsds-csv': 'resources-hsds-csv.zip',
  'simple-csv': 'resources.csv',
};

/** The records as one file in memory (the CSV data package zipped), for sending in chat. */
export function exportContent(records: readonly ResourceRecord[], format: ExportFormat) {
  const filename = fileNames[format];
  if (format === 'hsds-json')
    return { filename, content: `${JSON.stringify(records.map(recordToService), null, 2)}\n` };
  if (format === 'simple-csv')
    return { filename, content: writeCsv(simpleColumns, records.map(recordToRow)) };
  return { filename, content: new Uint8Array(writeZip(dataPackageFiles(records))) };
}

export async function exportFile(
  prisma: PrismaClient,
  path: string,
  options: { format?: ExportFormat; scope?: Scope } = {},
): Promise<{ format: ExportFormat; count: number }> {
  const format = options.format ?? exportFormatOf(path);
  const records = await exportRecords(prisma, options.scope);
  if (format === 'hsds-json') {
    await writeFile(path, `${JSON.stringify(records.map(recordToService), null, 2)}\n`);
  } else if (format === 'simple-csv') {
    await writeFile(path, writeCsv(simpleColumns, records.map(recordToRow)));
  } else {
    await writeDataPackage(path, records);
  }
  return { format, count: records.length };
}
