// The delivery worker: claims due outbox rows, sends each through the platform's ChatClient
// and records the outcome. It is safe to run on several replicas at once and to kill at any
// moment: outbox-store.ts explains the claim (SKIP LOCKED, one replica per recipient, a lock
// token per claim that every later write must match).
//
// Rows are grouped into lanes, one per recipient (channel or DM): a lane sends its rows one at
// a time, in order; lanes run side by side, at most `maxConcurrentSends` sends out at once.
// A failed row does not hold its lane: the rows behind it go on, it comes back after back-off.
//
// Per row, in order:
//   quiet hours?  -> give it back with notBefore = when they end (no attempt counted)
//   tried before? -> ask the platform whether a message with its idempotency key already
//                    arrived (ChatClient.findDelivered); if so, record it as sent, send nothing
//   rate limiter  -> wait (on the injected clock) for a token of its channel/route
//   turn          -> (at most four times the send slots) count the attempt (extends the
//                    claim; counts of many lanes go to the database together, group-commit.ts);
//                    then in a send slot a token of a paced key (Slack's workspace,
//                    adaptive-pace.ts) and send with the idempotency key (unless under half
//                    the claim is left: then un-count, claim again).
//   429           -> pause that key for Retry-After, slow a paced key (Slack's workspace) to
//                    the rate it accepted, un-count the attempt, try again
//   5xx/network   -> back off (exponential, jittered); dead after maxAttempts
//   permanent     -> dead at once, with the platform's error
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { errorFields } from '../chat/error-fields.ts';
import type { ChatClient, DeliveryFailure } from '../chat/outbound.ts';
import type { MessageRef, Platform } from '../chat/refs.ts';
import type { View } from '../chat/views.ts';
import type { FieldCipher, PrismaClient } from '../db/index.ts';
import { backoffDelay } from './backoff.ts';
import { type Clock, systemClock } from './clock.ts';
import { type DeliveryCounts, DeliveryTally } from './delivery-counts.ts';
import { type DescribedFailure, describeFailure } from './delivery-failure.ts';
import { GroupCommit } from './group-commit.ts';
import type { LogPort } from './log-port.ts';
import { privateKinds } from './outbox.ts';
import { decodePayload } from './outbox-payload.ts';
import { laneKey, paceKeys, pauseKeyOf, rateKeys, type Target, targetOf } from './outbox-routing.ts';
import {
  type AttemptRecord,
  claimDue,
  countAttempts,
  dropUndeliverable,
  markDead,
  markRetry,
  markSentMany,
  type OutboxRow,
  type RecipientContext,
  recipientContexts,
  release,
  renewClaims,
  type SentRecord,
} from './outbox-store.ts';
import {
  type PrivateDeliveryCheck,
  type PrivateDeliveryRequest,
  refuseAllPrivateDeliveries,
} from './private-delivery-check.ts';
import { deliverableAt } from './quiet-hours.ts';
import { createRateLimiter, platformPaceRule, platformRateRule, type RateLimiter } from './rate-limiter.ts';
import { semaphore } from './semaphore.ts';

export interface OutboxWorkerOptions {
  readonly prisma: PrismaClient;
  readonly cipher: FieldCipher;
  /** The team's adapter per platform; undefined when this process has none (a transient failure). */
  readonly clientFor: (platform: Platform) => ChatClient | undefined;
  /** Names this replica in `lockedBy`. */
  readonly instanceId: string;
  readonly clock?: Clock;
  readonly logger?: LogPort;
  /**
   * Asked just before each send of a private delivery (a row with `privateKind`): may its
   * recipient still receive it? Default: refuse them all (nothing private goes out unchecked).
   */
  readonly privateDeliveries?: PrivateDeliveryCheck & {
    /**
     * Told after a private delivery was dropped (and the drop audited), so the member whose text
     * it was can hear that it did not go (src/access/private-delivery.ts). True when it queued a
     * message; the worker then looks again at once.
     */
    readonly dropped?: (request: PrivateDeliveryRequest, cipher: FieldCipher, now: Date) => Promise<boolean>;
  };
  /** Default: the platforms' published limits (rate-limiter.ts) on `clock`. */
  readonly limiter?: RateLimiter;
  /** Tries (not counting 429s) before a row is dead. Default 8. */
  readonly maxAttempts?: number;
  /** How long a claim holds a row; a crashed replica's rows come back after this. Default 12 s. */
  readonly lockMs?: number;
  /**
   * How often to look for due rows when nobody calls notify(), and to renew held claims (every
   * third of `lockMs`), so well under a third of it. Default 500 ms.
   */
  readonly pollMs?: number;
  /** Rows claimed at most per claim. Default 500. */
  readonly batchSize?: number;
  /**
   * Rows held (claimed, not yet finished) at most. Default 1,000: ten seconds of sending at a
   * workspace's ceiling of about 100 a second (claims are renewed while rows wait their turn),
   * and the rows (with their payloads) are what the worker holds in memory during a large round.
   */
  readonly maxInFlight?: number;
  /** Rows of one recipient per claim. Default 10. */
  readonly perLane?: number;
  /** Sends awaiting the platform at once, across recipients. Default 16. */
  readonly maxConcurrentSends?: number;
  /**
   * Sends with their try counted (out, or waiting for a send slot and the pace) at once.
   * After a kill, the next worker looks each of these up on the platform. Default four times
   * `maxConcurrentSends`.
   */
  readonly maxReadySends?: number;
  /** Wait after the n-th failed try. Default: backoff.ts. */
  readonly backoff?: (attempts: number) => number;
  /** Told each outcome of a try, for metrics: a platform and a result, never a row's content. */
  readonly onDelivery?: (platform: Platform, result: DeliveryResult) => void;
}

/** What a try came to, as the metrics count it: a 429 is `429`, a given-up row `dropped`. */
export type DeliveryResult = 'sent' | '429' | 'failed' | 'dropped';

const DELIVERY_RESULT: Record<keyof DeliveryCounts, DeliveryResult | undefined> = {
  sent: 'sent',
  recovered: 'sent',
  retried: 'failed',
  rateLimited: '429',
  dead: 'dropped',
  // A private delivery its recipient may no longer receive: never sent, so dropped too.
  dropped: 'dropped',
  deferred: undefined,
};

export interface OutboxWorker {
  /** Starts polling; idempotent. */
  start(): void;
  /** Something was enqueued: look now instead of at the next poll. */
  notify(): void;
  /** Finishes the sends in flight, gives unsent claimed rows back, and resolves. */
  stop(): Promise<void>;
  /**
   * Stops like a crash: no further database writes, claimed rows stay locked until their
   * lock expires. Resolves once every task has ended (so a test can close the database).
   */
  kill(): Promise<void>;
  /**
   * Resolves once the worker is waiting only on the clock (a poll, a rate-limit or back-off
   * wait) with no database call or send in flight. Tests step a ManualClock with it.
   */
  settled(): Promise<void>;
  /** Totals since this worker was made. */
  readonly counts: Readonly<DeliveryCounts>;
}

const DEFAULT_RETRY_AFTER_MS = 1000;

/**
 * A claim's lease. A killed replica's rows come back after at most this (the live worker renews
 * every third of it), so it is what a dead replica costs a round. Its floor is the platform
 * request timeout: a send starts only while half the lease is left, and the outbox's clients
 * give up on a request within OUTBOX_REQUEST_TIMEOUT_MS (5 s), inside that half.
 */
export const DEFAULT_LOCK_MS = 12_000;

class Halted extends Error {}

/** The row was no longer ours when its try was to be counted: another replica has it. */
const LOST = Symbol('lost');

/** A send slot came too late: too little of the claim was left to send in. Nothing was sent. */
class ClaimLapsing extends Error {}

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  return new Worker(options);
}

class Worker implements OutboxWorker {
  readonly #tally = new DeliveryTally();
  readonly #options: OutboxWorkerOptions;
  readonly #clock: Clock;
  readonly #limiter: RateLimiter;
  readonly #maxAttempts: number;
  readonly #lockMs: number;
  readonly #maxInFlight: number;
  readonly #withSendSlot: <T>(task: () => Promise<T>) => Promise<T>;
  /** Sends about to go (try counted) or out: `maxReadySends`. */
  readonly #withTurn: <T>(task: () => Promise<T>) => Promise<T>;
  readonly #nonce = randomBytes(4).toString('hex');
  readonly #halt = new AbortController();
  readonly #lanes = new Set<Promise<void>>();
  readonly #sentWrites: GroupCommit<SentRecord>;
  readonly #attemptWrites: GroupCommit<AttemptRecord>;
  #mode: 'idle' | 'running' | 'stopping' | 'killed' = 'idle';
  #loop: Promise<void> | undefined;
  #claims = 0;
  /** Claim tokens with lanes still running, and how many: what renewClaims keeps held. */
  readonly #liveClaims = new Map<string, number>();
  #renewedAt = Number.NEGATIVE_INFINITY;
  /** The last renewal that reached the database: when it started and the lease it wrote. */
  #renewal: { readonly at: number; readonly until: number } | undefined;
  #inFlight = 0;
  #wakeRequested = false;
  #wake: (() => void) | undefined;
  #busy = 0;
  #idleWaiters: (() => void)[] = [];

  constructor(options: OutboxWorkerOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#limiter = options.limiter ?? createRateLimiter(this.#clock, platformRateRule, platformPaceRule);
    this.#maxAttempts = options.maxAttempts ?? 8;
    this.#lockMs = options.lockMs ?? DEFAULT_LOCK_MS;
    this.#maxInFlight = options.maxInFlight ?? 1000;
    const slots = options.maxConcurrentSends ?? 16;
    this.#withSendSlot = semaphore(slots);
    this.#withTurn = semaphore(options.maxReadySends ?? 4 * slots);
    // Every lane waiting for a rate-limit token listens for a halt: hundreds at once is normal.
    setMaxListeners(0, this.#halt.signal);
    const killed = () => this.#killed();
    const halted = () => new Halted('killed');
    this.#sentWrites = new GroupCommit((records) => markSentMany(options.prisma, records), killed, halted);
    this.#attemptWrites = new GroupCommit(
      (records) => countAttempts(options.prisma, records),
      killed,
      halted,
    );
  }

  get counts(): Readonly<DeliveryCounts> {
    return this.#tally.totals;
  }

  start(): void {
    if (this.#mode !== 'idle') return;
    this.#mode = 'running';
    this.#loop = this.#run();
  }

  notify(): void {
    this.#wakeRequested = true;
    this.#wake?.();
  }

  async stop(): Promise<void> {
    if (this.#mode === 'running') this.#mode = 'stopping';
    this.#halt.abort(new Halted('stopping'));
    await this.#ended();
    this.#flushLog();
  }

  async kill(): Promise<void> {
    this.#mode = 'killed';
    this.#halt.abort(new Halted('killed'));
    await this.#ended();
  }

  async settled(): Promise<void> {
    for (;;) {
      // A finished database call's continuation runs as microtasks before the next macrotask;
      // if it starts another call, #busy is back above zero by then.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.#busy === 0) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.#busy === 0) return;
      }
      await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
    }
  }

  async #ended(): Promise<void> {
    await this.#loop;
    while (this.#lanes.size > 0) await Promise.allSettled([...this.#lanes]);
  }

  /** A method, not a field read, so TypeScript does not narrow it across awaits. */
  #killed(): boolean {
    return this.#mode === 'killed';
  }

  get #halted(): boolean {
    return this.#mode === 'stopping' || this.#killed();
  }

  /**
   * Wraps every database call and send, so settled() knows what is in flight. After a kill,
   * whatever the call returned is dropped on the floor (Halted), as a crash would: nothing
   * after it runs, in particular no record of a send that went out.
   */
  async #io<T>(task: () => Promise<T>): Promise<T> {
    this.#busy++;
    try {
      const result = await task();
      if (this.#killed()) throw new Halted('killed');
      return result;
    } finally {
      this.#busy--;
      if (this.#busy === 0) for (const resolve of this.#idleWaiters.splice(0)) resolve();
    }
  }

  async #run(): Promise<void> {
    while (!this.#halted) {
      this.#wakeRequested = false;
      await this.#renewIfDue();
      if (this.#halted) break;
      let full = false;
      try {
        full = await this.#claimAndDispatch();
      } catch (error) {
        if (this.#halted) break;
        this.#options.logger?.error(
          { event: 'outbox.claim_failed', err: errorFields(error, { stack: true }) },
          'Could not claim outbox rows',
        );
      }
      this.#flushLog();
      if (this.#halted) break;
      if (!full && !this.#wakeRequested) await this.#waitForWake();
    }
  }

  /**
   * Holds the rows of live claims a while longer, every third of the lock: a row may wait its
   * turn (send slots, the pace) longer than one lock, and must not lapse meanwhile, or this
   * worker's own next claim would take it again and the first lane's try would be wasted. Only
   * a live worker renews: a killed one's rows lapse, and since a try is counted just before its
   * send, the rows that never went out are sent by the next worker without a lookup.
   */
  async #renewIfDue(): Promise<void> {
    const now = this.#clock.now();
    if (now.getTime() - this.#renewedAt < this.#lockMs / 3 || this.#liveClaims.size === 0) return;
    this.#renewedAt = now.getTime();
    try {
      const until = new Date(now.getTime() + this.#lockMs);
      await this.#io(() => renewClaims(this.#options.prisma, [...this.#liveClaims.keys()], now, until));
      this.#renewal = { at: now.getTime(), until: until.getTime() };
    } catch (error) {
      if (this.#halted) return;
      this.#options.logger?.error(
        { event: 'outbox.renew_failed', err: errorFields(error, { stack: true }) },
        'Could not renew claimed outbox rows; they come back when their lock expires',
      );
    }
  }

  async #waitForWake(): Promise<void> {
    const waiting = new AbortController();
    const onHalt = () => waiting.abort();
    this.#halt.signal.addEventListener('abort', onHalt, { once: true });
    this.#wake = () => waiting.abort();
    try {
      await this.#clock.sleep(this.#options.pollMs ?? 500, waiting.signal);
    } catch {
      // Woken by notify() or halted: either way, go round the loop.
    } finally {
      this.#wake = undefined;
      this.#halt.signal.removeEventListener('abort', onHalt);
    }
  }

  /** True when the claim was full, so more rows may be due right away. */
  async #claimAndDispatch(): Promise<boolean> {
    const limit = Math.min(this.#options.batchSize ?? 500, this.#maxInFlight - this.#inFlight);
    if (limit <= 0) return false;
    const token = `${this.#options.instanceId}#${this.#nonce}.${++this.#claims}`;
    const rows = await this.#io(() =>
      claimDue(this.#options.prisma, {
        token,
        now: this.#clock.now(),
        lockMs: this.#lockMs,
        limit,
        perLane: this.#options.perLane ?? 10,
      }),
    );
    if (rows.length === 0 || this.#killed()) return false;
    let contexts: Map<string, RecipientContext>;
    try {
      contexts = await this.#io(() => recipientContexts(this.#options.prisma, rows));
    } catch (error) {
      if (!this.#killed()) await this.#io(() => release(this.#options.prisma, rows, token));
      throw error;
    }
    const lanes = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      const key = laneKey(row);
      lanes.set(key, [...(lanes.get(key) ?? []), row]);
    }
    for (const laneRows of lanes.values()) this.#spawnLane(laneRows, token, contexts);
    return rows.length === limit;
  }

  #spawnLane(rows: OutboxRow[], token: string, contexts: Map<string, RecipientContext>): void {
    this.#inFlight += rows.length;
    // Fresh rows need no renewal for a third of the lock; older live claims set the schedule.
    if (this.#liveClaims.size === 0) this.#renewedAt = this.#clock.now().getTime();
    this.#liveClaims.set(token, (this.#liveClaims.get(token) ?? 0) + 1);
    const lane = this.#runLane(rows, token, contexts).finally(() => {
      this.#inFlight -= rows.length;
      const left = (this.#liveClaims.get(token) ?? 1) - 1;
      if (left > 0) this.#liveClaims.set(token, left);
      else this.#liveClaims.delete(token);
      this.#lanes.delete(lane);
      // The recipient is free again: its next rows may be due. But a claim reads every pending
      // row (it ranks them per recipient), so during a large round, when a lane ends every few
      // milliseconds, claiming at each end would cost a full read for a handful of rows: claim
      // at once only when the worker holds less than half its limit; otherwise the next poll
      // (pollMs) claims what has come free meanwhile, hundreds at a time.
      if (!this.#halted && this.#inFlight <= this.#maxInFlight / 2) this.notify();
    });
    this.#lanes.add(lane);
  }

  /** One recipient's rows, in order, one at a time. */
  async #runLane(rows: OutboxRow[], token: string, contexts: Map<string, RecipientContext>): Promise<void> {
    const queue = [...rows];
    try {
      while (queue.length > 0 && !this.#halted) {
        const row = queue[0]!;
        await this.#deliver(row, token, contexts.get(row.id));
        queue.shift();
      }
    } catch (error) {
      if (!(error instanceof Halted)) {
        // A database outage: the rows stay locked and come back when the lock expires.
        this.#options.logger?.error(
          { event: 'outbox.lane_failed', err: errorFields(error, { stack: true }) },
          'Outbox delivery failed',
        );
        return;
      }
    }
    // Halted (stop) while waiting for a token: the head row was not tried, so all of these
    // go back now instead of when their lock expires. Nothing may escape a lane: nobody awaits
    // it until stop(), so a rejection here would be an unhandled one.
    if (this.#mode === 'stopping' && queue.length > 0) {
      try {
        await this.#io(() => release(this.#options.prisma, queue, token));
      } catch (error) {
        if (!(error instanceof Halted)) {
          // The rows stay locked and come back when the lock expires.
          this.#options.logger?.error(
            { event: 'outbox.release_failed', err: errorFields(error, { stack: true }) },
            'Could not give back outbox rows',
          );
        }
      }
    }
  }

  async #deliver(row: OutboxRow, token: string, context: RecipientContext | undefined) {
    const { prisma } = this.#options;
    const now = this.#clock.now();
    if (context?.quiet) {
      const at = deliverableAt(now, context.quiet, context.zone, false);
      if (at > now) {
        await this.#io(() => release(prisma, [row], token, at));
        this.#count('deferred', row);
        return;
      }
    }
    const client = this.#options.clientFor(row.platform);
    if (!client) {
      // Counted as a try, so rows for a platform this deployment no longer has end up dead, visibly.
      return this.#failed(row, token, row.attempts + 1, 'transient', `no chat client for ${row.platform}`);
    }
    let view: View;
    try {
      view = decodePayload(this.#options.cipher, row);
    } catch (error) {
      // Only the error's name: a JSON error message would quote the (decrypted) text.
      const name = error instanceof Error ? error.name : 'Error';
      return this.#failed(row, token, row.attempts, 'permanent', `payload could not be read (${name})`);
    }
    const target = targetOf(row);
    let attempts = row.attempts;
    // A try whose outcome we never learned (a crash, a timeout, a 5xx after posting) is looked
    // up on the platform before anything is sent again.
    if (attempts > 0 || row.lastError !== null) {
      if (await this.#recovered(client, target, row, token)) return;
    }
    for (;;) {
      await this.#limiter.acquire(rateKeys(row), this.#halt.signal);
      // Asked as late as possible, and again after every wait: roles change while rows wait
      // (quiet hours, back-off, a 429, an admin's retry of a dead row).
      if (!(await this.#mayReceive(row))) return this.#dropped(row, token);
      // A turn is a send about to go, its try counted: at most `maxReadySends` (four times the
      // send slots), so counting the next ones overlaps the sends out (a count is a database
      // round trip, and on PGlite it waits behind other transactions) while few rows are
      // counted but unsent: after a kill, at most that many lookups. With twice, 1,000
      // occurrences due at once reached their first send 0.2-0.3 s later
      // (bench/scheduler.bench.ts, PGlite); with four, as fast as counting before any wait.
      const sent = await this.#withTurn(async () => {
        // The try is counted only now: a row counted while it waits for a turn would, after a
        // kill, cost the next worker a lookup (and Slack's history is a slow, tightly limited
        // method) for a send that never went.
        const lockedUntil = this.#lockUntil();
        if (!(await this.#countAttempt(row, token, 1, lockedUntil))) return LOST;
        attempts++;
        return this.#withSendSlot(async () => {
          // A paced key's token is taken in the send slot, by a send about to go: taken
          // earlier, every row waiting for a slot would hold one while the pace is cut, and go
          // out over the new pace (outside #io: a wait on the clock is not work in flight).
          await this.#limiter.acquire(paceKeys(row), this.#halt.signal);
          // A kill while this send is out is the crash the outbox exists for: delivered, never
          // recorded (#io throws Halted). The next worker finds it with findDelivered.
          return this.#platform(() => {
            if (this.#killed()) throw new Halted('killed');
            // A slow slot or pace may have eaten the claim: see #claimTooShort.
            if (this.#claimTooShort(lockedUntil)) throw new ClaimLapsing();
            return this.#send(client, target, view, row);
          });
        });
      });
      if (sent === LOST) return this.#lost(row);
      if (!sent.ok && sent.lapsing) {
        // Nothing was sent: take the try back and claim the row afresh (or find it taken).
        if (!(await this.#countAttempt(row, token, -1))) return this.#lost(row);
        attempts--;
        continue;
      }
      if (sent.ok) {
        this.#limiter.delivered(paceKeys(row));
        return this.#sent(row, token, sent.value, 'sent');
      }
      if (sent.failure !== 'rate-limited')
        return this.#failed(row, token, attempts, sent.failure, sent.message);
      this.#rateLimited(row, sent.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS);
      // A 429 is a definite "not delivered": the try does not count, and needs no lookup.
      if (!(await this.#countAttempt(row, token, -1))) return this.#lost(row);
      attempts--;
    }
  }

  /** The access question a private delivery's row asks; undefined when it cannot ask one. */
  #requestOf(row: OutboxRow): PrivateDeliveryRequest | undefined {
    const kind = privateKinds.find((k) => k === row.privateKind);
    if (!kind || row.subjectId === null || row.aboutMemberId === null) return undefined;
    return {
      kind,
      subjectId: row.subjectId,
      aboutMemberId: row.aboutMemberId,
      recipientMemberId: row.recipientMemberId,
      teamId: row.teamId,
    };
  }

  /** True for an ordinary row; for a private delivery, what the access policy says now. */
  async #mayReceive(row: OutboxRow): Promise<boolean> {
    if (row.privateKind === null) return true;
    const request = this.#requestOf(row);
    if (!request) return false;
    const check = this.#options.privateDeliveries ?? refuseAllPrivateDeliveries;
    return this.#io(() => check.mayReceive(request));
  }

  async #dropped(row: OutboxRow, token: string): Promise<void> {
    if (!(await this.#io(() => dropUndeliverable(this.#options.prisma, row, token)))) return this.#lost(row);
    this.#count('dropped', row);
    this.#options.logger?.info(
      { event: 'outbox.dropped', id: row.id, kind: row.privateKind },
      'A private message was not sent: its recipient may no longer receive it',
    );
    const request = this.#requestOf(row);
    const tell = this.#options.privateDeliveries?.dropped;
    if (!request || !tell) return;
    try {
      if (await this.#io(() => tell(request, this.#options.cipher, this.#clock.now()))) this.notify();
    } catch (error) {
      if (error instanceof Halted) throw error;
      // The drop stands (nothing private went out); only the member's note is missing.
      this.#options.logger?.warn(
        { event: 'outbox.dropped_notice_failed', id: row.id, ...errorFields(error) },
        'Could not tell the member that a private message was not sent',
      );
    }
  }

  /** False: the row is no longer ours. */
  #countAttempt(row: OutboxRow, token: string, delta: 1 | -1, lockedUntil?: Date): Promise<boolean> {
    const record = { id: row.id, token, delta, lockedUntil: lockedUntil ?? null };
    return this.#io(() => this.#attemptWrites.record(record));
  }

  /**
   * The recovery step for a row tried before: asks the platform whether a message with its
   * idempotency key already arrived. True when the row is finished (found and recorded as
   * sent, or the lookup failed and was recorded as a try); false when it must be sent.
   */
  async #recovered(client: ChatClient, target: Target, row: OutboxRow, token: string): Promise<boolean> {
    for (;;) {
      const found = await this.#platform(() => this.#findDelivered(client, target, row));
      if (found.ok) {
        if (!found.value) return false;
        await this.#sent(row, token, found.value, 'recovered');
        return true;
      }
      if (found.failure === 'rate-limited') {
        // Lookups are not paced by the limiter; wait here so a 429 cannot spin.
        await this.#clock.sleep(found.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS, this.#halt.signal);
        continue;
      }
      // A failed lookup counts as a try, so a platform that cannot answer ends in `dead`.
      await this.#failed(row, token, row.attempts + 1, found.failure, found.message);
      return true;
    }
  }

  /**
   * A call to the platform, its failure as a value. Only platform errors are caught: a halt
   * and database errors propagate (the latter leave the row locked until its lock expires).
   */
  async #platform<T>(
    call: () => Promise<T>,
  ): Promise<{ ok: true; value: T } | ({ ok: false; lapsing?: true } & DescribedFailure)> {
    try {
      return { ok: true, value: await this.#io(call) };
    } catch (error) {
      if (error instanceof Halted || this.#killed()) throw error;
      if (error instanceof ClaimLapsing) return { ok: false, lapsing: true, ...describeFailure(error) };
      return { ok: false, ...describeFailure(error) };
    }
  }

  /**
   * True when less than half of the claim is left to send in. Another replica may take the row
   * the moment its lock lapses, look it up (not there yet) and send it: if our send were still
   * on its way, the person would get it twice. So a send starts only while at least half of
   * OUTBOX_LOCK_MS remains, which leaves the request that much time to reach the platform
   * (the outbox's clients give up well before: OUTBOX_REQUEST_TIMEOUT_MS in chat/outbound.ts).
   *
   * The lease left is the one the try was counted with, or, when a renewal started after that
   * (so this row's claim was live and not lapsed: its lock is raised, never lowered), the one
   * that renewal wrote. With a short lease a row may wait for a send slot or the pace longer
   * than half of it; counting only the first lease made such rows lapse, un-count and queue
   * again and again on a loaded machine (a 200-DM burst stalled at 27 sent).
   */
  #claimTooShort(lockedUntil: Date): boolean {
    const counted = lockedUntil.getTime();
    const renewal = this.#renewal;
    const held = renewal && renewal.at < counted ? Math.max(counted, renewal.until) : counted;
    return held - this.#clock.now().getTime() < this.#lockMs / 2;
  }

  #rateLimited(row: OutboxRow, waitMs: number): void {
    this.#limiter.pause(pauseKeyOf(row), waitMs);
    for (const cut of this.#limiter.limited(paceKeys(row)))
      this.#options.logger?.info(
        { event: 'outbox.paced', key: cut.key, perSecond: Math.round(cut.perSecond) },
        'the platform asked us to slow down: sending at the rate it accepted',
      );
    this.#count('rateLimited', row);
    // The lane's rows stay ours through a long wait because #renewIfDue keeps renewing this
    // live claim; they are not locked for the whole wait up front, which would hold them that
    // long past a kill instead of one lease (fast takeover, docs/operations.md).
  }

  #lockUntil(): Date {
    return new Date(this.#clock.now().getTime() + this.#lockMs);
  }

  async #findDelivered(client: ChatClient, target: Target, row: OutboxRow): Promise<MessageRef | undefined> {
    return client.findDelivered
      ? client.findDelivered(target.ref, row.idempotencyKey, row.createdAt)
      : undefined;
  }

  async #send(client: ChatClient, target: Target, view: View, row: OutboxRow): Promise<MessageRef> {
    const options = {
      idempotencyKey: row.idempotencyKey,
      ...(row.threadId ? { threadId: row.threadId } : {}),
    };
    return target.kind === 'dm'
      ? client.sendDirect(target.ref, view, options)
      : client.postToChannel(target.ref, view, options);
  }

  async #sent(row: OutboxRow, token: string, ref: MessageRef, how: 'sent' | 'recovered'): Promise<void> {
    const record = { id: row.id, token, platformMessageId: ref.messageId, sentAt: this.#clock.now() };
    const ours = await this.#io(() => this.#sentWrites.record(record));
    if (!ours) return this.#lost(row);
    this.#count(how, row);
  }

  async #failed(row: OutboxRow, token: string, attempts: number, failure: DeliveryFailure, message: string) {
    const { prisma } = this.#options;
    if (failure === 'permanent' || attempts >= this.#maxAttempts) {
      const failed = { attempts, lastError: message };
      if (!(await this.#io(() => markDead(prisma, row, token, failed)))) return this.#lost(row);
      this.#count('dead', row);
      this.#options.logger?.warn(
        { event: 'outbox.dead', id: row.id, platform: row.platform, attempts, failure, error: message },
        'Gave up on an outbox message',
      );
      return;
    }
    const delay = (this.#options.backoff ?? backoffDelay)(attempts);
    const notBefore = new Date(this.#clock.now().getTime() + delay);
    const failed = { attempts, lastError: message };
    if (!(await this.#io(() => markRetry(prisma, row, token, notBefore, failed)))) return this.#lost(row);
    this.#count('retried', row);
  }

  #lost(row: OutboxRow): void {
    // Our lock expired and another replica took the row: it is theirs now.
    this.#options.logger?.warn(
      { event: 'outbox.lock_lost', id: row.id },
      'Another worker took over an outbox row',
    );
  }

  #count(what: keyof DeliveryCounts, row: OutboxRow): void {
    this.#tally.count(what);
    const result = DELIVERY_RESULT[what];
    if (result) this.#options.onDelivery?.(row.platform, result);
  }

  #flushLog(): void {
    this.#tally.flush(this.#options.logger);
  }
}
