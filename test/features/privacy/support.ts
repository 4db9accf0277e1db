// Shared by the privacy tests: the app's features composed like app.ts does (the privacy
// feature reading the same list), a recorder for the files it sends, and a raw-SQL sweep
// over every table of the database.

import { createAccess } from '../../../src/access/index.ts';
import type { FileUpload, UserRef } from '../../../src/chat/index.ts';
import { encryptedColumns, type FieldCipher, type PrismaClient } from '../../../src/db/index.ts';
import { createAdminFeature } from '../../../src/features/admin/index.ts';
import type { Feature } from '../../../src/features/feature.ts';
import { createPrivacyFeature } from '../../../src/features/privacy/index.ts';
import { type ClientFor, createTeamsFeature } from '../../../src/features/teams/index.ts';
import { ManualClock } from '../../../src/scheduling/index.ts';
import { clientsFor, shellPeople } from '../../support/people.ts';

export interface SentFile {
  readonly to: UserRef;
  readonly file: FileUpload;
  json(): Record<string, unknown>;
}

/**
 * The features on this branch plus privacy. When check-ins, flags, supervision and resources
 * land, add them here (or build from app.ts's featureList) and every privacy test covers them.
 */
export function privacyFeatures(
  prisma: PrismaClient,
  clock = new ManualClock(new Date('2026-12-01T09:00:00Z')),
  clientFor: ClientFor = clientsFor(shellPeople),
) {
  const files: SentFile[] = [];
  const features: Feature[] = [
    createTeamsFeature({
      prisma,
      defaults: { timeZone: 'UTC', crisisRegion: 'US' },
      clientFor: clientsFor(shellPeople),
    }),
    createAdminFeature({
      prisma,
      clock,
      notifyOutbox: () => {},
      access: createAccess({ prisma, clientFor }),
      retention: { processedEventDays: 7, sentOutboxDays: 30 },
    }),
    createPrivacyFeature({
      prisma,
      access: createAccess({ prisma, clientFor }),
      clientFor,
      clock,
      features: () => features,
      auditRetentionDays: 365,
      async sendFile(to, file) {
        files.push({ to, file, json: () => JSON.parse(String(file.content)) as Record<string, unknown> });
        return true;
      },
    }),
  ];
  return { features, files, clock };
}

/** Every row of every table in the current schema, as JSON text, for "is this string anywhere?". */
export async function everyRowAsText(prisma: PrismaClient): Promise<{ table: string; row: string }[]> {
  const tables = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
  const rows: { table: string; row: string }[] = [];
  for (const { table_name: table } of tables) {
    const found = await prisma.$queryRawUnsafe<{ row: string }[]>(
      `SELECT row_to_json(t)::text AS row FROM "${table.replace(/"/g, '""')}" t`,
    );
    for (const { row } of found) rows.push({ table, row });
  }
  return rows;
}

/**
 * Every row of every table as text, with each encrypted column's plaintext appended (decrypted
 * with the app's cipher, as `encryptedColumns` says): a sweep that also sees what is stored
 * encrypted, so "erased" means gone, not merely unreadable to a raw query.
 */
export async function everyRowDecrypted(
  prisma: PrismaClient,
  cipher: FieldCipher,
): Promise<{ table: string; row: string }[]> {
  const rows = await everyRowAsText(prisma);
  return rows.map(({ table, row }) => {
    const parsed = JSON.parse(row) as Record<string, unknown>;
    const plain = encryptedColumns
      .filter((c) => c.table === table && typeof parsed[c.column] === 'string')
      .filter((c) => c.table !== 'OutboxMessage' || parsed.isPrivate === true)
      .map((c) => {
        const { context, row: binding } = c.bind(parsed);
        return cipher.decrypt(String(parsed[c.column]), context, binding);
      });
    return { table, row: [row, ...plain].join('\n') };
  });
}
