import { randomBytes } from 'node:crypto';
import { getTasks } from 'node-cron';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { markup } from '../../src/chat/markup.ts';
import { createFieldCipher, type Database, type PrismaClient } from '../../src/db/index.ts';
import {
  type BatchPlan,
  claimOccurrence,
  createScheduler,
  decodeScheduleRule,
  enqueueOutboxMany,
  ManualClock,
  type Occurrence,
  type OccurrenceHandler,
  type Scheduler,
  type SchedulerOptions,
} from '../../src/scheduling/index.ts';
import { clonedDatabase } from '../support/database.ts';
import { emptyTables } from './support/reset.ts';
import { aSchedule, aTeam, daily } from './support/schedules.ts';

let db: Database;
let clock: ManualClock;
let ran: Occurrence[];
const schedulers: Scheduler[] = [];

function scheduler(instanceId: string, options: Partial<SchedulerOptions> = {}): Scheduler {
  const made = createScheduler({
    prisma: db.prisma,
    instanceId,
    clock,
    handlers: {
      checkin: async (occurrence) => {
        ran.push(occurrence);
      },
    },
    ...options,
  });
  schedulers.push(made);
  return made;
}

const cipher = createFieldCipher(randomBytes(32));

async function schedules(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(await aSchedule(db.prisma, daily('09:00'), { startsAt: new Date('2026-03-02T00:00:00Z') }));
  }
  return ids;
}

const message = (occurrence: Occurrence) => ({
  idempotencyKey: occurrence.key,
  platform: 'slack' as const,
  workspaceExternalId: 'T1',
  target: { kind: 'dm' as const, userId: `U${occurrence.scheduleId}` },
  view: { text: markup`Time for a pause. You can skip it.`, blocks: [] },
});

/** Counts interactive transactions and raw statements sent through the client. */
function counting(prisma: PrismaClient) {
  const counts = { transactions: 0, queryRaw: 0, executeRaw: 0 };
  const client = new Proxy(prisma, {
    get(target, property) {
      if (property === '$transaction') counts.transactions++;
      if (property === '$queryRaw') counts.queryRaw++;
      if (property === '$executeRaw') counts.executeRaw++;
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { client, counts };
}

/** A handler with both forms, writing outbox rows like a feature's; `poison` fails either form. */
function outboxHandler(prisma: PrismaClient, poison?: string) {
  const calls = { single: [] as string[], batch: [] as number[] };
  const check = (o: Occurrence) => {
    if (o.scheduleId === poison) throw new Error('nudge row is broken');
  };
  const single = async (occurrence: Occurrence) => {
    calls.single.push(occurrence.key);
    await prisma.$transaction(async (tx) => {
      await enqueueOutboxMany(tx, cipher, [message(occurrence)]);
      check(occurrence);
    });
  };
  const batch = async (occurrences: readonly Occurrence[]): Promise<BatchPlan> => {
    calls.batch.push(occurrences.length);
    return {
      write: async (tx, won) => {
        await enqueueOutboxMany(tx, cipher, won.map(message));
        won.forEach(check);
      },
    };
  };
  const handler: OccurrenceHandler = Object.assign(single, { batch });
  return { handler, calls };
}

async function claims() {
  return db.prisma.occurrenceClaim.findMany({
    orderBy: { dueAt: 'asc' },
    select: { key: true, status: true },
  });
}

beforeAll(async () => {
  db = await clonedDatabase();
});

afterAll(async () => {
  await db.close();
});

beforeEach(async () => {
  await emptyTables(db.prisma);
  // Monday 2 March 2026, 09:00:30 in Berlin.
  clock = new ManualClock('2026-03-02T08:00:30Z');
  ran = [];
});

afterEach(async () => {
  await Promise.all(schedulers.splice(0).map((s) => s.stop()));
});

describe('scheduler', () => {
  it('runs a due occurrence once when two instances tick at the same moment', async () => {
    const teamId = await aTeam(db.prisma);
    const id = await aSchedule(db.prisma, daily('09:00'), {
      teamId,
      startsAt: new Date('2026-03-02T00:00:00Z'),
    });
    const [a, b] = [scheduler('replica-a'), scheduler('replica-b')];

    const reports = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);

    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({
      key: `${id}@2026-03-02T08:00:00.000Z`,
      kind: 'checkin',
      teamId,
      timeZone: 'Europe/Berlin',
      payload: { templateId: 'weekly-checkin' },
    });
    expect(reports.flatMap((r) => r.ran)).toEqual([ran[0]!.key]);
    expect(await claims()).toEqual([{ key: ran[0]!.key, status: 'done' }]);
  });

  it('after downtime runs what is still inside its window, records older ones as missed, and never repeats', async () => {
    await aSchedule(db.prisma, daily('09:00'), {
      startsAt: new Date('2026-02-20T00:00:00Z'),
      windowMinutes: 60,
    });
    await aSchedule(db.prisma, daily('08:00'), {
      startsAt: new Date('2026-02-20T00:00:00Z'),
      windowMinutes: 30,
    });
    // Back up at 09:40 Berlin: 09:00 is 40 minutes late (inside 60), 08:00 is 100 late (outside 30).
    clock.advanceTo('2026-03-02T08:40:00Z');
    const s = scheduler('replica-a');

    const first = await s.tick();

    expect(ran.map((o) => o.dueAt.toISOString())).toEqual(['2026-03-02T08:00:00.000Z']);
    expect(first.ran).toHaveLength(1);
    // Today's 08:00 and yesterday's 09:00 are recorded missed. The look-back reaches a day past
    // each window, so yesterday's 08:00 (24 h 40 min ago, window 30 min) is not even looked at.
    expect(first.missed.map((key) => key.split('@')[1]).sort()).toEqual([
      '2026-03-01T08:00:00.000Z',
      '2026-03-02T07:00:00.000Z',
    ]);
    const second = await s.tick();
    expect(second).toEqual({ ran: [], failed: [], missed: [] });
    expect(ran).toHaveLength(1);
    expect((await claims()).map((c) => c.status)).toEqual(['missed', 'missed', 'done']);
  });

  it('runs an occurrence due exactly now, and the next one only when it comes due', async () => {
    clock = new ManualClock('2026-03-02T08:00:00Z');
    await aSchedule(db.prisma, daily('09:00'), { startsAt: new Date('2026-03-02T00:00:00Z') });
    const s = scheduler('replica-a');
    await s.tick();
    clock.advanceTo('2026-03-03T07:59:59.999Z');
    await s.tick();
    expect(ran).toHaveLength(1);
    clock.advanceTo('2026-03-03T08:00:00Z');
    await s.tick();
    expect(ran.map((o) => o.dueAt.toISOString())).toEqual([
      '2026-03-02T08:00:00.000Z',
      '2026-03-03T08:00:00.000Z',
    ]);
  });

  it('runs occurrences due together side by side, at most `concurrency` at once, each once', async () => {
    for (let i = 0; i < 10; i++) {
      await aSchedule(db.prisma, daily('09:00'), { startsAt: new Date('2026-03-02T00:00:00Z') });
    }
    let inFlight = 0;
    let widest = 0;
    const slowHandler = async (occurrence: Occurrence) => {
      inFlight++;
      widest = Math.max(widest, inFlight);
      // Long enough that the other lanes start while this one is still running.
      await new Promise((resolve) => setTimeout(resolve, 30));
      inFlight--;
      ran.push(occurrence);
    };
    const options = { concurrency: 3, handlers: { checkin: slowHandler } };
    const [a, b] = [scheduler('replica-a', options), scheduler('replica-b', options)];

    const reports = await Promise.all([a.tick(), b.tick()]);

    expect(new Set(ran.map((o) => o.key)).size).toBe(10);
    expect(ran).toHaveLength(10);
    expect(reports.flatMap((r) => r.ran).sort()).toEqual(ran.map((o) => o.key).sort());
    // Two replicas, three lanes each: one at a time each would be two at most; never above six.
    expect(widest).toBeGreaterThanOrEqual(3);
    expect(widest).toBeLessThanOrEqual(6);
    expect((await claims()).every((c) => c.status === 'done')).toBe(true);
  });

  it('claims and finishes a tick’s due occurrences a batch to a statement, skipping keys another replica holds', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push(await aSchedule(db.prisma, daily('09:00'), { startsAt: new Date('2026-03-02T00:00:00Z') }));
    }
    const keyOf = (id: string) => `${id}@2026-03-02T08:00:00.000Z`;
    const dueAt = new Date('2026-03-02T08:00:00Z');
    for (const id of [ids[1]!, ids[5]!]) {
      await claimOccurrence(db.prisma, { key: keyOf(id), scheduleId: id, dueAt, instanceId: 'replica-b' });
    }
    // Counts the raw statements the scheduler sends (claims are $queryRaw, bulk finishes $executeRaw).
    const { client: counted, counts } = counting(db.prisma);

    const report = await scheduler('replica-a', { prisma: counted, claimBatch: 3 }).tick();

    const mine = ids.filter((id) => id !== ids[1] && id !== ids[5]).map(keyOf);
    expect(ran.map((o) => o.key).sort()).toEqual([...mine].sort());
    expect([...report.ran].sort()).toEqual([...mine].sort());
    // Five left to run (two are held), three a batch: two claim statements and two finish
    // statements, not five each.
    expect(counts).toEqual({ transactions: 0, queryRaw: 2, executeRaw: 2 });
    const rows = await db.prisma.occurrenceClaim.findMany({
      select: { key: true, status: true, claimedBy: true },
    });
    expect(
      rows
        .filter((r) => r.claimedBy === 'replica-a' && r.status === 'done')
        .map((r) => r.key)
        .sort(),
    ).toEqual([...mine].sort());
    expect(rows.filter((r) => r.claimedBy === 'replica-b').map((r) => r.status)).toEqual([
      'running',
      'running',
    ]);
  });

  it('runs one occurrence at a time with concurrency 1', async () => {
    for (let i = 0; i < 4; i++) {
      await aSchedule(db.prisma, daily('09:00'), { startsAt: new Date('2026-03-02T00:00:00Z') });
    }
    let inFlight = 0;
    let widest = 0;
    const s = scheduler('replica-a', {
      concurrency: 1,
      handlers: {
        checkin: async (occurrence) => {
          widest = Math.max(widest, ++inFlight);
          await new Promise((resolve) => setTimeout(resolve, 10));
          inFlight--;
          ran.push(occurrence);
        },
      },
    });
    await s.tick();
    expect(ran).toHaveLength(4);
    expect(widest).toBe(1);
  });

  it('records a failing handler as failed and does not run it again', async () => {
    await aSchedule(db.prisma, daily('09:00'), { startsAt: new Date('2026-03-02T00:00:00Z') });
    const errors: object[] = [];
    const s = scheduler('replica-a', {
      handlers: {
        checkin: async () => {
          throw new Error('template was deleted');
        },
      },
      logger: { info: () => undefined, warn: () => undefined, error: (o) => errors.push(o) },
    });
    const report = await s.tick();
    expect(report.failed).toHaveLength(1);
    expect(await db.prisma.occurrenceClaim.findFirst()).toMatchObject({
      status: 'failed',
      error: 'Error: template was deleted',
    });
    expect((await s.tick()).failed).toHaveLength(0);
    expect(errors).toContainEqual(expect.objectContaining({ event: 'scheduler.occurrence_failed' }));
  });

  it('skips a schedule whose rule cannot be read and still runs the others', async () => {
    await db.prisma.schedule.create({
      data: {
        kind: 'checkin',
        rule: 'every day at nine',
        timeZone: 'Europe/Berlin',
        startsAt: new Date('2026-03-01'),
      },
    });
    await aSchedule(db.prisma, daily('09:00'), { startsAt: new Date('2026-03-02T00:00:00Z') });
    const errors: object[] = [];
    const s = scheduler('replica-a', {
      logger: { info: () => undefined, warn: () => undefined, error: (o) => errors.push(o) },
    });
    await s.tick();
    expect(ran).toHaveLength(1);
    expect(errors).toContainEqual(expect.objectContaining({ event: 'scheduler.bad_rule' }));
  });

  it('leaves kinds it has no handler for to a replica that has one', async () => {
    await aSchedule(db.prisma, daily('09:00'), {
      startsAt: new Date('2026-03-02T00:00:00Z'),
      kind: 'selfcare',
    });
    await scheduler('replica-a').tick();
    expect(await claims()).toEqual([]);
  });

  it('reads a bare RRULE as well as the JSON form', () => {
    expect(
      decodeScheduleRule({ rule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0', timeZone: 'UTC' }),
    ).toMatchObject({
      ok: true,
      value: { kind: 'rrule', timeZone: 'UTC' },
    });
    expect(
      decodeScheduleRule({ rule: '{"kind":"weekly","days":["MO"],"time":"09:30"}', timeZone: 'UTC' }),
    ).toEqual({
      ok: true,
      value: { kind: 'weekly', days: ['MO'], time: '09:30', timeZone: 'UTC' },
    });
    expect(decodeScheduleRule({ rule: '{"kind":"weekly"', timeZone: 'UTC' }).ok).toBe(false);
  });

  it('ticks at start and then every interval on the injected clock', async () => {
    // 09:01 Berlin: not yet due at the first tick (09:00:30), due at the next one.
    await aSchedule(db.prisma, daily('09:01'), { startsAt: new Date('2026-03-02T00:00:00Z') });
    const ticks: string[] = [];
    let ticked: () => void = () => undefined;
    const s = scheduler('replica-a', {
      cron: false,
      intervalMs: 60_000,
      jobs: [
        {
          name: 'probe',
          run: async ({ now }) => {
            ticks.push(now.toISOString());
            ticked();
          },
        },
      ],
    });
    await s.start();
    expect(ticks).toEqual(['2026-03-02T08:00:30.000Z']);
    expect(ran).toHaveLength(0);

    const next = new Promise<void>((resolve) => {
      ticked = resolve;
    });
    clock.advance(60_000);
    await next;
    expect(ticks).toEqual(['2026-03-02T08:00:30.000Z', '2026-03-02T08:01:30.000Z']);
    expect(ran.map((o) => o.dueAt.toISOString())).toEqual(['2026-03-02T08:01:00.000Z']);
  });

  it('starts and stops its node-cron task', async () => {
    const s = scheduler('replica-cron');
    const before = getTasks().size;
    await s.start();
    expect(getTasks().size).toBe(before + 1);
    await s.stop();
    expect(getTasks().size).toBe(before);
  });
});

describe('scheduler, batch handlers', () => {
  it('hands a batch to the batch form: one transaction with its claims and its writes, each run once', async () => {
    await schedules(7);
    const { client, counts } = counting(db.prisma);
    const { handler, calls } = outboxHandler(client);
    const scheduler = createScheduler({
      prisma: client,
      instanceId: 'replica-a',
      clock,
      claimBatch: 2,
      handlerBatch: 4,
      handlers: { checkin: handler },
    });

    const report = await scheduler.tick();

    expect(report.ran).toHaveLength(7);
    expect(calls).toEqual({ single: [], batch: [4, 3] });
    // Two batches of `handlerBatch` (not `claimBatch`): one transaction each for 4 and 3
    // occurrences, their claims and finishes made inside it, none outside.
    expect(counts).toEqual({ transactions: 2, queryRaw: 0, executeRaw: 0 });
    const rows = await db.prisma.outboxMessage.findMany({ select: { idempotencyKey: true } });
    expect(rows.map((r) => r.idempotencyKey).sort()).toEqual([...report.ran].sort());
    const claims = await db.prisma.occurrenceClaim.findMany();
    expect(claims.every((c) => c.status === 'done')).toBe(true);
    expect((await scheduler.tick()).ran).toHaveLength(0);
    expect(calls.batch).toEqual([4, 3]);
  });

  it('runs a failing batch again one by one: the bad occurrence fails alone, the others are done once', async () => {
    const ids = await schedules(5);
    const poison = ids[2]!;
    const { handler, calls } = outboxHandler(db.prisma, poison);
    const warnings: object[] = [];
    const scheduler = createScheduler({
      prisma: db.prisma,
      instanceId: 'replica-a',
      clock,
      claimBatch: 16,
      handlers: { checkin: handler },
      logger: { info: () => undefined, warn: (o) => warnings.push(o), error: () => undefined },
    });

    const report = await scheduler.tick();

    expect(calls.batch).toEqual([5]);
    expect(calls.single).toHaveLength(5);
    const poisonKey = `${poison}@2026-03-02T08:00:00.000Z`;
    expect(report.failed).toEqual([poisonKey]);
    expect(report.ran).toHaveLength(4);
    // The failed batch's transaction wrote nothing; each good occurrence's row exactly once.
    const rows = await db.prisma.outboxMessage.findMany({ select: { idempotencyKey: true } });
    expect(rows.map((r) => r.idempotencyKey).sort()).toEqual([...report.ran].sort());
    const claims = await db.prisma.occurrenceClaim.findMany({
      select: { key: true, status: true, error: true },
    });
    expect(claims.find((c) => c.key === poisonKey)).toMatchObject({
      status: 'failed',
      error: 'Error: nudge row is broken',
    });
    expect(claims.filter((c) => c.status === 'done')).toHaveLength(4);
    expect(warnings).toContainEqual(
      expect.objectContaining({ event: 'scheduler.batch_failed', occurrences: 5 }),
    );
    // Nothing is run again on the next tick, failed or done.
    const again = await scheduler.tick();
    expect(again.ran.length + again.failed.length).toBe(0);
  });
});
