// The audit log is append-only in the database itself: the database stamps `at`, refuses
// UPDATE, DELETE and TRUNCATE, and old entries leave only through its purge function (never
// inside the retention floor), called by the daily retention job once a day across replicas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { purgeAuditOlderThan } from '../../../src/features/privacy/index.ts';
import { postgresAvailable } from '../../support/database.ts';
import { onPgliteAndPostgres } from '../resources/support.ts';
import { privacyFeatures } from './support.ts';

const DAY = 24 * 60 * 60 * 1000;
const hasPostgres = await postgresAvailable();

function auditSuite(name: string, open: () => Promise<{ db: Database; close(): Promise<void> }>) {
  let db: Database;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, close } = await open());
  });
  afterAll(() => close?.());

  async function entry(action: string) {
    return db.prisma.auditLog.create({ data: { action, subjectType: 'Team', subjectId: 't1' } });
  }

  /**
   * An entry from the past, for the purge to find. The stamp trigger would reset `at`, so the
   * row goes in with triggers off (`session_replication_role`, a superuser's setting: the test
   * roles are superusers, the runtime role of a deployment is not).
   */
  async function pastEntry(action: string, at: Date) {
    const [, rows] = await db.prisma.$transaction([
      db.prisma.$executeRawUnsafe('SET LOCAL session_replication_role = replica'),
      db.prisma.$queryRaw<{ id: string }[]>`
        INSERT INTO "AuditLog" ("id", "at", "action", "subjectType", "subjectId")
        VALUES (gen_random_uuid(), ${at}, ${action}, 'Team', 't1') RETURNING "id"`,
    ]);
    return { id: rows[0]!.id };
  }

  describe(`the audit log on ${name}`, () => {
    it('stamps every entry with the database clock, whatever `at` it is given', async () => {
      const before = new Date(Date.now() - 60_000);
      const row = await db.prisma.auditLog.create({
        data: { action: 'team.created', subjectType: 'Team', subjectId: 't1', at: new Date('2020-01-01') },
      });
      expect(row.at.getTime()).toBeGreaterThan(before.getTime());
      await db.prisma.$executeRaw`
        INSERT INTO "AuditLog" ("id", "at", "action", "subjectType", "subjectId")
        VALUES (gen_random_uuid(), '2001-01-01', 'backdated.raw', 'Team', 't1')`;
      const raw = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'backdated.raw' } });
      expect(raw.at.getTime()).toBeGreaterThan(before.getTime());
    });

    it('refuses UPDATE, DELETE and TRUNCATE, whoever asks, and ignores the old purge setting', async () => {
      const row = await entry('team.created');
      await expect(
        db.prisma.auditLog.update({ where: { id: row.id }, data: { action: 'x' } }),
      ).rejects.toThrow(/append-only/);
      await expect(db.prisma.$executeRawUnsafe('DELETE FROM "AuditLog"')).rejects.toThrow(/append-only/);
      await expect(db.prisma.$executeRawUnsafe('TRUNCATE "AuditLog"')).rejects.toThrow(/append-only/);
      const old = await pastEntry('old.entry', new Date(Date.now() - 400 * DAY));
      // The session setting that used to open the trigger opens nothing now.
      await expect(
        db.prisma.$transaction(async (tx) => {
          await tx.$queryRaw`SELECT set_config('peerbridge.audit_purge_before', ${new Date().toISOString()}, true)`;
          await tx.$executeRaw`DELETE FROM "AuditLog" WHERE "id" = ${old.id}`;
        }),
      ).rejects.toThrow(/append-only/);
      await expect(
        db.prisma
          .$executeRaw`UPDATE "AuditLog" SET "at" = now() - interval '900 days' WHERE "id" = ${old.id}`,
      ).rejects.toThrow(/append-only/);
      expect(await db.prisma.auditLog.count({ where: { id: old.id } })).toBe(1);
      expect(await db.prisma.auditLog.count({ where: { id: row.id, action: 'team.created' } })).toBe(1);
    });

    it('lets the purge function remove only entries older than the retention, and refuses a retention under 30 days', async () => {
      const young = await pastEntry('young.entry', new Date(Date.now() - 20 * DAY));
      await expect(purgeAuditOlderThan(db.prisma, 10)).rejects.toThrow(/at least 30 days/);
      await expect(purgeAuditOlderThan(db.prisma, 0)).rejects.toThrow(/at least 30 days/);
      expect(await db.prisma.auditLog.count({ where: { id: young.id } })).toBe(1);
      const kept = await pastEntry('kept.entry', new Date(Date.now() - 300 * DAY));
      const old = await pastEntry('old.entry', new Date(Date.now() - 400 * DAY));
      expect(await purgeAuditOlderThan(db.prisma, 365)).toBeGreaterThanOrEqual(1);
      expect(await db.prisma.auditLog.count({ where: { id: old.id } })).toBe(0);
      expect(await db.prisma.auditLog.count({ where: { id: { in: [young.id, kept.id] } } })).toBe(2);
    });

    it('runs the daily retention job once a day, whichever replica ticks first', async () => {
      const { features } = privacyFeatures(db.prisma);
      const now = new Date();
      const job = features.flatMap((f) => f.jobs ?? []).find((j) => j.name === 'privacy.audit-retention');
      expect(job).toBeDefined();
      const old = await pastEntry('old.entry', new Date(Date.now() - 400 * DAY));
      const recent = await pastEntry('recent.entry', new Date(Date.now() - 40 * DAY));
      await job!.run({ instanceId: 'replica-a', now });
      await job!.run({ instanceId: 'replica-b', now });
      expect(await db.prisma.auditLog.count({ where: { id: old.id } })).toBe(0);
      expect(await db.prisma.auditLog.count({ where: { id: recent.id } })).toBe(1);
      const claims = await db.prisma.occurrenceClaim.findMany({
        where: { key: { startsWith: 'audit-retention@' } },
      });
      expect(claims.map((c) => [c.claimedBy, c.status])).toEqual([['replica-a', 'done']]);
    });
  });
}

onPgliteAndPostgres(hasPostgres, auditSuite);
