// The outbox claim on a PostgreSQL server: two workers with their own connection pools share
// a burst; FOR UPDATE SKIP LOCKED and the lock compare-and-set keep every message to one send.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../src/db/index.ts';
import {
  createOutboxWorker,
  enqueueOutboxMany,
  ManualClock,
  type OutboxWorker,
} from '../../src/scheduling/index.ts';
import { driveFor, driveUntil } from './support/drive.ts';
import { postgresPair } from './support/postgres-pair.ts';
import { RecordingChatClient, rateLimitedEvery } from './support/recording-chat-client.ts';

const cipher = createFieldCipher(randomBytes(32));
const pg = await postgresPair('pb_outbox');

describe.skipIf(!pg.available)('outbox on PostgreSQL', () => {
  it('two workers on two connections deliver a burst of 200 DMs exactly once', async () => {
    const clock = new ManualClock('2026-03-02T14:00:00Z');
    const client = new RecordingChatClient(clock);
    client.script = rateLimitedEvery(10, 1000);
    await enqueueOutboxMany(
      pg.a.prisma,
      cipher,
      Array.from({ length: 200 }, (_, i) => ({
        idempotencyKey: `pg-burst:${i}`,
        platform: 'slack' as const,
        workspaceExternalId: 'T1',
        target: { kind: 'dm' as const, userId: `U${i}` },
        view: { text: `Hello ${i}`, blocks: [] },
        isPrivate: i % 2 === 0,
        notBefore: clock.now(),
      })),
    );
    const workers: OutboxWorker[] = [pg.a, pg.b].map((db, i) =>
      createOutboxWorker({
        prisma: db.prisma,
        cipher,
        clientFor: () => client,
        instanceId: `replica-${i}`,
        clock,
      }),
    );
    try {
      for (const worker of workers) worker.start();
      await driveUntil(clock, workers, () => client.deliveredKeys().size === 200);
      await driveFor(clock, workers);
      await Promise.all(workers.map((worker) => worker.stop()));
      // Read after the workers ran on past their locks and stopped: a late duplicate would show.
      expect(client.deliveries).toHaveLength(200);
      expect(workers[0]!.counts.sent + workers[1]!.counts.sent).toBe(200);
      expect(await pg.a.prisma.outboxMessage.count({ where: { status: 'sent' } })).toBe(200);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
  });
});
