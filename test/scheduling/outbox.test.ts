import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { literal, markup } from '../../src/chat/markup.ts';
import { DeliveryError } from '../../src/chat/outbound.ts';
import { createFieldCipher, type Database } from '../../src/db/index.ts';
import {
  createOutbox,
  createOutboxWorker,
  enqueueOutbox,
  ManualClock,
  type OrdinaryMessage,
  type OutboxMessageInput,
  type OutboxWorker,
  type OutboxWorkerOptions,
  outboxOverview,
  retryDead,
} from '../../src/scheduling/index.ts';
import { clonedDatabase } from '../support/database.ts';
import { driveUntil, settleAll } from './support/drive.ts';
import { RecordingChatClient } from './support/recording-chat-client.ts';
import { emptyTables } from './support/reset.ts';

const cipher = createFieldCipher(randomBytes(32));
const scope = { platform: 'slack' as const, workspaceExternalId: 'T1', showPrivateRows: true };
let db: Database;
let clock: ManualClock;
let client: RecordingChatClient;
const workers: OutboxWorker[] = [];

function worker(options: Partial<OutboxWorkerOptions> = {}): OutboxWorker {
  const made = createOutboxWorker({
    prisma: db.prisma,
    cipher,
    clientFor: (platform) => (platform === 'slack' ? client : undefined),
    instanceId: 'replica-a',
    clock,
    ...options,
  });
  workers.push(made);
  made.start();
  return made;
}

function dm(key: string, text: string, extra: Partial<OrdinaryMessage> = {}): OutboxMessageInput {
  return {
    idempotencyKey: key,
    platform: 'slack',
    workspaceExternalId: 'T1',
    target: { kind: 'dm', userId: `U-${key}` },
    view: { text: markup`${literal(text)}`, blocks: [{ type: 'text', text: markup`${literal(text)}` }] },
    notBefore: clock.now(),
    ...extra,
  };
}

async function row(key: string) {
  return db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: key } });
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
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});

describe('enqueueing', () => {
  it('writes the rows in the transaction of the change that causes them, once per idempotency key', async () => {
    await db.prisma.$transaction(async (tx) => {
      await tx.workspace.create({ data: { platform: 'slack', externalId: 'T1' } });
      expect(await enqueueOutbox(tx, cipher, dm('welcome:m1', 'Welcome'))).toBe(true);
      // The same cause retried (a Slack event re-delivered): no second row, no aborted transaction.
      expect(await enqueueOutbox(tx, cipher, dm('welcome:m1', 'Welcome'))).toBe(false);
    });
    expect(await db.prisma.outboxMessage.count()).toBe(1);

    await expect(
      db.prisma.$transaction(async (tx) => {
        await enqueueOutbox(tx, cipher, dm('welcome:m2', 'Welcome'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.prisma.outboxMessage.count({ where: { idempotencyKey: 'welcome:m2' } })).toBe(0);
  });

  it('writes a round larger than one statement in the same transaction, counting only new rows', async () => {
    // 600: more than one statement, and enough new rows that the outbox is analysed afterwards.
    const round = Array.from({ length: 600 }, (_, i) => dm(`round:m${i}`, 'How are you today?'));
    // Ten already there, on both sides of a statement boundary (rows are written 200 at a time).
    await db.prisma.$transaction((tx) => createOutbox(cipher).enqueueMany(tx, round.slice(195, 205)));
    expect(await db.prisma.$transaction((tx) => createOutbox(cipher).enqueueMany(tx, round))).toBe(590);
    expect(await db.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: 'round:' } } })).toBe(
      600,
    );

    const more = Array.from({ length: 300 }, (_, i) => dm(`later:m${i}`, 'How are you today?'));
    await expect(
      db.prisma.$transaction(async (tx) => {
        await createOutbox(cipher).enqueueMany(tx, more);
        throw new Error('the round failed to open');
      }),
    ).rejects.toThrow('the round failed to open');
    expect(await db.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: 'later:' } } })).toBe(
      0,
    );
  });

  it('stores a private payload encrypted and sends it decrypted', async () => {
    const text = 'Your supervisor will reach out about the session that was hard today';
    const w = worker();
    await settleAll(workers);
    const outbox = createOutbox(cipher, () => w.notify());
    await db.prisma.$transaction((tx) =>
      outbox.enqueue(tx, dm('flag-followup:f1', text, { isPrivate: true })),
    );
    const [stored] = await db.prisma.$queryRaw<{ payload: string }[]>`
      SELECT payload FROM "OutboxMessage" WHERE "idempotencyKey" = 'flag-followup:f1'`;
    expect(stored!.payload).toMatch(/^v3:/);
    expect(stored!.payload).not.toContain('supervisor');

    // Woken by notify() after the commit: delivered without the clock moving to the next poll.
    outbox.notify();
    await settleAll(workers);
    expect(client.deliveries[0]!.view.text).toBe(text);
    expect(client.deliveries[0]!.target).toBe('dm:U-flag-followup:f1');
  });
});

describe('delivery failures', () => {
  it('backs off after transient failures, checks the platform before resending, then succeeds', async () => {
    await enqueueOutbox(db.prisma, cipher, dm('reminder:r1', 'Supervision at 3'));
    let calls = 0;
    client.script = () => {
      calls++;
      if (calls === 1) return new Error('socket hang up');
      if (calls === 2) return new DeliveryError('transient', 'HTTP 503 service_unavailable');
      return undefined;
    };
    worker({ backoff: (attempts) => attempts * 10_000 });

    await driveUntil(clock, workers, () => client.deliveries.length === 1, { stepMs: 500 });

    const times = client.calls.map((c) => c.at.getTime());
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(10_000);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(20_000);
    // Each retry first asks whether the failed try got through after all.
    expect(client.lookups).toEqual(['reminder:r1', 'reminder:r1']);
    expect(await row('reminder:r1')).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  });

  it('marks a row dead at once on a permanent failure, with the platform error', async () => {
    await enqueueOutbox(db.prisma, cipher, dm('reminder:r2', 'Supervision at 3'));
    client.script = () => new DeliveryError('permanent', 'channel_not_found');
    const w = worker();

    await driveUntil(clock, workers, () => w.counts.dead === 1);

    expect(client.calls).toHaveLength(1);
    expect(await row('reminder:r2')).toMatchObject({
      status: 'dead',
      attempts: 1,
      lastError: 'channel_not_found',
    });
  });

  it('gives up after maxAttempts transient failures and keeps the last error', async () => {
    await enqueueOutbox(db.prisma, cipher, dm('reminder:r3', 'Supervision at 3'));
    client.script = (call) => new DeliveryError('transient', `HTTP 502 (try ${call.n})`);
    const w = worker({ maxAttempts: 3, backoff: () => 1000 });

    await driveUntil(clock, workers, () => w.counts.dead === 1, { stepMs: 250 });

    expect(client.calls).toHaveLength(3);
    expect(await row('reminder:r3')).toMatchObject({
      status: 'dead',
      attempts: 3,
      lastError: 'HTTP 502 (try 3)',
    });
    expect(w.counts).toMatchObject({ retried: 2, dead: 1, sent: 0 });
  });
});

describe('unknown outcomes', () => {
  it('never resends while the platform cannot say whether an earlier try arrived; that counts as a try', async () => {
    await enqueueOutbox(db.prisma, cipher, dm('reminder:r4', 'Supervision at 3'));
    client.script = (call) => (call.n === 1 ? new DeliveryError('transient', 'HTTP 500') : undefined);
    client.lookupScript = () => new DeliveryError('transient', 'conversations.history failed');
    const w = worker({ maxAttempts: 3, backoff: () => 1000 });

    await driveUntil(clock, workers, () => w.counts.dead === 1, { stepMs: 250 });

    expect(client.calls).toHaveLength(1);
    expect(client.lookups).toEqual(['reminder:r4', 'reminder:r4']);
    expect(await row('reminder:r4')).toMatchObject({
      status: 'dead',
      attempts: 3,
      lastError: 'conversations.history failed',
    });
  });
});

describe('claims that run short', () => {
  /** 'slow' holds the only send slot and turn until `open()`; 'late', claimed too, waits behind it. */
  async function slowAheadOfLate(options: Partial<OutboxWorkerOptions>) {
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    let slowOut = false;
    const send = client.sendDirect.bind(client);
    client.sendDirect = async (user, view, sendOptions) => {
      if (sendOptions?.idempotencyKey === 'slow') {
        slowOut = true;
        await gate;
      }
      return send(user, view, sendOptions);
    };
    await enqueueOutbox(db.prisma, cipher, dm('slow', 'First'));
    await enqueueOutbox(db.prisma, cipher, dm('late', 'Second'));
    const a = worker({ maxConcurrentSends: 1, maxReadySends: 1, ...options });
    await realWait(async () => slowOut && (await row('late')).lockedBy !== null);
    return { a, open: () => open() };
  }

  /** Polls on the real clock (the slow send keeps the worker from settling). */
  async function realWait(done: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error('condition still false after 20 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('holds a row that waits its turn longer than its lock, without counting a try', async () => {
    const { a, open } = await slowAheadOfLate({ lockMs: 9_000, pollMs: 500 });
    const claimedBy = (await row('late')).lockedBy;
    // 30 s of waiting, over three locks: the worker renews its claim every third of one.
    for (let step = 0; step < 10; step++) {
      clock.advance(3_000);
      const renewedPast = clock.now().getTime() + 5_000;
      await realWait(async () => ((await row('late')).lockedUntil?.getTime() ?? 0) > renewedPast);
    }
    // Another replica finds nothing to take; the waiting row has no try counted, so a crash
    // now would leave it to be sent without a lookup.
    const b = worker({ instanceId: 'replica-b', lockMs: 9_000 });
    await settleAll([b]);
    expect(await row('late')).toMatchObject({ attempts: 0, status: 'pending', lockedBy: claimedBy });

    open();
    await driveUntil(clock, [a, b], async () => (await row('late')).status === 'sent');
    expect(client.deliveries.filter((d) => d.key === 'late')).toHaveLength(1);
    expect(client.deliveries.filter((d) => d.key === 'slow')).toHaveLength(1);
    expect(b.counts.sent).toBe(0);
  });

  it('does not send a row whose claim another replica took while it waited its turn', async () => {
    const { a, open } = await slowAheadOfLate({ lockMs: 10_000 });
    // Its claim lapsed (a stalled process renews nothing) and replica B took it.
    await db.prisma.outboxMessage.update({
      where: { idempotencyKey: 'late' },
      data: { lockedBy: 'replica-b#taken', lockedUntil: new Date(clock.now().getTime() + 60_000) },
    });

    open();
    await driveUntil(clock, [a], async () => (await row('slow')).status === 'sent');
    await settleAll([a]);
    // A's lane found the row gone when it came to count its try, and sent nothing.
    expect(client.deliveries.filter((d) => d.key === 'late')).toHaveLength(0);
    expect(await row('late')).toMatchObject({ status: 'pending', attempts: 0, lockedBy: 'replica-b#taken' });
  });

  it('counts tries ahead of the send slots only up to maxReadySends', async () => {
    const { a, open } = await slowAheadOfLate({ maxReadySends: 2 });
    try {
      await enqueueOutbox(db.prisma, cipher, dm('later', 'Third'));
      a.notify();
      // 'late' has its try counted and waits for the slot; 'later' waits for a turn, uncounted.
      await realWait(
        async () => (await row('late')).attempts === 1 && (await row('later')).lockedBy !== null,
      );
      expect(await row('later')).toMatchObject({ attempts: 0, status: 'pending' });
    } finally {
      open();
    }
    await driveUntil(clock, [a], async () => (await row('later')).status === 'sent');
    expect(client.deliveries.map((d) => d.key).sort()).toEqual(['late', 'later', 'slow']);
  });
});

describe('logs', () => {
  it('count sent, retried, rate-limited and dead messages, and never carry their text', async () => {
    const lines: object[] = [];
    const logger = {
      info: (o: object) => lines.push(o),
      warn: (o: object) => lines.push(o),
      error: (o: object) => lines.push(o),
    };
    await enqueueOutbox(db.prisma, cipher, dm('ok', 'private words here', { isPrivate: true }));
    await enqueueOutbox(db.prisma, cipher, dm('gone', 'more private words'));
    client.script = (call) =>
      call.key === 'gone' ? new DeliveryError('permanent', 'account_inactive') : undefined;
    const w = worker({ logger });
    await driveUntil(clock, workers, () => w.counts.sent === 1 && w.counts.dead === 1);
    await w.stop();

    const totals = lines
      .filter((line): line is { event: string; sent: number; dead: number } => 'sent' in line)
      .reduce((sum, line) => ({ sent: sum.sent + line.sent, dead: sum.dead + line.dead }), {
        sent: 0,
        dead: 0,
      });
    expect(totals).toEqual({ sent: 1, dead: 1 });
    expect(lines).toContainEqual(
      expect.objectContaining({ event: 'outbox.dead', error: 'account_inactive' }),
    );
    expect(JSON.stringify(lines)).not.toContain('words');
  });
});

describe('quiet hours', () => {
  const zone = 'America/New_York';
  const at = (local: string) => DateTime.fromISO(local, { zone }).toJSDate();

  async function memberQuietNineToSeven(): Promise<string> {
    const workspace = await db.prisma.workspace.create({ data: { platform: 'slack', externalId: 'T1' } });
    const member = await db.prisma.member.create({
      data: {
        workspaceId: workspace.id,
        platformUserId: 'U-quiet',
        displayName: 'Rae',
        timeZone: zone,
        quietStart: 21 * 60,
        quietEnd: 7 * 60,
      },
    });
    return member.id;
  }

  it('holds a non-urgent DM due at 22:00 until 07:00 the member’s time, and sends an urgent one at once', async () => {
    clock = new ManualClock(at('2026-01-15T21:55'));
    client = new RecordingChatClient(clock);
    const memberId = await memberQuietNineToSeven();
    const due = at('2026-01-15T22:00');
    const message = (key: string, urgent: boolean): OutboxMessageInput => ({
      idempotencyKey: key,
      platform: 'slack',
      workspaceExternalId: 'T1',
      target: { kind: 'dm', userId: 'U-quiet' },
      recipientMemberId: memberId,
      view: { text: urgent ? markup`A flag needs you` : markup`Self-care nudge`, blocks: [] },
      urgent,
      notBefore: due,
    });
    await enqueueOutbox(db.prisma, cipher, message('nudge:1', false));
    await enqueueOutbox(db.prisma, cipher, message('flag:1', true));
    worker();
    await settleAll(workers);
    expect(client.deliveries).toHaveLength(0);

    clock.advanceTo(due);
    await settleAll(workers);
    expect(client.deliveries.map((d) => d.key)).toEqual(['flag:1']);
    expect(client.deliveries[0]!.at).toEqual(due);

    clock.advanceTo(at('2026-01-16T06:59'));
    await settleAll(workers);
    expect(client.deliveries).toHaveLength(1);

    clock.advanceTo(at('2026-01-16T07:00'));
    await settleAll(workers);
    expect(client.deliveries.map((d) => d.key)).toEqual(['flag:1', 'nudge:1']);
    // 07:00 in New York in January is 12:00 UTC.
    expect(client.deliveries[1]!.at.toISOString()).toBe('2026-01-16T12:00:00.000Z');
    // Waiting out quiet hours is not a failed try.
    expect(await row('nudge:1')).toMatchObject({ status: 'sent', attempts: 1 });
  });
});

describe('the admin view of the outbox', () => {
  it('lists pending and dead rows with counts but never their text, and retries a dead one', async () => {
    await enqueueOutbox(db.prisma, cipher, dm('a', 'first secret words', { isPrivate: true }));
    await enqueueOutbox(
      db.prisma,
      cipher,
      dm('b', 'second plain words', { notBefore: new Date(clock.now().getTime() + 3_600_000) }),
    );
    await enqueueOutbox(db.prisma, cipher, dm('c', 'third words'));
    client.script = (call) =>
      call.key === 'a' ? new DeliveryError('permanent', 'user_not_found') : undefined;
    const w = worker();
    await driveUntil(clock, workers, () => w.counts.dead === 1 && w.counts.sent === 1);

    const overview = await outboxOverview(db.prisma, scope, { now: clock.now() });
    expect(overview.counts).toEqual({ pending: 1, dead: 1, sent: 1, privatePending: 0, privateDead: 1 });
    expect(overview.pending.map((r) => r.recipientId)).toEqual(['U-b']);
    expect(overview.dead[0]).toMatchObject({
      recipientId: 'U-a',
      lastError: 'user_not_found',
      isPrivate: true,
    });
    expect(JSON.stringify(overview)).not.toMatch(/words|payload/);
    expect(
      await outboxOverview(db.prisma, { ...scope, workspaceExternalId: 'T2' }, { now: clock.now() }),
    ).toMatchObject({ counts: { pending: 0, dead: 0, sent: 0, privatePending: 0, privateDead: 0 } });

    const deadId = overview.dead[0]!.id;
    expect(
      await retryDead(db.prisma, { ...scope, workspaceExternalId: 'T2' }, deadId, clock.now()),
    ).toMatchObject({
      ok: false,
    });
    client.script = () => undefined;
    expect(await retryDead(db.prisma, scope, deadId, clock.now())).toEqual({ ok: true });
    w.notify();
    await driveUntil(clock, workers, () => client.deliveredKeys().has('a'));
    expect(client.lookups).toContain('a');
    expect(await row('a')).toMatchObject({ status: 'sent' });
    expect(await retryDead(db.prisma, scope, deadId, clock.now())).toMatchObject({
      ok: false,
      reason: expect.stringContaining('delivered already'),
    });
  });
});
