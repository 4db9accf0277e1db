// Exporting the store: HSDS JSON (an array of dereferenced services), an HSDS CSV data package
// (a folder), or the simple CSV. Ordered by id, so two exports of the same store are identical.
import { writeFile } from 'node:fs/promises';
import type { PrismaClient } from '../../../db/index.ts';
import { rowToRecord, type Scope, sharedScope } from '../store.ts';
import { writeCsv } from './csv.ts';
import { recordToService } from './hsds.ts';
import { writeDataPackage } from './hsds-csv.ts';
import { recordToRow, simpleColumns } from './simple-csv.ts';

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
