// Outbox throughput against a platform that enforces Slack's published limit: about one
// message a second per channel, with a short burst (we allow 3). A channel that gets n messages
// therefore needs at least (n - 3) seconds, whatever the worker does: that is the floor.
//
// Both sizes spread their rows 40 to a recipient, so the floor is 37 s for each: 1,000 rows to
// 25 recipients and 10,000 rows to 250. The 10,000 case then also asks the worker to keep 250
// channels busy at once (≈ 270 sends a second) on an in-memory PGlite, which is where its own
// cost shows. On two cores the whole run takes about two minutes.
import { randomBytes } from 'node:crypto';
import { type ChatClient, DeliveryError } from '../src/chat/outbound.ts';
import type { ChannelRef, MessageRef, UserRef } from '../src/chat/refs.ts';
import { createFieldCipher, createPglite, databaseOnPglite, migrate } from '../src/db/index.ts';
import { createOutboxWorker, enqueueOutboxMany, type OutboxMessageInput } from '../src/scheduling/index.ts';
import type { Benchmark, BenchResult } from './run.ts';

const SLACK = { burst: 3, intervalMs: 1000 };
const PER_RECIPIENT = 40;

/**
 * A Slack stand-in with its own token bucket per channel (deliberately not the worker's
 * limiter, so a worker that sends too fast is caught): over the limit it answers 429 with the
 * Retry-After a real bucket would give.
 */
class RateLimitedSlack implements ChatClient {
  readonly platform = 'slack' as const;
  readonly delivered = new Set<string>();
  duplicates = 0;
  refused = 0;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #onDelivered: () => void;

  constructor(onDelivered: () => void) {
    this.#onDelivered = onDelivered;
  }

  #take(channel: string): number {
    const now = performance.now();
    const bucket = this.#buckets.get(channel) ?? { tokens: SLACK.burst, at: now };
    bucket.tokens = Math.min(SLACK.burst, bucket.tokens + (now - bucket.at) / SLACK.intervalMs);
    bucket.at = now;
    this.#buckets.set(channel, bucket);
    // A few ms of grace for timer jitter: Slack's own limit is "about" one a second.
    if (bucket.tokens < 0.99) return Math.ceil((1 - bucket.tokens) * SLACK.intervalMs);
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    return 0;
  }

  async sendDirect(
    user: UserRef,
    _view: unknown,
    options?: { idempotencyKey?: string },
  ): Promise<MessageRef> {
    const retryAfter = this.#take(user.userId);
    if (retryAfter > 0) {
      this.refused++;
      throw new DeliveryError('rate-limited', 'ratelimited', retryAfter);
    }
    const key = options?.idempotencyKey ?? '';
    if (this.delivered.has(key)) this.duplicates++;
    this.delivered.add(key);
    this.#onDelivered();
    return { ...user, channelId: `D${user.userId}`, messageId: String(this.delivered.size) };
  }

  async postToChannel(channel: ChannelRef): Promise<MessageRef> {
    return { ...channel, messageId: 'unused' };
  }

  async findDelivered(_target: ChannelRef | UserRef, key: string): Promise<MessageRef | undefined> {
    return this.delivered.has(key)
      ? { platform: 'slack', workspaceId: 'T1', channelId: 'D', messageId: key }
      : undefined;
  }

  async postPrivately(): Promise<void> {}
  async updateMessage(): Promise<void> {}
  async uploadFile(): Promise<void> {}
}

function floorMs(perRecipient: number): number {
  return Math.max(0, perRecipient - SLACK.burst) * SLACK.intervalMs;
}

async function throughSlack(rows: number): Promise<BenchResult> {
  const recipients = rows / PER_RECIPIENT;
  const db = databaseOnPglite(await createPglite());
  try {
    await migrate(db);
    const cipher = createFieldCipher(randomBytes(32));
    const messages: OutboxMessageInput[] = Array.from({ length: rows }, (_, i) => ({
      idempotencyKey: `bench:${i}`,
      platform: 'slack',
      workspaceExternalId: 'T1',
      target: { kind: 'dm', userId: `U${i % recipients}` },
      view: { text: `Check-in prompt ${i}`, blocks: [{ type: 'text', text: 'How are you today?' }] },
      notBefore: new Date(),
    }));
    for (let i = 0; i < messages.length; i += 1000) {
      await enqueueOutboxMany(db.prisma, cipher, messages.slice(i, i + 1000));
    }

    let finish: () => void = () => undefined;
    const allDelivered = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const slack = new RateLimitedSlack(() => {
      if (slack.delivered.size === rows) finish();
    });
    const worker = createOutboxWorker({
      prisma: db.prisma,
      cipher,
      clientFor: () => slack,
      instanceId: 'bench',
    });
    const started = performance.now();
    worker.start();
    await allDelivered;
    const elapsedMs = performance.now() - started;
    await worker.stop();

    const recorded = await db.prisma.outboxMessage.count({ where: { status: 'sent' } });
    return {
      what: `outbox: ${rows.toLocaleString('en')} DMs to ${recipients} recipients, Slack limits`,
      rows,
      elapsedMs,
      floorMs: floorMs(PER_RECIPIENT),
      notes: `${slack.refused} × 429, ${slack.duplicates} duplicates, ${recorded} recorded sent`,
    };
  } finally {
    await db.close();
  }
}

export const benchmarks: Benchmark[] = [
  { name: 'outbox-1k', run: () => throughSlack(1_000) },
  { name: 'outbox-10k', run: () => throughSlack(10_000) },
];
