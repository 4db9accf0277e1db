// Scheduler precision: 1,000 schedules due at the same minute; the delay from the due instant
// to each occurrence's first send, p50 / p99. The real scheduler (node-cron ticking at second
// 0 of every minute, occurrence claims) and the real outbox worker on a real database; the
// schedules are 1,000 members' end-of-shift self-care prompts at the same time, run by the
// self-care feature's own occurrence handler (its batch form: a claimed batch's prompts in one
// transaction; BENCH_SCHEDULER_HANDLER=single runs them one by one, as before the batch form).
// The "platform" records when each DM arrives (no rate limit: distinct members).
// --quick: 50 schedules, and a clock shifted so that the due minute is 3 s away, ticked once
// by hand at that instant instead of waiting up to a minute for cron.
import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import type { ChatClient, MessageRef, UserRef } from '../src/chat/index.ts';
import { createFieldCipher, type Database, migrate, openDatabase } from '../src/db/index.ts';
import { noPlanSteps } from '../src/features/ports.ts';
import { createSelfCareFeature } from '../src/features/selfcare/index.ts';
import {
  type Clock,
  createOutboxWorker,
  createScheduler,
  encodeScheduleRule,
  type OccurrenceHandler,
  systemClock,
} from '../src/scheduling/index.ts';
import type { BenchContext, Benchmark, Figure } from './run.ts';
import { BENCH_ENCRYPTION_KEY, type BenchDatabase } from './support/databases.ts';
import { pcts, percentile, seconds } from './support/stats.ts';

class RecordingClient implements ChatClient {
  readonly platform = 'slack' as const;
  readonly firstSend = new Map<string, number>();
  constructor(private readonly clock: Clock) {}
  async sendDirect(
    user: UserRef,
    _view: unknown,
    options?: { idempotencyKey?: string },
  ): Promise<MessageRef> {
    const key = options?.idempotencyKey ?? '';
    if (!this.firstSend.has(key)) this.firstSend.set(key, this.clock.now().getTime());
    return { ...user, channelId: `D${user.userId}`, messageId: key };
  }
  async findDelivered(): Promise<MessageRef | undefined> {
    return undefined;
  }
  async postToChannel(): Promise<MessageRef> {
    throw new Error('the scheduler benchmark only sends DMs');
  }
  async postPrivately(): Promise<void> {}
  async updateMessage(): Promise<void> {}
  async uploadFile(): Promise<void> {}
}

async function open(db: BenchDatabase): Promise<Database> {
  const database = db.env.DATABASE_URL
    ? await openDatabase({ kind: 'postgres', url: db.env.DATABASE_URL })
    : await openDatabase({ kind: 'pglite-dir', dataDir: db.env.DATA_DIR ?? '' });
  await migrate(database);
  return database;
}

/**
 * PostgreSQL only: the database's committed transactions so far (each statement outside a
 * transaction is one), to count round trips per occurrence whatever the machine's load.
 * Backends report their counts up to a second late, hence the wait.
 */
async function committedTransactions(database: Database): Promise<number | undefined> {
  if (database.pglite) return undefined;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const rows = await database.prisma.$queryRaw<{ n: bigint }[]>`
    SELECT pg_stat_clear_snapshot() IS NULL AS cleared, xact_commit AS n
    FROM pg_stat_database WHERE datname = current_database()`;
  return Number(rows[0]?.n ?? 0);
}

type Counted = { count: number };

/** Wraps a PGlite instance (or a transaction of it) so that each statement sent counts once. */
function countOn(target: Pick<PGlite, 'query' | 'exec'>, counted: Counted): void {
  const query = target.query.bind(target);
  const exec = target.exec.bind(target);
  target.query = ((...args: Parameters<typeof query>) => {
    counted.count++;
    return query(...args);
  }) as typeof target.query;
  target.exec = (...args: Parameters<typeof exec>) => {
    counted.count++;
    return exec(...args);
  };
}

/**
 * PGlite only: counts the statements the bench process sends it, BEGIN and COMMIT of each
 * transaction included, to compare round trips per occurrence whatever the machine's load.
 */
function countStatements(database: Database): Counted | undefined {
  const pglite = database.pglite;
  if (!pglite) return undefined;
  const counted: Counted = { count: 0 };
  countOn(pglite, counted);
  const transaction = pglite.transaction.bind(pglite);
  pglite.transaction = (callback) => {
    counted.count += 2;
    return transaction((tx) => {
      countOn(tx, counted);
      return callback(tx);
    });
  };
  return counted;
}

/** Next minute boundary at least `leadMs` from the clock's now. */
function nextMinute(clock: Clock, leadMs: number): Date {
  const at = clock.now().getTime() + leadMs;
  return new Date(Math.ceil(at / 60_000) * 60_000);
}

/** `count` members, each with an end-of-shift self-care prompt due at `due` (UTC), daily. */
async function seedPrompts(database: Database, count: number, due: Date, now: Date): Promise<void> {
  const { prisma } = database;
  const workspace = await prisma.workspace.create({ data: { platform: 'slack', externalId: 'T1' } });
  const time = due.toISOString().slice(11, 16);
  const rule = encodeScheduleRule({
    kind: 'weekly',
    days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'],
    time,
    timeZone: 'UTC',
  });
  const rows = Array.from({ length: count }, (_, i) => ({
    memberId: randomUUID(),
    scheduleId: randomUUID(),
    userId: `U${i}`,
  }));
  await prisma.member.createMany({
    data: rows.map((r) => ({
      id: r.memberId,
      workspaceId: workspace.id,
      platformUserId: r.userId,
      displayName: r.userId,
    })),
  });
  await prisma.schedule.createMany({
    data: rows.map((r) => ({
      ...rule,
      id: r.scheduleId,
      kind: 'selfcare' as const,
      memberId: r.memberId,
      startsAt: now,
      windowMinutes: 120,
      payload: { topic: 'end-of-shift' },
    })),
  });
  await prisma.selfCareNudge.createMany({
    data: rows.map((r) => ({ memberId: r.memberId, scheduleId: r.scheduleId, topic: 'end-of-shift' })),
  });
}

async function run(db: BenchDatabase, count: number, ctx: BenchContext): Promise<Figure> {
  // In --quick the clock runs ahead so that the next minute is 3 s away. Never behind: a row
  // the database stamps with its own now would otherwise wait for the clock to catch up.
  const base = systemClock.now().getTime();
  const offset = ctx.quick ? Math.ceil((base + 3000) / 60_000) * 60_000 - 3000 - base : 0;
  const clock: Clock =
    offset === 0 ? systemClock : { ...systemClock, now: () => new Date(Date.now() + offset) };
  const database = await open(db);
  const cipher = createFieldCipher(Buffer.from(BENCH_ENCRYPTION_KEY, 'hex'));
  const client = new RecordingClient(clock);
  const worker = createOutboxWorker({
    prisma: database.prisma,
    cipher,
    clientFor: () => client,
    instanceId: 'bench',
    clock,
  });
  const selfcare = createSelfCareFeature({
    prisma: database.prisma,
    cipher,
    clock,
    notifyOutbox: () => worker.notify(),
    defaultTimeZone: 'UTC',
    planSteps: noPlanSteps,
  }).occurrences?.selfcare as OccurrenceHandler;
  // The one-by-one path, for comparison: the same handler without its batch form.
  const handler: OccurrenceHandler =
    process.env.BENCH_SCHEDULER_HANDLER === 'single' ? (o, c) => selfcare(o, c) : selfcare;
  const scheduler = createScheduler({
    prisma: database.prisma,
    instanceId: 'bench',
    handlers: { selfcare: handler },
    ...(process.env.BENCH_CLAIM_BATCH ? { claimBatch: Number(process.env.BENCH_CLAIM_BATCH) } : {}),
    clock,
    ...(ctx.quick ? { cron: false, intervalMs: 3_600_000 } : {}),
  });
  try {
    const due = nextMinute(clock, ctx.quick ? 2000 : 15_000);
    await seedPrompts(database, count, due, clock.now());
    worker.start();
    await scheduler.start();
    ctx.log(`  ${count} schedules due at ${due.toISOString()} on ${db.label}…`);
    const commitsBefore = await committedTransactions(database);
    const statements = countStatements(database);
    let cpuBefore: NodeJS.CpuUsage | undefined;
    if (ctx.quick) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due.getTime() - clock.now().getTime())));
      cpuBefore = process.cpuUsage();
      await scheduler.tick();
    }
    const deadline = due.getTime() + 180_000;
    while (client.firstSend.size < count && clock.now().getTime() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Without --quick, cron ticks at the due instant: CPU is counted from the last poll before it.
      if (!ctx.quick && clock.now().getTime() < due.getTime()) cpuBefore = process.cpuUsage();
    }
    const sent = statements?.count;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const commits = await committedTransactions(database);
    const delays = [...client.firstSend.values()].map((at) => at - due.getTime());
    const p99 = percentile(delays, 99);
    return {
      figure: `scheduler, ${count.toLocaleString('en')} due at once, ${db.label}: delay to first send p50 / p95 / p99`,
      value: pcts(delays),
      ...(ctx.quick ? {} : { target: 'p99 < 1 s', met: p99 < 1000 && delays.length === count }),
      notes:
        `${delays.length} of ${count} sent; last at ${seconds(Math.max(...delays, 0))}; ` +
        `bench process CPU ${(cpuMs / Math.max(1, delays.length)).toFixed(1)} ms an occurrence` +
        (commits === undefined || commitsBefore === undefined
          ? ''
          : `, ${((commits - commitsBefore) / Math.max(1, delays.length)).toFixed(1)} committed transactions an occurrence`) +
        (sent === undefined
          ? ''
          : `, ${(sent / Math.max(1, delays.length)).toFixed(1)} statements to PGlite an occurrence`),
    };
  } finally {
    await scheduler.stop();
    await worker.stop();
    await database.close();
  }
}

export const benchmarks: Benchmark[] = [
  {
    name: 'scheduler',
    async run(ctx) {
      const out: Figure[] = [];
      for (const db of await ctx.databases('sched')) {
        try {
          // BENCH_SCHEDULES=1000 with --quick: the full count on the quick run's shifted clock.
          out.push(await run(db, Number(process.env.BENCH_SCHEDULES ?? (ctx.quick ? 50 : 1000)), ctx));
        } finally {
          await db.drop();
        }
      }
      return out;
    },
  },
];
