// Token buckets, one per key (a Slack channel, a Slack workspace, a Discord route, Discord's
// global limit). A send reserves one token from every bucket it touches and sleeps, on the
// injected clock, until the last of them is due: one sleep per send however many wait on a
// bucket (a thousand lanes polling one workspace bucket would wake a thousand times a token). The rules mirror what the platforms publish, so we rarely see a 429 at all;
// when we do, `pause` empties the bucket for the Retry-After the platform asked for.
import type { Clock } from './clock.ts';

export interface BucketRule {
  /** How many sends may go back to back after a quiet spell. */
  readonly burst: number;
  /** One token comes back every `intervalMs`. */
  readonly intervalMs: number;
}

interface Bucket {
  readonly rule: BucketRule;
  tokens: number;
  /** The instant `tokens` was computed for. */
  at: number;
  /** No token before this instant (a 429's Retry-After). */
  pausedUntil: number;
  /** Bumped by every pause: reservations made before it are void. */
  pauses: number;
}

export interface RateLimiter {
  /** Waits until every key has a token, then takes one from each. Rejects when `signal` aborts. */
  acquire(keys: readonly string[], signal?: AbortSignal): Promise<void>;
  /** The platform said "slow down": nothing goes through `key` for `ms`. */
  pause(key: string, ms: number): void;
}

/** `rule(key)` undefined: the key is not limited. */
export function createRateLimiter(clock: Clock, rule: (key: string) => BucketRule | undefined): RateLimiter {
  const buckets = new Map<string, Bucket>();

  const bucketOf = (key: string): Bucket | undefined => {
    const existing = buckets.get(key);
    if (existing) return existing;
    const found = rule(key);
    if (!found) return undefined;
    const bucket = { rule: found, tokens: found.burst, at: clock.now().getTime(), pausedUntil: 0, pauses: 0 };
    buckets.set(key, bucket);
    return bucket;
  };

  const refill = (bucket: Bucket, now: number): void => {
    if (now <= bucket.at) return;
    const earned = (now - bucket.at) / bucket.rule.intervalMs;
    bucket.tokens = Math.min(bucket.rule.burst, bucket.tokens + earned);
    bucket.at = now;
  };

  /** Milliseconds until this bucket's next token (tokens may be negative: reserved ahead). */
  const dueIn = (bucket: Bucket, now: number): number => {
    refill(bucket, now);
    return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) * bucket.rule.intervalMs);
  };

  /** Reserves a token from each bucket; resolves false when a pause voided the reservation. */
  const reserve = async (own: Bucket[], signal?: AbortSignal): Promise<boolean> => {
    const now = clock.now().getTime();
    const pausedUntil = Math.max(0, ...own.map((bucket) => bucket.pausedUntil));
    if (pausedUntil > now) {
      await clock.sleep(pausedUntil - now, signal);
      return false;
    }
    // Checked and taken in one synchronous step, so concurrent acquirers queue in order.
    const wait = Math.max(0, ...own.map((bucket) => dueIn(bucket, now)));
    for (const bucket of own) bucket.tokens -= 1;
    if (wait === 0) return true;
    const pauses = own.map((bucket) => bucket.pauses);
    const unchanged = () => own.every((bucket, i) => bucket.pauses === pauses[i]);
    try {
      await clock.sleep(wait, signal);
    } catch (error) {
      // Give the reserved tokens back (unless a pause already reset the buckets).
      if (unchanged()) for (const bucket of own) bucket.tokens += 1;
      throw error;
    }
    return unchanged();
  };

  return {
    async acquire(keys, signal) {
      const own = keys.map(bucketOf).filter((bucket): bucket is Bucket => bucket !== undefined);
      for (;;) {
        signal?.throwIfAborted();
        if (await reserve(own, signal)) return;
      }
    },
    pause(key, ms) {
      const bucket = bucketOf(key);
      if (!bucket) return;
      const until = clock.now().getTime() + Math.max(0, ms);
      if (until <= bucket.pausedUntil) return;
      // One token when the wait is over: Retry-After says when the next send may go, not
      // when the bucket is full again.
      bucket.pausedUntil = until;
      bucket.pauses++;
      bucket.tokens = 1;
      bucket.at = until;
    },
  };
}

/**
 * Published limits, as rules by key prefix (keys come from `rateKeys` in outbox-routing.ts):
 * - Slack chat.postMessage: about one message a second per channel (a DM is a channel), short
 *   bursts allowed, and a workspace-wide ceiling Slack gives no number for ("several hundred a
 *   minute", more for bursts). We pace a workspace at 100 a second, the ceiling the benchmark's
 *   fake enforces, with a burst of 90 rather than 100 so that a few requests overtaking each
 *   other on the way do not reach Slack over its bucket. A lower real ceiling shows as a 429,
 *   and the worker then pauses the whole workspace for its Retry-After (outbox-routing.ts
 *   `pauseKeys`), so it costs one 429 a Retry-After, not one for every DM in flight.
 * - Discord: message routes are bucketed per channel, 5 per 5 s; plus 50 requests a second
 *   for the whole bot.
 * - The shell playground has no limits.
 */
export const platformRateRules: Readonly<Record<string, BucketRule>> = {
  'slack:channel': { burst: 3, intervalMs: 1000 },
  'slack:workspace': { burst: 90, intervalMs: 10 },
  // Discord's bucket is a fixed window (5, then wait for the reset); a token bucket of 5 that
  // refills one a second is the same rate, but can exceed 5 in one window after a burst.
  // discord.js queues by the real bucket headers anyway, and a 429 still pauses the key.
  'discord:channel': { burst: 5, intervalMs: 1000 },
  'discord:global': { burst: 50, intervalMs: 20 },
};

/** Looks up `platformRateRules` by the key's first two segments (`slack:channel:T1:C1`). */
export function platformRateRule(key: string): BucketRule | undefined {
  const [platform, scope] = key.split(':');
  return platformRateRules[`${platform}:${scope}`];
}
