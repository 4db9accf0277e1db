// Delivery bookkeeping does not grow forever. Once a day (UTC), one replica (the one whose
// claim of `retention-prune@<day>` inserts first) deletes de-duplication rows of platform
// deliveries older than their retention, and clears the payload of outbox rows sent longer ago
// than theirs, keeping each row's metadata (who, when, status, attempts) for the admin view.
import { errorFields } from '../../chat/index.ts';
import type { PrismaClient } from '../../db/index.ts';
import {
  claimOccurrence,
  finishClaim,
  type LogPort,
  occurrenceKey,
  type PeriodicJob,
} from '../../scheduling/index.ts';

export interface RetentionSettings {
  readonly processedEventDays: number;
  readonly sentOutboxDays: number;
}

/** What a cleared payload holds: not a view, so nothing can ever render or decrypt it. */
export const PRUNED_PAYLOAD = '';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PruneReport {
  readonly processedEvents: number;
  readonly sentPayloads: number;
}

export async function pruneDeliveryRecords(
  prisma: PrismaClient,
  retention: RetentionSettings,
  now: Date,
): Promise<PruneReport> {
  const eventsBefore = new Date(now.getTime() - retention.processedEventDays * DAY_MS);
  const sentBefore = new Date(now.getTime() - retention.sentOutboxDays * DAY_MS);
  const events = await prisma.processedEvent.deleteMany({ where: { receivedAt: { lt: eventsBefore } } });
  const payloads = await prisma.outboxMessage.updateMany({
    where: {
      status: 'sent',
      payload: { not: PRUNED_PAYLOAD },
      OR: [{ sentAt: { lt: sentBefore } }, { sentAt: null, createdAt: { lt: sentBefore } }],
    },
    data: { payload: PRUNED_PAYLOAD },
  });
  return { processedEvents: events.count, sentPayloads: payloads.count };
}

export function retentionJob(deps: {
  readonly prisma: PrismaClient;
  readonly retention: RetentionSettings;
  readonly logger?: LogPort;
}): PeriodicJob {
  const { prisma, retention, logger } = deps;
  return {
    name: 'retention.prune',
    async run({ instanceId, now }) {
      const day = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
      const key = occurrenceKey('retention-prune', day);
      if (!(await claimOccurrence(prisma, { key, dueAt: day, instanceId, at: now }))) return;
      try {
        const report = await pruneDeliveryRecords(prisma, retention, now);
        await finishClaim(prisma, key, 'done', { at: now });
        logger?.info({ event: 'retention.pruned', ...report }, 'old delivery records pruned');
      } catch (error) {
        await finishClaim(prisma, key, 'failed', { at: now, error: errorFields(error).type });
        throw error;
      }
    },
  };
}
