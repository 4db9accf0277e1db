// Ticks (node-cron, every minute) that find due occurrences of active Schedules and run each
// exactly once across replicas, through OccurrenceClaim (occurrence-claims.ts).
//
// Each tick looks back over every schedule's window plus `missedLookbackMs`, from the later of
// that and the schedule's `startsAt`:
//   - an occurrence due no longer ago than the schedule's `windowMinutes` is claimed and run;
//   - an older one (the process was down) is recorded as `missed`, so it never runs late;
//   - one that already has a claim (run, missed or failed, by anyone) is left alone.
// The tick has no memory of its own: after a restart, or on a second replica, the claims are
// the whole truth, so nothing fires twice and nothing inside its window is lost.
import { schedule as cronSchedule, type ScheduledTask } from 'node-cron';
import { errorFields } from '../chat/index.ts';
import type { Db, PrismaClient } from '../db/index.ts';
import { type Clock, systemClock, type TimerHandle } from './clock.ts';
import type { LogPort } from './log-port.ts';
import { occurrenceKey, recordManyMissed } from './occurrence-claims.ts';
import { createOccurrenceRunner } from './occurrence-runner.ts';
import { occurrencesBetween } from './occurrences.ts';
import type { DbClient } from './outbox.ts';
import { decodeScheduleRule } from './schedule-rule.ts';

export type ScheduleKind = Db.ScheduleKind;

export interface Occurrence {
  /** `<scheduleId>@<due ISO instant>`: a handler may use it as an idempotency key. */
  readonly key: string;
  readonly scheduleId: string;
  readonly kind: ScheduleKind;
  readonly dueAt: Date;
  readonly teamId: string | null;
  readonly memberId: string | null;
  readonly timeZone: string;
  /** The Schedule's JSON payload, unparsed: the owning feature parses it with its own schema. */
  readonly payload: unknown;
}

export interface OccurrenceContext {
  readonly instanceId: string;
  /** The tick's instant (the injected clock's). */
  readonly now: Date;
}

/**
 * What a batch form returns: its reads are done (outside any transaction, so nothing is held
 * while it reads), and `write` does its writes inside the scheduler's transaction, in which
 * the batch's claims are made and, when `write` returns, marked done.
 */
export interface BatchPlan {
  /**
   * `won` are the occurrences this replica claimed (another replica may hold some of those it
   * was given). Every write goes through `db`, outbox rows included.
   */
  write(db: DbClient, won: readonly Occurrence[]): Promise<void>;
  /** Runs once the transaction has committed (e.g. the outbox worker's notify()). */
  afterCommit?(): void;
}

/**
 * Runs one occurrence. It may also offer `batch`: the scheduler then hands it up to
 * `handlerBatch` due occurrences of its kind at once; it reads what it needs and returns a
 * plan whose `write` runs inside ONE transaction that also claims the occurrences and marks
 * them done. So a batch is exactly once: a replica that dies mid-batch leaves no claim behind
 * (the transaction rolls back) and the next tick runs it again, still inside its window. If
 * `batch` or `write` throws, nothing of it was written, and the scheduler runs the same
 * occurrences one by one through the single form, which records each failure on its own
 * claim: one bad occurrence never fails the others, and none is marked done without having run.
 */
export interface OccurrenceHandler {
  (occurrence: Occurrence, context: OccurrenceContext): Promise<void>;
  readonly batch?: (occurrences: readonly Occurrence[], context: OccurrenceContext) => Promise<BatchPlan>;
}

/**
 * Work that runs on every tick on every replica (e.g. "escalate flags nobody acknowledged").
 * It must make itself exactly-once, e.g. with claimOccurrence(`<what>@<instant>`).
 */
export interface PeriodicJob {
  readonly name: string;
  run(context: OccurrenceContext): Promise<void>;
}

export interface SchedulerOptions {
  readonly prisma: PrismaClient;
  readonly instanceId: string;
  /** Kinds without a handler here are neither claimed nor run (another replica may have one). */
  readonly handlers: Partial<Record<ScheduleKind, OccurrenceHandler>>;
  readonly clock?: Clock;
  readonly logger?: LogPort;
  readonly jobs?: readonly PeriodicJob[];
  /**
   * How start() ticks: node-cron every minute (true, the default), a cron expression of your
   * own (six fields for seconds, e.g. every 15 s), or false for the injected clock every
   * `intervalMs`. Tests call tick() themselves.
   */
  readonly cron?: boolean | string;
  readonly intervalMs?: number;
  /** How far past a schedule's window a tick still looks, to record missed occurrences. Default 24 h. */
  readonly missedLookbackMs?: number;
  /** How many claimed occurrences one tick runs at the same time. Default 8. */
  readonly concurrency?: number;
  /**
   * How many due occurrences one statement claims (and one more marks done), so 1,000 due in
   * the same minute cost a few round trips, not two each. Default 16.
   */
  readonly claimBatch?: number;
  /**
   * How many occurrences of a kind with a batch form run in one transaction. Default 100:
   * 1,000 self-care prompts due in the same minute are ten transactions; each holds PGlite
   * (one connection) for tens of milliseconds, not seconds.
   */
  readonly handlerBatch?: number;
}

export interface TickReport {
  readonly ran: string[];
  readonly failed: string[];
  readonly missed: string[];
}

export interface Scheduler {
  /** Evaluates every active schedule at `now` (default: the clock's). */
  tick(now?: Date): Promise<TickReport>;
  /** Ticks once at once (catching up after downtime), then on the cron. */
  start(): Promise<void>;
  /** Stops ticking and waits for a running tick to end. */
  stop(): Promise<void>;
}

const MINUTE = 60_000;
const DEFAULT_CONCURRENCY = 8;
// Twice the default concurrency: nearly all of the saving (claim and finish cost 2/16 of a round
// trip an occurrence instead of 2), while a replica killed mid-tick strands at most 16 claims
// `running` (claims are at most once, occurrence-claims.ts), not 100.
const DEFAULT_CLAIM_BATCH = 16;
// A batch's claims live and die with its transaction, so its size strands nothing on a crash.
const DEFAULT_HANDLER_BATCH = 100;

interface Due {
  readonly occurrence: Occurrence;
  /** Still inside its schedule's window: run it; otherwise record it as missed. */
  readonly inWindow: boolean;
}

const DAY = 24 * 60 * MINUTE;

/** Occurrences grouped by kind, in first-seen order. */
function byKind(occurrences: readonly Occurrence[]): Map<ScheduleKind, Occurrence[]> {
  const groups = new Map<ScheduleKind, Occurrence[]>();
  for (const occurrence of occurrences) {
    const group = groups.get(occurrence.kind);
    if (group) group.push(occurrence);
    else groups.set(occurrence.kind, [occurrence]);
  }
  return groups;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { prisma, instanceId, handlers, logger } = options;
  const clock = options.clock ?? systemClock;
  const lookback = options.missedLookbackMs ?? DAY;
  const { runKind } = createOccurrenceRunner({
    prisma,
    instanceId,
    handlers,
    clock,
    logger,
    concurrency: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY),
    claimBatch: Math.max(1, options.claimBatch ?? DEFAULT_CLAIM_BATCH),
    handlerBatch: Math.max(1, options.handlerBatch ?? DEFAULT_HANDLER_BATCH),
  });
  let running: Promise<TickReport> | undefined;
  let task: ScheduledTask | undefined;
  let timer: TimerHandle | undefined;
  let stopped = false;

  type ScheduleRow = Awaited<ReturnType<typeof prisma.schedule.findMany>>[number];

  /** The keys of occurrences already claimed (run, running or missed) in the schedules' windows. */
  async function claimedKeys(schedules: readonly ScheduleRow[], now: Date): Promise<Set<string>> {
    const widest = Math.max(...schedules.map((s) => s.windowMinutes)) * MINUTE;
    const claimed = await prisma.occurrenceClaim.findMany({
      where: {
        scheduleId: { in: schedules.map((s) => s.id) },
        dueAt: { gte: new Date(now.getTime() - widest - lookback), lte: now },
      },
      select: { key: true },
    });
    return new Set(claimed.map((claim) => claim.key));
  }

  /**
   * The schedule's unclaimed occurrences: those still in its window are to run, older ones
   * (the process was down) are to be recorded as missed. No database work here.
   */
  function dueOccurrences(schedule: ScheduleRow, known: ReadonlySet<string>, now: Date): Due[] {
    const spec = decodeScheduleRule(schedule);
    if (!spec.ok) {
      logger?.error(
        { event: 'scheduler.bad_rule', scheduleId: schedule.id, reason: spec.reason },
        'A schedule has a rule that cannot be read; it is skipped',
      );
      return [];
    }
    const window = schedule.windowMinutes * MINUTE;
    const from = Math.max(schedule.startsAt.getTime(), now.getTime() - window - lookback);
    const due: Due[] = [];
    // Half-open [from, to): one millisecond past now, so an occurrence due exactly now runs.
    for (const dueAt of occurrencesBetween(spec.value, new Date(from), new Date(now.getTime() + 1))) {
      const key = occurrenceKey(schedule.id, dueAt);
      if (known.has(key)) continue;
      const occurrence: Occurrence = {
        key,
        scheduleId: schedule.id,
        kind: schedule.kind,
        dueAt,
        teamId: schedule.teamId,
        memberId: schedule.memberId,
        timeZone: schedule.timeZone,
        payload: schedule.payload,
      };
      due.push({ occurrence, inWindow: now.getTime() - dueAt.getTime() <= window });
    }
    return due;
  }

  async function recordAllMissed(
    missed: readonly Occurrence[],
    now: Date,
    report: TickReport,
  ): Promise<void> {
    if (missed.length === 0) return;
    const recorded = await recordManyMissed(prisma, missed, { instanceId, at: now });
    for (const occurrence of missed) {
      if (!recorded.has(occurrence.key)) continue;
      report.missed.push(occurrence.key);
      logger?.warn(
        {
          event: 'scheduler.missed',
          key: occurrence.key,
          kind: occurrence.kind,
          lateMinutes: Math.round((now.getTime() - occurrence.dueAt.getTime()) / MINUTE),
        },
        'An occurrence came due while no replica was running; recorded as missed',
      );
    }
  }

  async function runJobs(now: Date): Promise<void> {
    for (const job of options.jobs ?? []) {
      try {
        await job.run({ instanceId, now });
      } catch (error) {
        logger?.error(
          { event: 'scheduler.job_failed', job: job.name, err: errorFields(error, { stack: true }) },
          'A periodic job failed',
        );
      }
    }
  }

  async function evaluate(now: Date): Promise<TickReport> {
    const report: TickReport = { ran: [], failed: [], missed: [] };
    const schedules = await prisma.schedule.findMany({
      where: { active: true, startsAt: { lte: now } },
      orderBy: { id: 'asc' },
    });
    if (schedules.length > 0) {
      const known = await claimedKeys(schedules, now);
      const due = schedules.flatMap((schedule) => dueOccurrences(schedule, known, now));
      // Those in their window first (by kind: a batch form's `handlerBatch` to a transaction,
      // others claimed `claimBatch` to a statement; kinds without a
      // handler here are left for a replica that has one), then the missed ones (of every
      // kind, as before), so a backlog of missed occurrences never delays one due now.
      const toRun = due
        .filter((d) => d.inWindow && handlers[d.occurrence.kind] !== undefined)
        .map((d) => d.occurrence);
      for (const [kind, occurrences] of byKind(toRun)) await runKind(kind, occurrences, now, report);
      await recordAllMissed(
        due.filter((d) => !d.inWindow).map((d) => d.occurrence),
        now,
        report,
      );
    }
    await runJobs(now);
    if (report.ran.length + report.failed.length + report.missed.length > 0) {
      logger?.info(
        {
          event: 'scheduler.tick',
          ran: report.ran.length,
          failed: report.failed.length,
          missed: report.missed.length,
        },
        'Scheduler tick',
      );
    }
    return report;
  }

  async function tick(now: Date = clock.now()): Promise<TickReport> {
    // Ticks of one instance never overlap; a second call waits for the first, then runs.
    while (running) await running.catch(() => undefined);
    running = evaluate(now);
    try {
      return await running;
    } finally {
      running = undefined;
    }
  }

  async function tickSafely(): Promise<void> {
    try {
      await tick();
    } catch (error) {
      logger?.error(
        { event: 'scheduler.tick_failed', err: errorFields(error, { stack: true }) },
        'Scheduler tick failed',
      );
    }
  }

  function armClockTimer(): void {
    timer = clock.setTimeout(() => {
      if (stopped) return;
      void tickSafely().then(() => {
        if (!stopped) armClockTimer();
      });
    }, options.intervalMs ?? MINUTE);
  }

  return {
    tick,
    async start() {
      stopped = false;
      await tickSafely();
      if (stopped) return;
      if (options.cron === false) {
        armClockTimer();
        return;
      }
      const expression = typeof options.cron === 'string' ? options.cron : '* * * * *';
      task = cronSchedule(expression, () => tickSafely(), {
        name: `scheduler-${instanceId}`,
        noOverlap: true,
      });
    },
    async stop() {
      stopped = true;
      if (timer) clock.clearTimeout(timer);
      timer = undefined;
      if (task) await task.destroy();
      task = undefined;
      await running?.catch(() => undefined);
    },
  };
}
