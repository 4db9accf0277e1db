import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DatabaseAheadError,
  defaultMigrationsDir,
  diffMigrationsToSchema,
  migrate,
  readMigrations,
} from '../../src/db/index.ts';
import { databaseOnPglite, pgliteAdapterFactory } from '../../src/db/pglite.ts';
import {
  clonedDatabase,
  freshPglite,
  freshPostgresSchema,
  openPostgres,
  postgresAvailable,
} from '../support/database.ts';

const tableNames = async (query: (sql: string) => Promise<string[]>) =>
  query(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
  );

describe('migrations on an empty PGlite', () => {
  it('applies every migration folder once, and a second apply changes nothing', async () => {
    const db = databaseOnPglite(await freshPglite());
    try {
      const { migrationDirectories } = await readMigrations();
      const first = await migrate(db);
      expect(first).toEqual(migrationDirectories.map((m) => m.path));
      expect(await migrate(db)).toEqual([]);
      const tables = await tableNames(async (sql) =>
        (await db.pglite!.query<{ table_name: string }>(sql)).rows.map((r) => r.table_name),
      );
      expect(tables).toEqual(
        expect.arrayContaining([
          'Workspace',
          'Team',
          'Member',
          'OutboxMessage',
          'OccurrenceClaim',
          'AuditLog',
          '_prisma_migrations',
        ]),
      );
      // The schema is usable through the generated client.
      const workspace = await db.prisma.workspace.create({
        data: { platform: 'shell', externalId: 'local' },
      });
      expect(workspace.id).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await db.close();
    }
  });

  it('refuses, changing nothing, a database that is ahead of the code', async () => {
    // Migrated as the code's folders say (the test above proves that from empty), then one ahead.
    const db = await clonedDatabase();
    const dir = await mkdtemp(join(tmpdir(), 'pb-migrations-'));
    try {
      await cp(defaultMigrationsDir, dir, { recursive: true });
      await mkdir(join(dir, '29990101000000_from_the_future'));
      await writeFile(
        join(dir, '29990101000000_from_the_future', 'migration.sql'),
        'CREATE TABLE "Future" (id int);',
      );
      expect(await migrate(db, dir)).toContain('29990101000000_from_the_future');
      await expect(migrate(db)).rejects.toThrow(DatabaseAheadError);
      await expect(migrate(db)).rejects.toThrow(/29990101000000_from_the_future.*newer version/);
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('drift between schema.prisma and the migration folders', () => {
  // The schema engine's own connection; it replays the migrations into a shadow database it
  // opens itself (pgliteAdapterFactory), and a diff writes nothing here, so both tests share it.
  let main: PGlite;
  beforeAll(async () => {
    main = await freshPglite();
  });
  afterAll(() => main?.close());

  it('finds no difference: every schema change has its migration (run `npm run db:diff -- <name>`)', async () => {
    const sql = await diffMigrationsToSchema(pgliteAdapterFactory(main));
    expect(sql, `schema.prisma has changes with no migration:\n${sql}`).toBe('');
  });

  it('reports a difference when the schema gains a model the migrations lack', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pb-schema-'));
    try {
      const schema = await readFile(join(defaultMigrationsDir, '..', 'schema.prisma'), 'utf8');
      const schemaPath = join(dir, 'schema.prisma');
      await writeFile(schemaPath, `${schema}\nmodel DriftProbe {\n  id Int @id\n}\n`);
      const sql = await diffMigrationsToSchema(pgliteAdapterFactory(main), { schemaPath });
      expect(sql).toMatch(/CREATE TABLE "DriftProbe"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

const pgOk = await postgresAvailable();

describe.runIf(pgOk)('migrations on PostgreSQL (127.0.0.1:5432)', () => {
  const fresh = freshPostgresSchema();
  afterAll(() => fresh.drop());

  it('applies to a fresh schema, a second apply changes nothing, and the client works there', async () => {
    const db = await openPostgres(fresh.url);
    try {
      const first = await migrate(db);
      expect(first.length).toBeGreaterThan(0);
      expect(await migrate(db)).toEqual([]);
      await db.prisma.workspace.create({ data: { platform: 'slack', externalId: 'T123' } });
      expect(await db.prisma.workspace.count()).toBe(1);
      const pgClient = new (await import('pg')).default.Client({
        connectionString: 'postgresql://postgres@127.0.0.1:5432/test',
      });
      await pgClient.connect();
      try {
        const rows = await pgClient.query(
          'SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2',
          [fresh.schema, 'Workspace'],
        );
        expect(rows.rows[0].n).toBe(1);
      } finally {
        await pgClient.end();
      }
    } finally {
      await db.close();
    }
  });

  it("reports a failing migration with the engine's message (it runs in a child process there)", async () => {
    const broken = freshPostgresSchema();
    const dir = await mkdtemp(join(tmpdir(), 'pb-migrations-'));
    const db = await openPostgres(broken.url);
    try {
      await mkdir(join(dir, '20000101000000_broken'));
      await writeFile(
        join(dir, '20000101000000_broken', 'migration.sql'),
        'CREATE TABLE "Broken" (id nosuchtype);',
      );
      await expect(migrate(db, dir)).rejects.toThrow(/nosuchtype[\s\S]*20000101000000_broken/);
    } finally {
      await db.close();
      await broken.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
