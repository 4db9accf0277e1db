// A schema made by migratedPostgresSchema() (the migrations' SQL replayed, the bookkeeping rows
// copied) must be what the app's migrate() makes, or every PostgreSQL test would run on a
// database no deployment has. Compared here against the run's template, which migrate() made:
// every table, column, index, constraint, trigger and function, and the migrations recorded.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrate, openDatabase } from '../../src/db/index.ts';
import { POSTGRES_TEST_URL, type PostgresSchema, postgresAvailable } from './database.ts';
import { migratedPostgresSchema } from './postgres-template.ts';

const hasPostgres = await postgresAvailable();

/** The schema's catalog as text, its own name written as `S`. */
async function catalogOf(client: pg.Client, schema: string): Promise<string[]> {
  const { rows } = await client.query<{ line: string }>(
    `SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line
       FROM information_schema.columns WHERE table_schema = $1
     UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = $1
     UNION ALL SELECT 'constraint ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1
     UNION ALL SELECT 'trigger ' || pg_get_triggerdef(t.oid)
       FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid JOIN pg_namespace n ON n.oid = r.relnamespace
       WHERE n.nspname = $1 AND NOT t.tgisinternal
     UNION ALL SELECT 'function ' || pg_get_functiondef(p.oid)
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1
     UNION ALL SELECT 'migration ' || migration_name || ' ' || checksum || ' ' || (finished_at IS NOT NULL)::text
       FROM ${client.escapeIdentifier(schema)}."_prisma_migrations"`,
    [schema],
  );
  return rows.map((row) => row.line.replaceAll(schema, 'S')).sort();
}

describe.runIf(hasPostgres)('a migrated PostgreSQL schema for tests', () => {
  let copy: PostgresSchema;
  let client: pg.Client;

  beforeAll(async () => {
    copy = await migratedPostgresSchema('pb_copy');
    client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await copy?.drop();
  });

  it('has exactly the catalog migrate() makes, and migrate() finds nothing to do', async () => {
    const template = inject('postgresTemplateSchema');
    const made = await catalogOf(client, template);
    expect(made.filter((line) => line.startsWith('migration ')).length).toBeGreaterThan(10);
    expect(await catalogOf(client, copy.schema)).toEqual(made);
    const db = await openDatabase({ kind: 'postgres', url: copy.url });
    try {
      expect(await migrate(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
