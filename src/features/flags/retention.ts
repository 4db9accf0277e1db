// Retention: flag notes and follow-up notes are erased FLAG_RETENTION_DAYS after the flag was
// raised, and so are the delivered DMs that carried them. The flag's level, times and
// acknowledgements stay for the team's anonymous figures. Once a day, exactly once across
// replicas (`flag-retention@<day>`).
import type { PrismaClient } from '../../db/index.ts';
import {
  claimOccurrence,
  finishClaim,
  type LogPort,
  occurrenceKey,
  type PeriodicJob,
} from '../../scheduling/index.ts';

const DAY = 24 * 60 * 60_000;

export async function purgeFlagNotes(
  prisma: PrismaClient,
  now: Date,
  retentionDays: number,
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY);
  return prisma.$transaction(async (tx) => {
    const old = await tx.triggerFlag.findMany({
      where: { createdAt: { lt: cutoff }, notesErasedAt: null },
      select: { id: true },
    });
    if (old.length === 0) return 0;
    const ids = old.map((f) => f.id);
    await tx.triggerFlag.updateMany({
      where: { id: { in: ids } },
      data: { noteEnc: null, followUpEnc: null, notesErasedAt: now },
    });
    // The supervisors' DMs held the note too (encrypted); delivered or given-up copies go with it.
    await tx.outboxMessage.deleteMany({
      where: {
        status: { in: ['sent', 'dead'] },
        OR: ids.map((id) => ({ idempotencyKey: { startsWith: `flag:${id}:` } })),
      },
    });
    return ids.length;
  });
}

export function retentionJob(deps: {
  prisma: PrismaClient;
  retentionDays: number;
  logger: LogPort;
}): PeriodicJob {
  return {
    name: 'flags.retention',
    async run({ instanceId, now }) {
      const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
      const key = occurrenceKey('flag-retention', day);
      if (!(await claimOccurrence(deps.prisma, { key, dueAt: day, instanceId, at: now }))) return;
      try {
        const erased = await purgeFlagNotes(deps.prisma, now, deps.retentionDays);
        await finishClaim(deps.prisma, key, 'done', { at: now });
        deps.logger.info({ event: 'flags.retention', erased }, 'Old flag notes erased');
      } catch (error) {
        await finishClaim(deps.prisma, key, 'failed', {
          at: now,
          error: error instanceof Error ? error.name : 'Error',
        });
        throw error;
      }
    },
  };
}
