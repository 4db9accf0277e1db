// Retention: check-in answers are erased CHECKIN_ANSWER_RETENTION_DAYS after they were given
// (0: kept until the member erases them). What they said goes: the items envelope, the private
// note, the shared win and barrier, the mood and the reach-out wish, and the delivered
// messages that quoted them (the supervisor's copy, a live post, the round's digest). What
// stays is anonymous arithmetic: that an answer was given or skipped and how many items went
// to each audience, which `/peer privacy` and the rounds' figures count. Once a day, exactly
// once across replicas (`checkin-retention@<day>`), like the audit and flag retention jobs.
import type { PrismaClient } from '../../db/index.ts';
import type { LogPort, PeriodicJob } from '../../scheduling/index.ts';
import { claimOccurrence, finishClaim, occurrenceKey } from '../../scheduling/index.ts';

const DAY = 24 * 60 * 60_000;
/** Answers per transaction, so a first run over years of answers never holds one long lock. */
const BATCH = 500;

const erased = {
  itemsEnc: null,
  privateNoteEnc: null,
  win: null,
  barrier: null,
  mood: null,
  wantsReachOut: false,
};

const hasText = [
  { itemsEnc: { not: null } },
  { privateNoteEnc: { not: null } },
  { win: { not: null } },
  { barrier: { not: null } },
  { mood: { not: null } },
  { wantsReachOut: true },
];

/** Erases one batch of answers given before `cutoff`; returns how many. */
async function eraseBatch(prisma: PrismaClient, cutoff: Date): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const old = await tx.checkinAnswer.findMany({
      where: { answeredAt: { lt: cutoff }, OR: hasText },
      select: { id: true, roundId: true },
      take: BATCH,
    });
    if (old.length === 0) return 0;
    await tx.checkinAnswer.updateMany({ where: { id: { in: old.map((a) => a.id) } }, data: erased });
    const rounds = [...new Set(old.map((a) => a.roundId))];
    await tx.outboxMessage.deleteMany({
      where: {
        status: { in: ['sent', 'dead'] },
        OR: [
          ...old.flatMap((a) => [
            { idempotencyKey: { startsWith: `checkin-private:${a.id}:` } },
            { idempotencyKey: { startsWith: `checkin-live:${a.id}:` } },
          ]),
          { idempotencyKey: { in: rounds.map((id) => `checkin-digest:${id}`) } },
        ],
      },
    });
    return old.length;
  });
}

/** Erases the text of every answer older than `retentionDays` (0: none); returns how many. */
export async function eraseOldAnswers(
  prisma: PrismaClient,
  now: Date,
  retentionDays: number,
): Promise<number> {
  if (retentionDays === 0) return 0;
  const cutoff = new Date(now.getTime() - retentionDays * DAY);
  let total = 0;
  for (;;) {
    const count = await eraseBatch(prisma, cutoff);
    total += count;
    if (count < BATCH) return total;
  }
}

export function answerRetentionJob(deps: {
  readonly prisma: PrismaClient;
  readonly retentionDays: number;
  readonly logger: LogPort;
}): PeriodicJob {
  return {
    name: 'checkins.retention',
    async run({ instanceId, now }) {
      if (deps.retentionDays === 0) return;
      const day = new Date(Math.floor(now.getTime() / DAY) * DAY);
      const key = occurrenceKey('checkin-retention', day);
      if (!(await claimOccurrence(deps.prisma, { key, dueAt: day, instanceId, at: now }))) return;
      try {
        const count = await eraseOldAnswers(deps.prisma, now, deps.retentionDays);
        await finishClaim(deps.prisma, key, 'done', { at: now });
        deps.logger.info(
          { event: 'checkins.retention', erased: count, days: deps.retentionDays },
          'Old check-in answers erased',
        );
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
