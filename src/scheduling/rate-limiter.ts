// Token buckets, one per key (a Slack channel, a Discord route, Discord's global limit). A send
// takes one token from every bucket it touches and waits, on the injected clock, until all of
// them have one. The rules mirror what the platforms publish, so we rarely see a 429 at all;
// when we do, `pause` empties the bucket for the Retry-After the platform asked for. A limit
// the platform does not publish gets a paced bucket instead (adaptive-pace.ts): no limit until
// a 429, then the rate the platform was seen to accept.
import { AdaptivePace, type PaceRule } from './adaptive-pace.ts';
import type { Clock } from './clock.ts';

export interface BucketRule {
  /** How many sends may go back to back after a quiet spell. */
  readonly burst: number;
  /** One token comes back every `intervalMs`. */
  readonly intervalMs: number;
}

interface Bucket {
  /** The rule now; undefined: no limit now (a pace before its first 429). */
  readonly ruleAt: (now: number) => BucketRule | undefined;
  readonly pace?: AdaptivePace;
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
  /** A send through `keys` was accepted (paced keys count it). */
  delivered(keys: readonly string[]): void;
  /** A send through `keys` was answered 429: paced keys slow down. Returns the paces that were cut. */
  limited(keys: readonly string[]): { key: string; perSecond: number }[];
}

/** A pace's bucket: a tenth of a second of its rate may go back to back (at least 2). */
function pacedRule(pace: AdaptivePace, now: number): BucketRule | undefined {
  const perSecond = pace.perSecond(now);
  return perSecond === undefined
    ? undefined
    : { burst: Math.max(2, perSecond / 10), intervalMs: 1000 / perSecond };
}

/** `rule(key)` and `paced(key)` undefined: the key is not limited. */
export function createRateLimiter(
  clock: Clock,
  rule: (key: string) => BucketRule | undefined,
  paced: (key: string) => PaceRule | undefined = () => undefined,
): RateLimiter {
  const buckets = new Map<string, Bucket>();

  const bucketOf = (key: string): Bucket | undefined => {
    const existing = buckets.get(key);
    if (existing) return existing;
    const at = clock.now().getTime();
    let bucket: Bucket | undefined;
    const fixed = rule(key);
    const paceRule = fixed ? undefined : paced(key);
    if (fixed) bucket = { ruleAt: () => fixed, tokens: fixed.burst, at, pausedUntil: 0 };
    else if (paceRule) {
      const pace = new AdaptivePace(paceRule);
      bucket = { ruleAt: (now) => pacedRule(pace, now), pace, tokens: 0, at, pausedUntil: 0 };
    }
    if (bucket) buckets.set(key, bucket);
    return bucket;
  };

  const refill = (bucket: Bucket, rule: BucketRule, now: number): void => {
    if (now <= bucket.at) return;
    const earned = (now - bucket.at) / rule.intervalMs;
    bucket.tokens = Math.min(rule.burst, bucket.tokens + earned);
    bucket.at = now;
  };

  /** Milliseconds until this bucket can give a token; 0 when it can now. */
  const waitFor = (bucket: Bucket, now: number): number => {
    if (bucket.pausedUntil > now) return bucket.pausedUntil - now;
    const rule = bucket.ruleAt(now);
    if (!rule) return 0;
    refill(bucket, rule, now);
    return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) * rule.intervalMs);
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
    delivered(keys) {
      const now = clock.now().getTime();
      for (const key of keys) buckets.get(key)?.pace?.delivered(now);
    },
    limited(keys) {
      const now = clock.now().getTime();
      const cuts: { key: string; perSecond: number }[] = [];
      for (const key of keys) {
        const bucket = buckets.get(key);
        const perSecond = bucket?.pace?.limited(now);
        if (!bucket || perSecond === undefined) continue;
        // From an empty bucket: what was sent before the 429 already used this second.
        bucket.tokens = 0;
        bucket.at = now;
        cuts.push({ key, perSecond });
      }
      return cuts;
    },
  };
}

/**
 * Published limits, as rules by key prefix (keys come from `rateKeys` in outbox-routing.ts):
 * - Slack chat.postMessage: about one message a second per channel (a DM is a channel), short
 *   bursts allowed. Slack's workspace-wide ceiling ("several hundred a minute") is not a
 *   published number: `platformPaceRules` paces it from the 429s it draws.
 * - Discord: message routes are bucketed per channel, 5 per 5 s; plus 50 requests a second
 *   for the whole bot.
 * - Mattermost (RateLimitSettings, when the server turns them on): 10 requests a second with a
 *   burst of 100, per bot token; one server per process, so one global key. A 429 (with
 *   X-Ratelimit-Reset) pauses the key as on the other platforms.
 * - The shell playground has no limits.
 */
export const platformRateRules: Readonly<Record<string, BucketRule>> = {
  'slack:channel': { burst: 3, intervalMs: 1000 },
  // Discord's bucket is a fixed window (5, then wait for the reset); a token bucket of 5 that
  // refills one a second is the same rate, but can exceed 5 in one window after a burst.
  // discord.js queues by the real bucket headers anyway, and a 429 still pauses the key.
  'discord:channel': { burst: 5, intervalMs: 1000 },
  'discord:global': { burst: 50, intervalMs: 20 },
  'mattermost:global': { burst: 100, intervalMs: 100 },
};

/**
 * Limits found by pacing (adaptive-pace.ts), by key prefix: Slack's workspace-wide ceiling for
 * messages. Growing 5% a second finds a ceiling again within seconds after a cut (and the 429s
 * it draws are few: only the sends out while the pace is above it), and 1 a second is the
 * floor Slack states for any one channel. A fifth of the last second's answers refused is a
 * ceiling; fewer is noise (adaptive-pace.ts).
 */
export const platformPaceRules: Readonly<Record<string, PaceRule>> = {
  'slack:workspace': {
    growthPerSecond: 1.05,
    minPerSecond: 1,
    forgetAfterMs: 60_000,
    windowMs: 1_000,
    cutGapMs: 250,
    minRefusedShare: 0.2,
  },
};

const prefix = (key: string): string => key.split(':', 2).join(':');

/** Looks up `platformRateRules` by the key's first two segments (`slack:channel:T1:C1`). */
export function platformRateRule(key: string): BucketRule | undefined {
  return platformRateRules[prefix(key)];
}

/** Looks up `platformPaceRules` by the key's first two segments (`slack:workspace:T1`). */
export function platformPaceRule(key: string): PaceRule | undefined {
  return platformPaceRules[prefix(key)];
}
