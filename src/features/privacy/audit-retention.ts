// Audit entries are kept AUDIT_RETENTION_DAYS (0: forever), then removed by a daily job that
// runs once a day across all replicas (an occurrence claim per UTC day). This is the one
// delete path for AuditLog: the database function `peerbridge_audit_purge` (migration
// audit_log_owner_and_purge) cuts at the database's own clock and refuses a retention under its
// floor (30 days unless the owner raised it); the trigger refuses every other UPDATE or DELETE.
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
      try {
        const removed = await purgeAuditOlderThan(prisma, days);
        await finishClaim(prisma, key, 'done', { at: now });
        logger?.info({ event: 'privacy.audit_retention', removed, days });
      } catch (error) {
        await finishClaim(prisma, key, 'failed', { at: now, error: String(error).split('\n')[0] });
        throw error;
      }
    },
  };
}

/** Removes audit entries older than `days` days (by the database's clock); returns how many. */
export async function purgeAuditOlderThan(prisma: PrismaClient, days: number): Promise<number> {
  const [row] = await prisma.$queryRaw<{ removed: number }[]>`
    SELECT "peerbridge_audit_purge"(${days}::integer) AS removed`;
  return Number(row?.removed ?? 0);
}
