// An in-test ChatClient that remembers every message it accepted, by idempotency key, the way
// Slack (message metadata) and Discord (nonce) let an adapter look a message up again. A
// `script` decides, per call, whether to fail it, so tests can play 429s, 5xx and crashes.
import { type ChatClient, DeliveryError } from '../../../src/chat/outbound.ts';
import type { ChannelRef, MessageRef, Platform, UserRef } from '../../../src/chat/refs.ts';
import type { View } from '../../../src/chat/views.ts';
import type { Clock } from '../../../src/scheduling/index.ts';

export interface SendCall {
  /** 1-based, across all sends. */
  readonly n: number;
  readonly key: string;
  readonly at: Date;
  readonly target: string;
  readonly view: View;
}

export interface Delivery extends SendCall {
  readonly ref: MessageRef;
}

export class RecordingChatClient implements ChatClient {
  readonly calls: (SendCall & { outcome: 'delivered' | 'rate-limited' | 'transient' | 'permanent' })[] = [];
  /** Every accepted send, duplicates included: a key twice here is a message delivered twice. */
  readonly deliveries: Delivery[] = [];
  readonly lookups: string[] = [];
  /** Return an error to fail the call; undefined to accept it. */
  script: (call: SendCall) => Error | undefined = () => undefined;
  /** Return an error to fail a findDelivered lookup. */
  lookupScript: (key: string) => Error | undefined = () => undefined;
  /** Runs after a send is accepted, before it returns (a crash test kills the worker here). */
  afterDelivery: (delivery: Delivery) => void = () => undefined;

  constructor(
    private readonly clock: Clock,
    readonly platform: Platform = 'slack',
  ) {}

  deliveredKeys(): Set<string> {
    return new Set(this.deliveries.map((d) => d.key));
  }

  deliveryOf(key: string): Delivery | undefined {
    return this.deliveries.find((d) => d.key === key);
  }

  async sendDirect(user: UserRef, view: View, options?: { idempotencyKey?: string }): Promise<MessageRef> {
    return this.#accept(`dm:${user.userId}`, { ...user, channelId: `D-${user.userId}` }, view, options);
  }

  async postToChannel(
    channel: ChannelRef,
    view: View,
    options?: { idempotencyKey?: string },
  ): Promise<MessageRef> {
    return this.#accept(`channel:${channel.channelId}`, channel, view, options);
  }

  async findDelivered(
    _target: ChannelRef | UserRef,
    idempotencyKey: string,
  ): Promise<MessageRef | undefined> {
    this.lookups.push(idempotencyKey);
    const failure = this.lookupScript(idempotencyKey);
    if (failure) throw failure;
    return this.deliveryOf(idempotencyKey)?.ref;
  }

  async postPrivately(): Promise<void> {
    throw new Error('not used by the outbox');
  }

  async updateMessage(): Promise<void> {
    throw new Error('not used by the outbox');
  }

  async uploadFile(): Promise<void> {
    throw new Error('not used by the outbox');
  }

  #accept(
    target: string,
    channel: ChannelRef,
    view: View,
    options?: { idempotencyKey?: string },
  ): MessageRef {
    const key = options?.idempotencyKey;
    if (!key) throw new Error('the outbox must pass an idempotency key');
    const call: SendCall = { n: this.calls.length + 1, key, at: this.clock.now(), target, view };
    const failure = this.script(call);
    if (failure) {
      const outcome = failure instanceof DeliveryError ? failure.failure : 'transient';
      this.calls.push({ ...call, outcome });
      throw failure;
    }
    this.calls.push({ ...call, outcome: 'delivered' });
    const delivery: Delivery = { ...call, ref: { ...channel, messageId: `m${call.n}` } };
    this.deliveries.push(delivery);
    this.afterDelivery(delivery);
    return delivery.ref;
  }
}

export function rateLimitedEvery(nth: number, retryAfterMs: number): (call: SendCall) => Error | undefined {
  return (call) =>
    call.n % nth === 0 ? new DeliveryError('rate-limited', 'HTTP 429 ratelimited', retryAfterMs) : undefined;
}
