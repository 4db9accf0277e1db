// The outbox claim on a PostgreSQL server: two workers with their own connection pools share
// a burst; FOR UPDATE SKIP LOCKED and the lock compare-and-set keep every message to one send.
// Counted twice: at an in-test client on the manual clock, and at the fake Slack through the
// real Slack client on the real clock (what reached Slack, not what the rows say).
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSlackAdapter } from '../../src/adapters/slack/index.ts';
import { createCommandTable, markup, view } from '../../src/chat/index.ts';
import { createFieldCipher } from '../../src/db/index.ts';
import { silentLogger } from '../../src/logger.ts';
import {
  createOutboxWorker,
  enqueueOutboxMany,
  ManualClock,
  type OutboxWorker,
} from '../../src/scheduling/index.ts';
import { BOT_TOKEN, outboxKey, SIGNING_SECRET, waitForCalls } from '../e2e/slack/support.ts';
import { FakeSlackApi, type SlackCall } from '../fakes/slack/index.ts';
import { emptyDatabase } from '../support/database.ts';
import { driveFor, driveUntil } from './support/drive.ts';
import { postgresPair } from './support/postgres-pair.ts';
import { RecordingChatClient, rateLimitedEvery } from './support/recording-chat-client.ts';

const cipher = createFieldCipher(randomBytes(32));
const pg = await postgresPair('pb_outbox');

describe.skipIf(!pg.available)('outbox on PostgreSQL', () => {
  // The schema is the file's; its rows are each test's own (the counts below are of one burst).
  beforeEach(async () => {
    await emptyDatabase(pg.a);
  });

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
        view: { text: markup`Hello ${i}`, blocks: [] },
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

  it('two workers on two connections deliver a burst through the Slack client, each DM once at Slack', async () => {
    const fake = await FakeSlackApi.start();
    const slackClient = () =>
      createSlackAdapter({
        config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl },
        port: 0,
        table: createCommandTable({ commands: [] }),
        sink: async () => {},
        logger: silentLogger,
        homeView: async () => view(markup`Home`),
      }).client;
    const size = 100;
    await enqueueOutboxMany(
      pg.a.prisma,
      cipher,
      Array.from({ length: size }, (_, i) => ({
        idempotencyKey: `pg-fake:${i}`,
        platform: 'slack' as const,
        workspaceExternalId: fake.identity.teamId,
        target: { kind: 'dm' as const, userId: `UPGFAKE${i}` },
        view: view(markup`Hello ${i}`),
      })),
    );
    const workers: OutboxWorker[] = [pg.a, pg.b].map((db, i) => {
      const client = slackClient();
      return createOutboxWorker({
        prisma: db.prisma,
        cipher,
        clientFor: (platform) => (platform === 'slack' ? client : undefined),
        instanceId: `fake-replica-${i}`,
        logger: silentLogger,
        pollMs: 100,
        batchSize: 10,
      });
    });
    const ours = (call: SlackCall) => outboxKey(call)?.startsWith('pg-fake:') === true;
    try {
      for (const worker of workers) worker.start();
      await waitForCalls(fake, 'chat.postMessage', size, ours, 45_000);
      // Every row recorded: on a loaded machine a send can time out at the client and reach
      // Slack all the same; its row comes back after the back-off (5-10 s, long enough for the
      // late request to land) and is found by its key (recovered), not sent again.
      await vi.waitFor(
        async () => expect(await pg.a.prisma.outboxMessage.count({ where: { status: 'sent' } })).toBe(size),
        { timeout: 45_000, interval: 200 },
      );
      await Promise.all(workers.map((worker) => worker.stop()));
      // Counted at Slack after both stopped: a second send by either would show here.
      const perKey = new Map<string, number>();
      for (const call of fake.calls('chat.postMessage').filter((c) => c.failure === undefined && ours(c)))
        perKey.set(outboxKey(call)!, (perKey.get(outboxKey(call)!) ?? 0) + 1);
      expect(perKey.size).toBe(size);
      expect([...perKey.entries()].filter(([, n]) => n !== 1)).toEqual([]);
      // A send whose answer came back after its claim lapsed (a loaded machine) is found on
      // Slack by the other replica and recorded as recovered: never sent twice (checked above).
      const done = (w: OutboxWorker) => w.counts.sent + w.counts.recovered;
      expect(done(workers[0]!) + done(workers[1]!)).toBe(size);
    } finally {
      await Promise.all(workers.map((worker) => worker.kill()));
      await fake.close();
    }
  }, 120_000);
});
