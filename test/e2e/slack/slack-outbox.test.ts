// The outbox delivering through the Slack adapter's ChatClient to the fake Slack, on the real
// clock: every tenth chat.postMessage answers 429 with Retry-After: 1. All messages arrive,
// none twice, the waits are honoured, and a worker killed mid-burst leaves nothing lost or
// doubled for the next one (which finds the unrecorded sends by their metadata key).
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSlackAdapter } from '../../../src/adapters/slack/index.ts';
import { createCommandTable, type EventSink, literal, markup, view } from '../../../src/chat/index.ts';
import { createFieldCipher, type Database } from '../../../src/db/index.ts';
import { silentLogger } from '../../../src/logger.ts';
import {
  createOutboxWorker,
  enqueueOutboxMany,
  type OutboxMessageInput,
  type OutboxWorker,
  type OutboxWorkerOptions,
} from '../../../src/scheduling/index.ts';
import { withTimeout } from '../../fakes/shared/recorder.ts';
import { FakeSlackApi, type SlackCall } from '../../fakes/slack/index.ts';
import { clonedDatabase } from '../../support/database.ts';
import { BOT_TOKEN, outboxKey, SIGNING_SECRET, waitForCalls } from './support.ts';

// A check-in round's fan-out, large enough that the worker's 16 send slots stay busy and the 429s
// land mid-burst; the 200-DM burst on a manual clock is test/scheduling/outbox-burst.test.ts's.
const BURST = 100;
const cipher = createFieldCipher(randomBytes(32));
const table = createCommandTable({ commands: [] });
const noEvents: EventSink = async () => {};

let fake: FakeSlackApi;
let db: Database;
const workers: OutboxWorker[] = [];

/** A fresh Slack client, as a new process would have (nothing cached). */
function slackClient(slack: FakeSlackApi) {
  return createSlackAdapter({
    config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: slack.apiUrl },
    port: 0,
    table,
    sink: noEvents,
    logger: silentLogger,
    homeView: async () => view(markup`Home`),
  }).client;
}

function worker(
  instanceId: string,
  lockMs?: number,
  slack: FakeSlackApi = fake,
  extra: Partial<OutboxWorkerOptions> = {},
): OutboxWorker {
  const client = slackClient(slack);
  const made = createOutboxWorker({
    prisma: db.prisma,
    cipher,
    clientFor: (platform) => (platform === 'slack' ? client : undefined),
    instanceId,
    logger: silentLogger,
    pollMs: 100,
    ...(lockMs === undefined ? {} : { lockMs }),
    ...extra,
  });
  workers.push(made);
  return made;
}

/** One DM each to `BURST` people: the fan-out of a check-in round. */
function burst(round: string, size = BURST): OutboxMessageInput[] {
  return Array.from({ length: size }, (_, i) => ({
    idempotencyKey: `checkin-prompt:${round}:member-${i}`,
    platform: 'slack' as const,
    workspaceExternalId: fake.identity.teamId,
    target: { kind: 'dm' as const, userId: `U${round.toUpperCase()}${String(i).padStart(4, '0')}` },
    view: view(markup`How are you today? (${literal(round)})`, {
      type: 'text',
      text: markup`Answer whenever you like, or skip.`,
    }),
    isPrivate: i % 2 === 0,
  }));
}

const ofRound = (round: string) => (call: SlackCall) =>
  outboxKey(call)?.startsWith(`checkin-prompt:${round}:`) === true;

function deliveredOnce(calls: readonly SlackCall[], size = BURST): void {
  const byKey = new Map<string, number>();
  const byChannel = new Map<string, number>();
  for (const call of calls) {
    const key = outboxKey(call)!;
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
    const channel = String(call.args.channel);
    byChannel.set(channel, (byChannel.get(channel) ?? 0) + 1);
  }
  expect(byKey.size).toBe(size);
  expect([...byKey.values()].filter((n) => n !== 1)).toEqual([]);
  expect(byChannel.size).toBe(size);
  expect([...byChannel.values()].filter((n) => n !== 1)).toEqual([]);
}

async function statusesOf(round: string): Promise<Record<string, number>> {
  const groups = await db.prisma.outboxMessage.groupBy({
    by: ['status'],
    where: { idempotencyKey: { startsWith: `checkin-prompt:${round}:` } },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  db = await clonedDatabase();
  let posts = 0;
  fake.setFailurePolicy((_index, method) =>
    method === 'chat.postMessage' && ++posts % 10 === 0 ? { status: 429, retryAfterSec: 1 } : undefined,
  );
});

// A test that failed half-way leaves nothing running or held for the next one.
afterEach(async () => {
  fake.releaseAnswers();
  await Promise.all(workers.splice(0).map((w) => w.kill()));
});

afterAll(async () => {
  await Promise.all(workers.splice(0).map((w) => w.kill()));
  await db?.close();
  await fake?.close();
});

describe('outbox delivery through the Slack adapter', () => {
  it('delivers a burst of 100 DMs exactly once when every tenth send answers 429 Retry-After 1 s', async () => {
    await enqueueOutboxMany(db.prisma, cipher, burst('a'));
    const w = worker('replica-a');
    w.start();

    const delivered = await waitForCalls(fake, 'chat.postMessage', BURST, ofRound('a'), 45_000);
    deliveredOnce(delivered);

    const refused = fake
      .calls('chat.postMessage')
      .filter((call) => call.failure?.status === 429 && ofRound('a')(call));
    expect(refused.length).toBeGreaterThanOrEqual(BURST / 10);
    for (const call of refused) {
      const next = fake
        .calls('chat.postMessage')
        .find((later) => later.index > call.index && outboxKey(later) === outboxKey(call));
      expect(next, `a retry of ${outboxKey(call)}`).toBeDefined();
      // Retry-After: 1 was honoured (a little slack for timer rounding).
      expect(next!.at - call.at).toBeGreaterThanOrEqual(990);
    }
    // The web client did not wait or retry on its own: the worker saw every 429.
    await w.stop();
    // Again now that the worker has stopped: a duplicate sent after the last expected call fails here.
    deliveredOnce(
      fake.calls('chat.postMessage').filter((call) => call.failure === undefined && ofRound('a')(call)),
    );
    expect(w.counts.rateLimited).toBe(refused.length);
    expect(await statusesOf('a')).toEqual({ sent: BURST });
    // Private prompts went out too; only their stored copy is encrypted.
    expect(delivered.some((call) => String(call.args.text).includes('How are you today? (a)'))).toBe(true);
  }, 60_000);

  it("paces the workspace after Slack's first 429s: few refusals, each delivered once", async () => {
    // Slack's workspace ceiling, which it does not publish: here 15 a second after a burst of 5,
    // low enough that even a worker on a busy half core (about 35 sends a second) goes over it.
    const size = 100;
    const limited = await FakeSlackApi.start({
      rateLimits: { perChannel: { burst: 3, intervalMs: 1000 }, workspace: { perSecond: 15, burst: 5 } },
    });
    try {
      await enqueueOutboxMany(db.prisma, cipher, burst('c', size));
      const w = worker('replica-c', undefined, limited);
      w.start();
      const delivered = await waitForCalls(limited, 'chat.postMessage', size, ofRound('c'), 30_000);
      deliveredOnce(delivered, size);
      const refused = limited
        .calls('chat.postMessage')
        .filter((call) => call.failure !== undefined && ofRound('c')(call)).length;
      // Unpaced, the worker's 16 send slots keep sending into the ceiling: several hundred
      // refusals for these 100 DMs. Paced, a few dozen: those of the sends out at the first
      // cuts and of the pace probing upwards.
      expect(refused).toBeGreaterThan(0);
      expect(refused).toBeLessThan(size / 2);
      // Stopped first: the last send's "sent" may still be on its way to the database.
      await w.stop();
      expect(await statusesOf('c')).toEqual({ sent: size });
    } finally {
      await Promise.all(workers.splice(0).map((w) => w.kill()));
      await limited.close();
    }
  }, 60_000);

  it('lets two replicas (each its own Slack client) share a burst: each DM reaches Slack once', async () => {
    const size = 60;
    await enqueueOutboxMany(db.prisma, cipher, burst('d', size));
    // Small claims, so neither replica takes the whole burst in its first claim.
    const [a, b] = [
      worker('replica-d1', undefined, fake, { batchSize: 10 }),
      worker('replica-d2', undefined, fake, { batchSize: 10 }),
    ];
    try {
      a.start();
      b.start();
      deliveredOnce(await waitForCalls(fake, 'chat.postMessage', size, ofRound('d'), 45_000), size);
      await Promise.all([a.stop(), b.stop()]);
      // Counted at Slack after both stopped: a second send by either replica would show here.
      deliveredOnce(
        fake.calls('chat.postMessage').filter((call) => call.failure === undefined && ofRound('d')(call)),
        size,
      );
      expect(a.counts.sent).toBeGreaterThan(0);
      expect(b.counts.sent).toBeGreaterThan(0);
      // A send whose answer came late may be recorded as found on Slack (recovered), never twice.
      const done = (w: OutboxWorker) => w.counts.sent + w.counts.recovered;
      expect(done(a) + done(b)).toBe(size);
      expect(await statusesOf('d')).toEqual({ sent: size });
    } finally {
      await Promise.all([a.kill(), b.kill()]);
    }
  }, 60_000);

  it('survives a worker killed mid-burst: a new one delivers the rest, none twice', async () => {
    await enqueueOutboxMany(db.prisma, cipher, burst('b'));
    // The default lock (12 s), so a loaded machine's slow sends do not let its claims lapse.
    const first = worker('replica-b1');
    first.start();

    // Kill while sends have reached Slack but their answers are not back: delivered, never
    // recorded. The fake holds the answers from the 40th send on, so however slow the machine,
    // the kill comes before the worker hears of them.
    let held: (call: SlackCall) => void = () => {};
    const firstHeld = new Promise<SlackCall>((resolve) => {
      held = resolve;
    });
    fake.holdAnswers((call) => {
      if (call.method !== 'chat.postMessage' || !ofRound('b')(call)) return false;
      if (fake.calls('chat.postMessage').filter(ofRound('b')).length < 40) return false;
      held(call);
      return true;
    });
    const inFlight = await withTimeout(firstHeld, 60_000, 'the 40th send of the burst');
    const killed = first.kill();
    fake.releaseAnswers();
    await killed;
    // What the first worker recorded before it died: its in-memory count can lag a batched
    // "sent" write that was already on its way to the database when it was killed.
    const recordedByFirst = (await statusesOf('b')).sent ?? 0;
    const beforeRestart = fake
      .calls('chat.postMessage')
      .filter((call) => call.failure === undefined && ofRound('b')(call));
    expect(beforeRestart.length).toBeLessThan(BURST);
    const unrecorded = await db.prisma.outboxMessage.findFirst({
      where: { idempotencyKey: outboxKey(inFlight)!, status: 'pending' },
    });
    expect(unrecorded, 'the send in flight at the kill was never recorded').not.toBeNull();
    // The dead worker's claims lapse: what waiting out its lock would do, without the wait (that
    // rows come back only when their lock expires is test/scheduling/outbox-burst.test.ts's).
    const lapsed = await db.prisma.outboxMessage.updateMany({
      where: {
        status: 'pending',
        idempotencyKey: { startsWith: 'checkin-prompt:b:' },
        lockedUntil: { gt: new Date() },
      },
      data: { lockedUntil: new Date(Date.now() - 1) },
    });
    expect(lapsed.count).toBeGreaterThan(0);

    const second = worker('replica-b2');
    second.start();
    const delivered = await waitForCalls(fake, 'chat.postMessage', BURST, ofRound('b'), 45_000);
    deliveredOnce(delivered);
    // Every row recorded: on a loaded machine a send can time out at the client and reach Slack
    // all the same; its row comes back after the back-off (5-10 s, long enough for the late
    // request to land) and is found by its key (recovered), not sent again.
    await vi.waitFor(async () => expect(await statusesOf('b')).toEqual({ sent: BURST }), {
      timeout: 45_000,
      interval: 200,
    });
    await second.stop();
    deliveredOnce(
      fake.calls('chat.postMessage').filter((call) => call.failure === undefined && ofRound('b')(call)),
    );
    expect(second.counts.recovered).toBeGreaterThanOrEqual(1);
    expect(second.counts.sent + second.counts.recovered).toBe(BURST - recordedByFirst);
    expect(await statusesOf('b')).toEqual({ sent: BURST });
    const recovered = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { idempotencyKey: outboxKey(inFlight)! },
    });
    // Recorded as the very message that went out before the kill, found by its metadata key.
    expect(recovered).toMatchObject({
      status: 'sent',
      platformMessageId: (inFlight.response as { ts: string }).ts,
    });
  }, 150_000);
});
