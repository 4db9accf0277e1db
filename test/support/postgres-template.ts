// Migrated PostgreSQL schemas for tests, fast. The app's migrate() on a server forks the schema
// engine (3-5 s of CPU a schema); a run needs dozens of schemas. So global-setup migrates one
// template schema with migrate() itself, and each test schema replays the migrations' SQL in
// one session (as the driver adapter runs it: search_path = the schema, then public) and copies
// the template's `_prisma_migrations` rows, so the app's own migrate() finds it up to date.
// test/support/postgres-template.test.ts proves a copy has the template's catalog: tables,
// columns, indexes, constraints, triggers, functions. Tests of migrating itself (test/db/
// migrations.test.ts, the deployment tests) use freshPostgresSchema and migrate() instead.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { migrate, openDatabase } from '../../src/db/index.ts';
import { freshPostgresSchema, POSTGRES_TEST_URL, type PostgresSchema } from './database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's migrated template schema, or '' when no server answered at setup. */
    postgresTemplateSchema: string;
  }
}

const migrationsDir = join(import.meta.dirname, '../../prisma/migrations');

/** The migrations' SQL, oldest first, read once per worker. */
let scripts: Promise<string[]> | undefined;
function migrationScripts(): Promise<string[]> {
  scripts ??= (async () => {
    const names = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    return Promise.all(names.map((name) => readFile(join(migrationsDir, name, 'migration.sql'), 'utf8')));
  })();
  return scripts;
}

/** Migrates a new schema with the app's migrate(), for global-setup. Returns its name. */
export async function migrateTemplateSchema(): Promise<PostgresSchema> {
  const schema = freshPostgresSchema('pb_template');
  const db = await openDatabase({ kind: 'postgres', url: schema.url });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  return schema;
}

/**
 * A fresh schema on the test server holding every migration, as migrate() leaves it; drop it
 * with `drop()`. Call only where the PostgreSQL suites run (`postgresAvailable()`).
 */
export async function migratedPostgresSchema(prefix = 'pb_test'): Promise<PostgresSchema> {
  const template = inject('postgresTemplateSchema');
  if (!template)
    throw new Error(
      'No migrated PostgreSQL template: the server on 127.0.0.1:5432 did not answer when the run started. Start it (pg_ctlcluster 15 main start) and run the tests again.',
    );
  const schema = freshPostgresSchema(prefix);
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA "${schema.schema}"`);
    await client.query(`SET search_path TO "${schema.schema}", public`);
    for (const script of await migrationScripts()) await client.query(script);
    await client.query(
      `CREATE TABLE "_prisma_migrations" (LIKE "${template}"."_prisma_migrations" INCLUDING ALL)`,
    );
    await client.query(`INSERT INTO "_prisma_migrations" SELECT * FROM "${template}"."_prisma_migrations"`);
  } catch (error) {
    await client.query(`DROP SCHEMA IF EXISTS "${schema.schema}" CASCADE`).catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return schema;
}
