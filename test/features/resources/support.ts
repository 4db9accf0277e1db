// Shared by the resources tests: the fixture loaded into a database, and a migrated PostgreSQL
// schema of its own (dropped afterwards) when a server answers.
import { type Database, migrate } from '../../../src/db/index.ts';
import { type ResourceInput, ResourceRecordSchema } from '../../../src/features/resources/record.ts';
import { sharedScope, type Viewer, writeRecords } from '../../../src/features/resources/store.ts';
import { freshPostgresSchema, openPostgres, type PostgresSchema } from '../../support/database.ts';

export const everyone: Viewer = { workspaceId: null, teamIds: [] };

export async function loadEntries(db: Database, entries: readonly ResourceInput[]) {
  const records = entries.map((entry) => ResourceRecordSchema.parse(entry));
  return db.prisma.$transaction((tx) =>
    writeRecords(tx, records, { scope: sharedScope, origin: 'import', keepEdited: false }),
  );
}

export async function migratedPostgres(): Promise<{ db: Database; schema: PostgresSchema }> {
  const schema = freshPostgresSchema('pb_resources');
  const db = await openPostgres(schema.url);
  await migrate(db);
  return { db, schema };
}
