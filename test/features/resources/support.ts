// Shared by the resources tests: the fixture loaded into a database, and a migrated PostgreSQL
// schema of its own (dropped afterwards) when a server answers.

import { describe } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { type ResourceInput, ResourceRecordSchema } from '../../../src/features/resources/record.ts';
import { sharedScope, type Viewer, writeRecords } from '../../../src/features/resources/store.ts';
import { clonedDatabase, openPostgres, type PostgresSchema } from '../../support/database.ts';
import { migratedPostgresSchema } from '../../support/postgres-template.ts';

export const everyone: Viewer = { workspaceId: null, teamIds: [] };

export async function loadEntries(db: Database, entries: readonly ResourceInput[]) {
  const records = entries.map((entry) => ResourceRecordSchema.parse(entry));
  return db.prisma.$transaction((tx) =>
    writeRecords(tx, records, { scope: sharedScope, origin: 'import', keepEdited: false }),
  );
}

export async function migratedPostgres(): Promise<{ db: Database; schema: PostgresSchema }> {
  const schema = await migratedPostgresSchema('pb_resources');
  return { db: await openPostgres(schema.url), schema };
}

export type OpenDatabase = () => Promise<{ db: Database; close(): Promise<void> }>;

/** Declares `suite` on a PGlite clone, and on a fresh PostgreSQL schema when a server answers. */
export function onPgliteAndPostgres(hasPostgres: boolean, suite: (name: string, open: OpenDatabase) => void) {
  suite('PGlite', async () => {
    const db = await clonedDatabase();
    return { db, close: () => db.close() };
  });
  describe.runIf(hasPostgres)('on PostgreSQL', () => {
    suite('PostgreSQL', async () => {
      const { db, schema } = await migratedPostgres();
      return {
        db,
        async close() {
          await db.close();
          await schema.drop();
        },
      };
    });
  });
}
