// Token buckets, one per key (a Slack channel, a Discord route, Discord's global limit). A send
// takes one token from every bucket it touches and waits, on the injected clock, until all of
// them have one. The rules mirror what the platforms publish, so we rarely see a 429 at all;
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
    const bucket = { rule: found, tokens: found.burst, at: clock.now().getTime(), pausedUntil: 0 };
    buckets.set(key, bucket);
    return bucket;
  };

  const refill = (bucket: Bucket, now: number): void => {
    if (now <= bucket.at) return;
    const earned = (now - bucket.at) / bucket.rule.intervalMs;
    bucket.tokens = Math.min(bucket.rule.burst, bucket.tokens + earned);
    bucket.at = now;
  };

  /** Milliseconds until this bucket can give a token; 0 when it can now. */
  const waitFor = (bucket: Bucket, now: number): number => {
    if (bucket.pausedUntil > now) return bucket.pausedUntil - now;
    refill(bucket, now);
    return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) * bucket.rule.intervalMs);
  };

  return {
    async acquire(keys, signal) {
      const own = keys.map(bucketOf).filter((bucket): bucket is Bucket => bucket !== undefined);
      for (;;) {
        signal?.throwIfAborted();
        const now = clock.now().getTime();
        const wait = Math.max(0, ...own.map((bucket) => waitFor(bucket, now)));
        if (wait === 0) {
          // Checked and taken in one synchronous step, so concurrent acquirers cannot both win.
          for (const bucket of own) bucket.tokens -= 1;
          return;
        }
        await clock.sleep(wait, signal);
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
      bucket.tokens = 1;
      bucket.at = until;
    },
  };
}

/**
 * Published limits, as rules by key prefix (keys come from `rateKeys` in outbox-routing.ts):
 * - Slack chat.postMessage: about one message a second per channel (a DM is a channel), short
 *   bursts allowed. Slack's workspace-wide ceiling ("several hundred a minute") is not a
 *   published number, so it is not modelled: its 429 + Retry-After is honoured instead.
 * - Discord: message routes are bucketed per channel, 5 per 5 s; plus 50 requests a second
 *   for the whole bot.
 * - The shell playground has no limits.
 */
export const platformRateRules: Readonly<Record<string, BucketRule>> = {
  'slack:channel': { burst: 3, intervalMs: 1000 },
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
