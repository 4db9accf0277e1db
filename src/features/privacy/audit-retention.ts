// Audit entries are kept AUDIT_RETENTION_DAYS (0: forever), then removed by a daily job that
// runs once a day across all replicas (an occurrence claim per UTC day). This is the one
// delete path for AuditLog: the database trigger refuses every other UPDATE or DELETE, and
// allows this one only for rows older than the cut-off it is told, never younger than 30 days.
import type { PrismaClient } from '../../db/index.ts';
import {
  claimOccurrence,
  finishClaim,
  type LogPort,
  occurrenceKey,
  type PeriodicJob,
} from '../../scheduling/index.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export function auditRetentionJob(prisma: PrismaClient, days: number, logger?: LogPort): PeriodicJob {
  return {
    name: 'privacy.audit-retention',
    async run({ instanceId, now }) {
      if (days === 0) return;
      const day = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
      const key = occurrenceKey('audit-retention', day);
      if (!(await claimOccurrence(prisma, { key, dueAt: day, instanceId, at: now }))) return;
      const before = new Date(now.getTime() - days * DAY_MS);
      try {
        const removed = await purgeAuditBefore(prisma, before);
        await finishClaim(prisma, key, 'done', { at: now });
        logger?.info({ event: 'privacy.audit_retention', removed, days });
      } catch (error) {
        await finishClaim(prisma, key, 'failed', { at: now, error: String(error).split('\n')[0] });
        throw error;
      }
    },
  };
}

/** Removes audit entries older than `before`, telling the trigger the cut-off for this transaction only. */
export async function purgeAuditBefore(prisma: PrismaClient, before: Date): Promise<number> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT set_config('peerbridge.audit_purge_before', ${before.toISOString()}, true)`;
    return tx.$executeRaw`DELETE FROM "AuditLog" WHERE "at" < ${before}::timestamptz`;
  });
}
