// On PostgreSQL with a separate owner (docs/deploy.md): the runtime role, granted every table
// before the audit migration ran, loses UPDATE, DELETE and TRUNCATE on the audit log, cannot
// switch its triggers off or lower the retention floor, still starts (no migration to apply),
// writes entries stamped by the database, and purges only through the function.
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, defaultMigrationsDir, migrate, readMigrations } from '../../../src/db/index.ts';
import { purgeAuditOlderThan } from '../../../src/features/privacy/index.ts';
import {
  freshPostgresSchema,
  openPostgres,
  POSTGRES_TEST_URL,
  type PostgresSchema,
  postgresAvailable,
} from '../../support/database.ts';

const hasPostgres = await postgresAvailable();
const AUDIT_MIGRATION = '20261206220000_audit_log_owner_and_purge';

describe.runIf(hasPostgres)('the audit log with a separate owner role on PostgreSQL', () => {
  const runtimeRole = `pb_runtime_${randomBytes(4).toString('hex')}`;
  let schema: PostgresSchema;
  let owner: Database;
  let runtime: Database;
  let admin: pg.Client;
  let earlier: string;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: POSTGRES_TEST_URL });
    await admin.connect();
    await admin.query(`CREATE ROLE ${runtimeRole} LOGIN`);
    schema = freshPostgresSchema('pb_audit_roles');
    owner = await openPostgres(schema.url);
    // Every migration before the audit one, then the runtime role granted every table (as an
    // operator following a generic guide would), then the audit migration.
    earlier = await mkdtemp(join(tmpdir(), 'pb-migrations-'));
    const { migrationDirectories } = await readMigrations();
    for (const { path } of migrationDirectories.filter((m) => m.path < AUDIT_MIGRATION)) {
      await cp(join(defaultMigrationsDir, path), join(earlier, path), { recursive: true });
    }
    await cp(join(defaultMigrationsDir, 'migration_lock.toml'), join(earlier, 'migration_lock.toml'));
    await migrate(owner, earlier);
    await admin.query(`GRANT USAGE ON SCHEMA "${schema.schema}" TO ${runtimeRole}`);
    await admin.query(`GRANT ALL ON ALL TABLES IN SCHEMA "${schema.schema}" TO ${runtimeRole}`);
    expect(await migrate(owner)).toContain(AUDIT_MIGRATION);
    runtime = await openPostgres(schema.url.replace('postgres@', `${runtimeRole}@`));
  }, 120_000);

  afterAll(async () => {
    await runtime?.close();
    await owner?.close();
    await schema?.drop();
    await admin.query(`DROP OWNED BY ${runtimeRole}`);
    await admin.query(`DROP ROLE IF EXISTS ${runtimeRole}`);
    await admin.end();
    if (earlier) await rm(earlier, { recursive: true, force: true });
  });

  it('starts as the runtime role when the owner has migrated', async () => {
    expect(await migrate(runtime)).toEqual([]);
  });

  it('stamps a backdated entry with now() and refuses UPDATE, DELETE, TRUNCATE and trigger changes by privilege', async () => {
    const row = await runtime.prisma.auditLog.create({
      data: { action: 'team.created', subjectType: 'Team', subjectId: 't1', at: new Date('2020-01-01') },
    });
    expect(Date.now() - row.at.getTime()).toBeLessThan(5 * 60_000);
    const refused = /permission denied|must be owner/;
    await expect(
      runtime.prisma.$executeRaw`UPDATE "AuditLog" SET "at" = '2001-01-01' WHERE "id" = ${row.id}`,
    ).rejects.toThrow(refused);
    await expect(runtime.prisma.$executeRaw`DELETE FROM "AuditLog" WHERE "id" = ${row.id}`).rejects.toThrow(
      refused,
    );
    await expect(runtime.prisma.$executeRawUnsafe('TRUNCATE "AuditLog"')).rejects.toThrow(refused);
    await expect(
      runtime.prisma.$executeRawUnsafe('ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"'),
    ).rejects.toThrow(refused);
    await expect(
      runtime.prisma.$executeRawUnsafe(
        `CREATE OR REPLACE FUNCTION "peerbridge_audit_retention_floor_days"() RETURNS integer LANGUAGE sql STABLE AS 'SELECT 0'`,
      ),
    ).rejects.toThrow(refused);
    expect(await runtime.prisma.auditLog.count({ where: { id: row.id, action: 'team.created' } })).toBe(1);
  });

  it('purges through the function only beyond the retention, and the owner can raise the floor', async () => {
    // Past entries go in as the superuser with triggers off, inside the transaction below.
    const past = async (days: number) => {
      const { rows } = await admin.query<{ id: string }>(
        `INSERT INTO "${schema.schema}"."AuditLog" ("id", "at", "action", "subjectType", "subjectId")
         VALUES (gen_random_uuid(), now() - make_interval(days => $1), 'past.entry', 'Team', 't1') RETURNING "id"`,
        [days],
      );
      return rows[0]!.id;
    };
    await admin.query('BEGIN');
    await admin.query('SET LOCAL session_replication_role = replica');
    const young = await past(40);
    const old = await past(400);
    await admin.query('COMMIT');
    await expect(purgeAuditOlderThan(runtime.prisma, 20)).rejects.toThrow(/at least 30 days/);
    expect(await purgeAuditOlderThan(runtime.prisma, 365)).toBe(1);
    expect(await runtime.prisma.auditLog.count({ where: { id: { in: [young, old] } } })).toBe(1);
    await owner.prisma.$executeRawUnsafe(
      `CREATE OR REPLACE FUNCTION "peerbridge_audit_retention_floor_days"() RETURNS integer LANGUAGE sql STABLE AS 'SELECT 3650'`,
    );
    await expect(purgeAuditOlderThan(runtime.prisma, 30)).rejects.toThrow(/at least 3650 days/);
    expect(await runtime.prisma.auditLog.count({ where: { id: young } })).toBe(1);
  });
});
