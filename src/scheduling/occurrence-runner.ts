// Runs a tick's due occurrences of one kind, once each across replicas (the scheduler decides
// what is due; this decides how it runs). A kind whose handler has a batch form runs in
// transactions of `handlerBatch` that hold their own claims; other kinds are claimed
// `claimBatch` to a statement and run up to `concurrency` at a time.
import { errorFields } from '../chat/index.ts';
import type { PrismaClient } from '../db/index.ts';
import type { Clock } from './clock.ts';
import type { LogPort } from './log-port.ts';
import { claimOccurrences, finishClaim, finishClaims } from './occurrence-claims.ts';
import type { BatchPlan, Occurrence, OccurrenceHandler, ScheduleKind, TickReport } from './scheduler.ts';

export interface OccurrenceRunnerOptions {
  readonly prisma: PrismaClient;
  readonly instanceId: string;
  readonly handlers: Partial<Record<ScheduleKind, OccurrenceHandler>>;
  readonly clock: Clock;
  readonly logger: LogPort | undefined;
  readonly concurrency: number;
  readonly claimBatch: number;
  readonly handlerBatch: number;
}

// A whole batch in one transaction: longer than Prisma's 5 s default, so a loaded machine does
// not roll back a batch that is merely slow.
const BATCH_TRANSACTION = { maxWait: 10_000, timeout: 60_000 };

/**
 * Runs `work` on every item, at most `limit` at a time. Settles only when every lane has
 * stopped (so a tick never ends while its work still runs); the first error is rethrown then,
 * and a lane that failed takes no further items, as the one-at-a-time loop did.
 */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const lanes = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, lane));
  const rejected = lanes.find((lane) => lane.status === 'rejected');
  if (rejected) throw rejected.reason;
}

// Stored on the claim: the error's type and first line only. Lines below it (Prisma's query
// and arguments) can quote private text.
function errorText(error: unknown): string {
  const fields = errorFields(error);
  return fields.message === undefined ? fields.type : `${fields.type}: ${fields.message}`;
}

/** `runKind(kind, due, now, report)`: runs one kind's due occurrences, recording outcomes in `report`. */
export function createOccurrenceRunner(options: OccurrenceRunnerOptions) {
  const { prisma, instanceId, handlers, clock, logger, concurrency, claimBatch, handlerBatch } = options;

  /** Runs an occurrence this replica has claimed; true when it succeeded (finished in bulk later). */
  async function runClaimed(occurrence: Occurrence, now: Date, report: TickReport): Promise<boolean> {
    try {
      await handlers[occurrence.kind]?.(occurrence, { instanceId, now });
      return true;
    } catch (error) {
      report.failed.push(occurrence.key);
      logger?.error(
        {
          event: 'scheduler.occurrence_failed',
          key: occurrence.key,
          kind: occurrence.kind,
          err: errorFields(error, { stack: true }),
        },
        'A scheduled occurrence failed',
      );
      await finishClaim(prisma, occurrence.key, 'failed', { error: errorText(error), at: clock.now() });
      return false;
    }
  }

  /**
   * Runs occurrences of one kind through its handler's batch form, in one transaction with
   * their claims (those another replica holds are left out) and their "done". True when it
   * committed; false when the batch threw (the transaction wrote nothing, no claim included),
   * and the caller then runs them one by one.
   */
  async function runGroup(
    batch: NonNullable<OccurrenceHandler['batch']>,
    group: readonly Occurrence[],
    now: Date,
    report: TickReport,
  ): Promise<boolean> {
    let plan: BatchPlan;
    let won: string[];
    try {
      plan = await batch(group, { instanceId, now });
      won = await prisma.$transaction(async (db) => {
        const claimed = await claimOccurrences(db, group, { instanceId, at: now });
        const mine = group.filter((occurrence) => claimed.has(occurrence.key));
        if (mine.length === 0) return [];
        await plan.write(db, mine);
        const keys = mine.map((occurrence) => occurrence.key);
        await finishClaims(db, keys, clock.now());
        return keys;
      }, BATCH_TRANSACTION);
    } catch (error) {
      logger?.warn(
        {
          event: 'scheduler.batch_failed',
          kind: group[0]?.kind,
          occurrences: group.length,
          err: errorFields(error, { stack: true }),
        },
        'A batch of scheduled occurrences failed; running them one by one',
      );
      return false;
    }
    report.ran.push(...won);
    if (won.length > 0) plan.afterCommit?.();
    return true;
  }

  /**
   * Claims a batch in one statement, runs what this replica won up to `concurrency` at a
   * time, then marks the successful ones done in one statement. A claim is the whole guard: a
   * key another replica holds is not returned, so it is not run here.
   */
  async function runClaimedBatch(batch: readonly Occurrence[], now: Date, report: TickReport): Promise<void> {
    const won = await claimOccurrences(prisma, batch, { instanceId, at: now });
    const done: string[] = [];
    await eachLimited(
      batch.filter((occurrence) => won.has(occurrence.key)),
      concurrency,
      async (occurrence) => {
        if (await runClaimed(occurrence, now, report)) done.push(occurrence.key);
      },
    );
    await finishClaims(prisma, done, clock.now());
    report.ran.push(...done);
  }

  /** One kind's due occurrences: in batches through its batch form if it has one, else claimed in batches. */
  async function runKind(kind: ScheduleKind, due: readonly Occurrence[], now: Date, report: TickReport) {
    const batch = handlers[kind]?.batch;
    const size = batch ? handlerBatch : claimBatch;
    for (let i = 0; i < due.length; i += size) {
      const slice = due.slice(i, i + size);
      if (batch && (await runGroup(batch, slice, now, report))) continue;
      for (let j = 0; j < slice.length; j += claimBatch) {
        await runClaimedBatch(slice.slice(j, j + claimBatch), now, report);
      }
    }
  }

  return { runKind };
}
