// The outbox delivering through the Mattermost adapter's ChatClient (the real @mattermost/client)
// to the fake Mattermost, on the real clock:
// - with the server's rate limiter on (RateLimitSettings: a bucket over every call, 429 with
//   X-Ratelimit-* and Retry-After), a burst of DMs all arrives, each once, every refused send
//   tried again only after the wait the server asked for;
// - a worker killed between a send and its record leaves nothing lost or doubled: the next one
//   (a new process: nothing cached) finds the unrecorded post by the outbox key in its props;
// - the lookup finds a threaded post and the first part of a long view, and says "cannot tell"
//   (throws) rather than "not delivered" when the channel is too busy to read back that far.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createMattermostAdapter, type MattermostAdapter } from '../../../src/adapters/mattermost/index.ts';
import {
  type ChatClient,
  createCommandTable,
  DeliveryError,
  type EventSink,
  view,
} from '../../../src/chat/index.ts';
import { literal, markup } from '../../../src/chat/markup.ts';
import { createFieldCipher, type Database } from '../../../src/db/index.ts';
import { silentLogger } from '../../../src/logger.ts';
import {
  createOutboxWorker,
  enqueueOutboxMany,
  type OutboxMessageInput,
  type OutboxWorker,
  type OutboxWorkerOptions,
} from '../../../src/scheduling/index.ts';
import { FakeMattermost, type FakePost, type MattermostCall } from '../../fakes/mattermost/index.ts';
import { newId } from '../../fakes/mattermost/mattermost-world.ts';
import { clonedDatabase } from '../../support/database.ts';
import { MM_TOKEN } from './support.ts';

const cipher = createFieldCipher(randomBytes(32));
const table = createCommandTable({ commands: [] });
const noEvents: EventSink = async () => {};
const KEY_PROP = 'peerbridge_key';

let fake: FakeMattermost | undefined;
let db: Database | undefined;
const adapters: MattermostAdapter[] = [];
const workers: OutboxWorker[] = [];

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.kill()));
  await Promise.all(adapters.splice(0).map((a) => a.stop()));
  await db?.close();
  await fake?.close();
  db = undefined;
  fake = undefined;
});

async function setUp(people: number): Promise<{ fake: FakeMattermost; db: Database; users: string[] }> {
  fake = await FakeMattermost.start({ token: MM_TOKEN });
  db = await clonedDatabase();
  const users = Array.from({ length: people }, (_, i) => fake!.world.user(`person${i}`).id);
  return { fake, db, users };
}

/** A started adapter's client, as a new process has it (no direct channel known yet). */
async function mattermostClient(server: FakeMattermost): Promise<ChatClient> {
  const adapter = createMattermostAdapter({
    config: { url: server.url, token: MM_TOKEN, callbackUrl: 'http://127.0.0.1:9', port: 0 },
    table,
    sink: noEvents,
    logger: silentLogger,
  });
  adapters.push(adapter);
  await adapter.start();
  return adapter.client;
}

async function worker(
  server: FakeMattermost,
  database: Database,
  instanceId: string,
  extra: Partial<OutboxWorkerOptions> = {},
): Promise<OutboxWorker> {
  const client = await mattermostClient(server);
  const made = createOutboxWorker({
    prisma: database.prisma,
    cipher,
    clientFor: (platform) => (platform === 'mattermost' ? client : undefined),
    instanceId,
    logger: silentLogger,
    pollMs: 100,
    ...extra,
  });
  workers.push(made);
  return made;
}

/** One DM to each person: the fan-out of a check-in round. */
function burst(server: FakeMattermost, round: string, users: readonly string[]): OutboxMessageInput[] {
  return users.map((userId, i) => ({
    idempotencyKey: `checkin-prompt:${round}:member-${i}`,
    platform: 'mattermost' as const,
    workspaceExternalId: server.world.team.id,
    target: { kind: 'dm' as const, userId },
    view: view(markup`How are you today? (${literal(round)})`),
  }));
}

const keyOf = (call: MattermostCall): string | undefined => {
  const props = (call.body as { props?: Record<string, unknown> } | undefined)?.props;
  return typeof props?.[KEY_PROP] === 'string' ? props[KEY_PROP] : undefined;
};
const postCalls = (server: FakeMattermost, round: string) =>
  server.calls
    .all()
    .filter(
      (c) =>
        c.method === 'POST' && c.path === '/api/v4/posts' && keyOf(c)?.startsWith(`checkin-prompt:${round}:`),
    );
/** The posts the server holds for the round: what people see. */
const delivered = (server: FakeMattermost, round: string): FakePost[] =>
  [...server.world.posts.values()].filter((p) =>
    String(p.props[KEY_PROP] ?? '').startsWith(`checkin-prompt:${round}:`),
  );

function deliveredOnce(server: FakeMattermost, round: string, size: number): void {
  const posts = delivered(server, round);
  const byKey = new Map<string, number>();
  const byChannel = new Map<string, number>();
  for (const post of posts) {
    const key = String(post.props[KEY_PROP]);
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
    byChannel.set(post.channel_id, (byChannel.get(post.channel_id) ?? 0) + 1);
  }
  expect(byKey.size).toBe(size);
  expect([...byKey.values()].filter((n) => n !== 1)).toEqual([]);
  expect(byChannel.size).toBe(size);
  expect([...byChannel.values()].filter((n) => n !== 1)).toEqual([]);
}

async function allDelivered(server: FakeMattermost, round: string, size: number, timeoutMs: number) {
  const started = Date.now();
  while (delivered(server, round).length < size) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`only ${delivered(server, round).length} of ${size} DMs arrived`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function statusesOf(database: Database, round: string): Promise<Record<string, number>> {
  const groups = await database.prisma.outboxMessage.groupBy({
    by: ['status'],
    where: { idempotencyKey: { startsWith: `checkin-prompt:${round}:` } },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}

describe('the outbox on Mattermost', () => {
  it("delivers a burst of 20 DMs exactly once under the server's rate limiter, honouring Retry-After", async () => {
    const size = 20;
    const { fake: server, db: database, users } = await setUp(size);
    const w = await worker(server, database, 'mm-a');
    // Each new DM costs two calls (open the direct channel, post): 40 calls, from 16 send slots,
    // against a bucket of 10 refilling at 10 a second, so the server refuses many of them.
    server.throttle({ perSecond: 10, burst: 10 });
    await enqueueOutboxMany(database.prisma, cipher, burst(server, 'a', users));
    w.start();
    await allDelivered(server, 'a', size, 60_000);
    await w.stop();
    // Counted at the server after the worker stopped: a second send of any DM would show here.
    deliveredOnce(server, 'a', size);
    expect(await statusesOf(database, 'a')).toEqual({ sent: size });

    const calls = server.calls.all();
    const refused = calls.filter((c) => c.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    // How many refusals depends on how fast this machine sends (under a loaded CI run every DM
    // may meet one), so the pacing is proven by the waits below, not by a count.
    // Every refused post was tried again, and not before the server's Retry-After (1 s here;
    // a little slack for timer rounding).
    for (const call of postCalls(server, 'a').filter((c) => c.status === 429)) {
      const next = postCalls(server, 'a').find(
        (later) => later.at >= call.at && later !== call && keyOf(later) === keyOf(call),
      );
      expect(next, `a retry of ${keyOf(call)}`).toBeDefined();
      expect(next!.at - call.at).toBeGreaterThanOrEqual(990);
    }
    // The client did not retry on its own: the worker saw every refused send.
    expect(w.counts.rateLimited).toBe(refused.length);
  }, 90_000);

  it('survives a worker killed between a send and its record: the next one finds the post by its key', async () => {
    const size = 30;
    const { fake: server, db: database, users } = await setUp(size);
    // The default lock (12 s), so a loaded machine's slow sends do not let its claims lapse.
    const first = await worker(server, database, 'mm-b1');
    await enqueueOutboxMany(database.prisma, cipher, burst(server, 'b', users));
    first.start();
    // Killed the moment the 10th post is made, before its answer is back: delivered, never recorded.
    const inFlight = await server.waitForPost(
      (p) =>
        String(p.props[KEY_PROP] ?? '').startsWith('checkin-prompt:b:') &&
        delivered(server, 'b').length >= 10,
      'the tenth DM',
      30_000,
    );
    await first.kill();
    const key = String(inFlight.props[KEY_PROP]);
    const recordedByFirst = (await statusesOf(database, 'b')).sent ?? 0;
    expect(delivered(server, 'b').length).toBeLessThan(size);
    expect(
      await database.prisma.outboxMessage.findFirst({ where: { idempotencyKey: key, status: 'pending' } }),
      'the send in flight at the kill was never recorded',
    ).not.toBeNull();
    // The dead worker's claims lapse: what waiting out its lock would do, without the wait (that
    // rows come back only when their lock expires is test/scheduling/outbox-burst.test.ts's).
    const lapsed = await database.prisma.outboxMessage.updateMany({
      where: { status: 'pending', lockedUntil: { gt: new Date() } },
      data: { lockedUntil: new Date(Date.now() - 1) },
    });
    expect(lapsed.count).toBeGreaterThan(0);

    const second = await worker(server, database, 'mm-b2');
    second.start();
    await allDelivered(server, 'b', size, 45_000);
    await second.stop();
    deliveredOnce(server, 'b', size);
    expect(second.counts.recovered).toBeGreaterThanOrEqual(1);
    expect(second.counts.sent + second.counts.recovered).toBe(size - recordedByFirst);
    expect(await statusesOf(database, 'b')).toEqual({ sent: size });
    // Recorded as the very post that went out before the kill.
    expect(
      await database.prisma.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: key } }),
    ).toMatchObject({ status: 'sent', platformMessageId: inFlight.id });
    // The lookup read the direct channel's posts (GET /channels/{id}/posts).
    expect(server.calls.all().some((c) => c.method === 'GET' && /\/channels\/\w+\/posts$/.test(c.path))).toBe(
      true,
    );
  }, 90_000);

  it('finds a threaded post and the first part of a long view by their key, and nothing for an unsent key', async () => {
    const { fake: server } = await setUp(0);
    const client = await mattermostClient(server);
    const channel = {
      platform: 'mattermost' as const,
      workspaceId: server.world.team.id,
      channelId: server.world.townSquare.id,
    };
    const since = new Date();
    const root = await client.postToChannel(channel, view(markup`The round is open`));
    const threaded = await client.postToChannel(channel, view(markup`The digest`), {
      idempotencyKey: 'digest:1',
      threadId: root.messageId,
    });
    const long = view(
      markup`A long list`,
      ...Array.from({ length: 40 }, (_, i) => ({
        type: 'text' as const,
        text: markup`${literal(`Line ${i}: ${'x'.repeat(600)}`)}`,
      })),
    );
    const split = await client.postToChannel(channel, long, { idempotencyKey: 'long:1' });
    const parts = [...server.world.posts.values()].filter((p) => p.props[KEY_PROP] === 'long:1');
    expect(parts.length).toBeGreaterThan(1);
    // A fast server stamps several parts with one millisecond: the first part is still found.
    for (const part of parts) part.create_at = parts[0]?.create_at ?? 0;

    expect(await client.findDelivered?.(channel, 'digest:1', since)).toMatchObject({
      messageId: threaded.messageId,
      threadId: root.messageId,
    });
    expect((await client.findDelivered?.(channel, 'long:1', since))?.messageId).toBe(split.messageId);
    expect(await client.findDelivered?.(channel, 'never-sent:1', since)).toBeUndefined();
  }, 60_000);

  it('says it cannot tell (throws) when the channel is too busy to read back to the row', async () => {
    const { fake: server } = await setUp(1);
    const client = await mattermostClient(server);
    const person = {
      platform: 'mattermost' as const,
      workspaceId: server.world.team.id,
      userId: server.world.user('person0').id,
    };
    const since = new Date(Date.now() - 60_000);
    await client.sendDirect(person, view(markup`Hello`), { idempotencyKey: 'old:1' });
    // 2,000 newer posts from the person in the same direct channel.
    const dm = server.dmChannelOf('person0');
    for (let i = 0; i < 2_000; i++) {
      const id = newId();
      server.world.posts.set(id, {
        id,
        channel_id: dm,
        user_id: person.userId,
        root_id: '',
        message: `note ${i}`,
        type: '',
        props: {},
        create_at: Date.now() + 1 + i,
        update_at: Date.now() + 1 + i,
        delete_at: 0,
      });
    }
    const lookup = client.findDelivered?.(person, 'old:1', since);
    await expect(lookup).rejects.toBeInstanceOf(DeliveryError);
  }, 60_000);
});
