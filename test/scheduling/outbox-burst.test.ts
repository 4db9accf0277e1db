import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { markup } from '../../src/chat/markup.ts';
import { createFieldCipher, type Database } from '../../src/db/index.ts';
import {
  createOutboxWorker,
  enqueueOutboxMany,
  ManualClock,
  type OutboxMessageInput,
  type OutboxWorker,
} from '../../src/scheduling/index.ts';
import { clonedDatabase } from '../support/database.ts';
import { driveFor, driveUntil } from './support/drive.ts';
import { RecordingChatClient, rateLimitedEvery } from './support/recording-chat-client.ts';
import { emptyTables } from './support/reset.ts';

const cipher = createFieldCipher(randomBytes(32));
let db: Database;
let clock: ManualClock;
let client: RecordingChatClient;
const workers: OutboxWorker[] = [];

function worker(instanceId: string, lockMs = 60_000): OutboxWorker {
  const made = createOutboxWorker({
    prisma: db.prisma,
    cipher,
    clientFor: (platform) => (platform === 'slack' ? client : undefined),
    instanceId,
    clock,
    lockMs,
  });
  workers.push(made);
  return made;
}

/** One DM each to `count` members: the fan-out of a check-in round. */
function burst(count: number): OutboxMessageInput[] {
  return Array.from({ length: count }, (_, i) => ({
    idempotencyKey: `checkin-prompt:round-1:member-${i}`,
    platform: 'slack' as const,
    workspaceExternalId: 'T1',
    target: { kind: 'dm' as const, userId: `U${String(i).padStart(3, '0')}` },
    view: { text: markup`How are you today, member ${i}?`, blocks: [] },
    notBefore: clock.now(),
  }));
}

/** `count` messages for one channel, due a millisecond apart so their order is fixed. */
function channelParts(prefix: string, count: number): OutboxMessageInput[] {
  return Array.from({ length: count }, (_, i) => ({
    idempotencyKey: `${prefix}:${i}`,
    platform: 'slack' as const,
    workspaceExternalId: 'T1',
    target: { kind: 'channel' as const, channelId: 'C-team' },
    view: { text: markup`part ${i}`, blocks: [] },
    notBefore: new Date(clock.now().getTime() + i),
  }));
}

async function statusCounts(): Promise<Record<string, number>> {
  const groups = await db.prisma.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}

beforeAll(async () => {
  db = await clonedDatabase();
});

afterAll(async () => {
  await db.close();
});

beforeEach(async () => {
  await emptyTables(db.prisma);
  clock = new ManualClock('2026-03-02T14:00:00Z');
  client = new RecordingChatClient(clock);
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.kill()));
});

describe('outbox burst against a rate-limiting platform', () => {
  it('delivers a burst of 200 DMs exactly once when every tenth call answers 429 Retry-After 1 s', async () => {
    await enqueueOutboxMany(db.prisma, cipher, burst(200));
    client.script = rateLimitedEvery(10, 1000);
    const w = worker('replica-a');
    w.start();

    await driveUntil(clock, [w], () => client.deliveredKeys().size === 200);
    await driveFor(clock, [w]);
    await w.stop();

    // Read after the worker ran on past its locks and stopped: a late duplicate would show.
    expect(client.deliveries).toHaveLength(200);
    expect(client.deliveredKeys().size).toBe(200);
    const limited = client.calls.filter((c) => c.outcome === 'rate-limited');
    expect(limited.length).toBeGreaterThanOrEqual(20);
    for (const refused of limited) {
      // The Retry-After wait was honoured before that recipient got its message.
      const delivered = client.deliveryOf(refused.key)!;
      expect(delivered.at.getTime() - refused.at.getTime()).toBeGreaterThanOrEqual(1000);
    }
    expect(await statusCounts()).toEqual({ sent: 200 });
    // 429s are not failures: no row spent a try on them.
    const rows = await db.prisma.outboxMessage.findMany({ select: { attempts: true, lastError: true } });
    expect(rows.every((row) => row.attempts === 1 && row.lastError === null)).toBe(true);
    expect(w.counts).toMatchObject({ sent: 200, rateLimited: limited.length, dead: 0, retried: 0 });
  });

  it('still delivers exactly 200 when the worker is killed mid-burst and another starts', async () => {
    await enqueueOutboxMany(db.prisma, cipher, burst(200));
    client.script = rateLimitedEvery(10, 1000);
    const first = worker('replica-a', 10_000);
    let killed: Promise<void> | undefined;
    client.afterDelivery = () => {
      // The crash lands between the platform accepting a send and the outbox recording it.
      if (client.deliveries.length === 80) killed = first.kill();
    };
    first.start();
    await driveUntil(clock, [first], () => killed !== undefined);
    await killed;
    expect(client.deliveries).toHaveLength(80);
    const recordedBeforeCrash = (await statusCounts()).sent ?? 0;
    expect(recordedBeforeCrash).toBeLessThan(80);

    const second = worker('replica-a');
    second.start();
    const took = await driveUntil(clock, [second], () => client.deliveredKeys().size === 200);
    await driveFor(clock, [second]);
    await second.stop();

    // Rows the dead worker held came back only when their lock expired.
    expect(took).toBeGreaterThanOrEqual(10_000 - 1000);
    expect(client.deliveries).toHaveLength(200);
    expect(client.deliveredKeys().size).toBe(200);
    expect(await statusCounts()).toEqual({ sent: 200 });
    // The send cut off by the crash was found on the platform, not sent again.
    expect(second.counts.recovered).toBe(80 - recordedBeforeCrash);
    expect(second.counts.sent + second.counts.recovered + recordedBeforeCrash).toBe(200);
  });

  it('lets two workers on one database share a burst without sending anything twice', async () => {
    await enqueueOutboxMany(db.prisma, cipher, burst(200));
    client.script = rateLimitedEvery(10, 1000);
    const a = worker('replica-a');
    const b = worker('replica-b');
    a.start();
    b.start();

    await driveUntil(clock, [a, b], () => client.deliveredKeys().size === 200);
    await driveFor(clock, [a, b]);
    await Promise.all([a.stop(), b.stop()]);

    expect(client.deliveries).toHaveLength(200);
    expect(a.counts.sent + b.counts.sent).toBe(200);
    expect(await statusCounts()).toEqual({ sent: 200 });
  });

  it('gives claimed, unsent rows back on a graceful stop, so another worker need not wait for the lock', async () => {
    const messages = channelParts('announcement', 6);
    await enqueueOutboxMany(db.prisma, cipher, messages);
    clock.advance(10);
    const first = worker('replica-a');
    first.start();
    // The burst of 3 goes out; the 4th waits for the channel's next token.
    await driveUntil(clock, [first], () => client.deliveries.length === 3);
    await first.stop();
    expect(await db.prisma.outboxMessage.count({ where: { lockedBy: { not: null } } })).toBe(0);

    const second = worker('replica-b');
    second.start();
    const took = await driveUntil(clock, [second], () => client.deliveries.length === 6);
    expect(took).toBeLessThan(1000);
    expect(client.deliveries.map((d) => d.key)).toEqual(messages.map((m) => m.idempotencyKey));
  });

  it('sends one channel its messages in order, no faster than its rate limit after a burst', async () => {
    const messages = channelParts('digest', 8);
    await enqueueOutboxMany(db.prisma, cipher, messages);
    clock.advance(10);
    const w = worker('replica-a');
    w.start();

    await driveUntil(clock, [w], () => client.deliveries.length === 8, { stepMs: 50 });

    expect(client.deliveries.map((d) => d.key)).toEqual(messages.map((m) => m.idempotencyKey));
    const times = client.deliveries.map((d) => d.at.getTime());
    // Slack: a burst of 3, then one a second.
    expect(times[3]! - times[0]!).toBeGreaterThanOrEqual(1000);
    expect(times[7]! - times[0]!).toBeGreaterThanOrEqual(5000);
  });
});
