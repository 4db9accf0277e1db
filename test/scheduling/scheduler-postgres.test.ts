// Exactly-once on a PostgreSQL server: two scheduler instances with their own connection pools
// in this process, and two child processes, tick at the same moment; the occurrence runs once.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/index.ts';
import { type BatchPlan, createScheduler, ManualClock, type Occurrence } from '../../src/scheduling/index.ts';
import { postgresPair } from './support/postgres-pair.ts';
import { aSchedule, aTeam, daily } from './support/schedules.ts';

const pg = await postgresPair('pb_sched');

/** A replica in its own process; resolves once it is connected and waiting for "go". */
async function replicaProcess(now: string, instanceId: string) {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/scheduling/support/tick-once.ts', pg.url, now, instanceId],
    { cwd: process.cwd(), stdio: 'pipe' },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const lines = createInterface({ input: child.stdout });
  const output: string[] = [];
  let ready: () => void = () => undefined;
  const readyLine = new Promise<void>((resolve) => {
    ready = resolve;
  });
  lines.on('line', (line) => {
    if (line === 'ready') ready();
    else output.push(line);
  });
  const exited = once(child, 'exit');
  await Promise.race([
    readyLine,
    exited.then(() => {
      throw new Error(`replica ${instanceId} exited before it was ready: ${stderr}`);
    }),
  ]);
  return {
    go: () => child.stdin.write('go\n'),
    async result(): Promise<{ instanceId: string; ran: string[] }> {
      const [code] = await exited;
      if (code !== 0) throw new Error(`replica ${instanceId} exited with ${String(code)}: ${stderr}`);
      const last = output.at(-1);
      if (!last) throw new Error(`replica ${instanceId} printed nothing: ${stderr}`);
      return JSON.parse(last) as { instanceId: string; ran: string[] };
    },
    kill: () => child.kill(),
  };
}

describe.skipIf(!pg.available)('scheduler on PostgreSQL', () => {
  it('runs a due occurrence once when two instances in one process tick together', async () => {
    const teamId = await aTeam(pg.a.prisma);
    const id = await aSchedule(pg.a.prisma, daily('09:00'), {
      teamId,
      startsAt: new Date('2026-03-02T00:00:00Z'),
    });
    const clock = new ManualClock('2026-03-02T08:00:30Z');
    const ran: string[] = [];
    const make = (db: Database, instanceId: string) =>
      createScheduler({
        prisma: db.prisma,
        instanceId,
        clock,
        handlers: { checkin: async (o) => void ran.push(`${instanceId} ${o.key}`) },
      });
    await Promise.all([
      make(pg.a, 'replica-a').tick(),
      make(pg.b, 'replica-b').tick(),
      make(pg.b, 'replica-c').tick(),
    ]);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toContain(`${id}@2026-03-02T08:00:00.000Z`);
  });

  it('runs each occurrence of a batch form once when replicas with different batch sizes tick together', async () => {
    const teamId = await aTeam(pg.a.prisma);
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      ids.push(
        await aSchedule(pg.a.prisma, daily('12:00'), {
          teamId,
          kind: 'selfcare',
          startsAt: new Date('2026-03-05T00:00:00Z'),
        }),
      );
    }
    const clock = new ManualClock('2026-03-05T11:00:30Z');
    const wrote: string[] = [];
    const single: string[] = [];
    const make = (db: Database, instanceId: string, handlerBatch: number) => {
      const handler = Object.assign(async (o: Occurrence) => void single.push(o.key), {
        batch: async (): Promise<BatchPlan> => ({
          // Slow enough for the replicas' transactions to overlap on the same keys.
          write: async (_db, won) => {
            await new Promise((resolve) => setTimeout(resolve, 20));
            wrote.push(...won.map((o) => `${instanceId} ${o.key}`));
          },
        }),
      });
      return createScheduler({
        prisma: db.prisma,
        instanceId,
        clock,
        handlerBatch,
        handlers: { selfcare: handler },
      });
    };
    const reports = await Promise.all([
      make(pg.a, 'replica-a', 7).tick(),
      make(pg.b, 'replica-b', 10).tick(),
      make(pg.b, 'replica-c', 4).tick(),
    ]);
    expect(single).toEqual([]);
    const keys = wrote.map((line) => line.split(' ')[1]);
    expect(new Set(keys).size).toBe(30);
    expect(keys).toHaveLength(30);
    expect(reports.flatMap((r) => r.ran).sort()).toEqual([...keys].sort());
    const claims = await pg.a.prisma.occurrenceClaim.findMany({ where: { scheduleId: { in: ids } } });
    expect(claims).toHaveLength(30);
    for (const claim of claims) {
      expect(claim.status).toBe('done');
      expect(wrote).toContain(`${claim.claimedBy} ${claim.key}`);
    }
  });

  it('runs a due occurrence once when two processes tick together', async () => {
    const teamId = await aTeam(pg.a.prisma);
    const id = await aSchedule(pg.a.prisma, daily('10:00'), {
      teamId,
      startsAt: new Date('2026-03-03T00:00:00Z'),
    });
    const now = '2026-03-03T09:00:10.000Z';
    const replicas = await Promise.all([replicaProcess(now, 'process-1'), replicaProcess(now, 'process-2')]);
    try {
      for (const replica of replicas) replica.go();
      const results = await Promise.all(replicas.map((replica) => replica.result()));
      const ran = results.flatMap((result) => result.ran.filter((key) => key.startsWith(id)));
      expect(ran).toEqual([`${id}@2026-03-03T09:00:00.000Z`]);
      const claim = await pg.a.prisma.occurrenceClaim.findUniqueOrThrow({ where: { key: ran[0]! } });
      expect(claim.status).toBe('done');
      expect(results.find((r) => r.ran.length > 0)?.instanceId).toBe(claim.claimedBy);
    } finally {
      for (const replica of replicas) replica.kill();
    }
  }, 60_000);
});
