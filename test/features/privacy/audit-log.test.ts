// The audit log is append-only in the database itself, and old entries leave only through the
// daily retention job, once a day across replicas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { purgeAuditBefore } from '../../../src/features/privacy/index.ts';
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

  async function entry(action: string, at: Date) {
    return db.prisma.auditLog.create({ data: { action, subjectType: 'Team', subjectId: 't1', at } });
  }

  describe(`the audit log on ${name}`, () => {
    it('refuses UPDATE, DELETE and TRUNCATE, whoever asks', async () => {
      const row = await entry('team.created', new Date());
      await expect(
        db.prisma.auditLog.update({ where: { id: row.id }, data: { action: 'x' } }),
      ).rejects.toThrow(/append-only/);
      await expect(db.prisma.$executeRawUnsafe('DELETE FROM "AuditLog"')).rejects.toThrow(/append-only/);
      await expect(db.prisma.$executeRawUnsafe('TRUNCATE "AuditLog"')).rejects.toThrow(/append-only/);
      expect(await db.prisma.auditLog.count({ where: { id: row.id, action: 'team.created' } })).toBe(1);
    });

    it('lets the retention purge remove only entries older than its cut-off, never one under 30 days', async () => {
      const young = await entry('young.entry', new Date(Date.now() - 20 * DAY));
      await expect(purgeAuditBefore(db.prisma, new Date(Date.now() - 10 * DAY))).rejects.toThrow(
        /append-only/,
      );
      expect(await db.prisma.auditLog.count({ where: { id: young.id } })).toBe(1);
      const old = await entry('old.entry', new Date(Date.now() - 400 * DAY));
      expect(await purgeAuditBefore(db.prisma, new Date(Date.now() - 365 * DAY))).toBe(1);
      expect(await db.prisma.auditLog.count({ where: { id: old.id } })).toBe(0);
    });

    it('runs the daily retention job once a day, whichever replica ticks first', async () => {
      const { features } = privacyFeatures(db.prisma);
      const now = new Date();
      const job = features.flatMap((f) => f.jobs ?? []).find((j) => j.name === 'privacy.audit-retention');
      expect(job).toBeDefined();
      const old = await entry('old.entry', new Date(Date.now() - 400 * DAY));
      const recent = await entry('recent.entry', new Date(Date.now() - 40 * DAY));
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
