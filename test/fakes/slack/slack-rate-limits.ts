// Slack's limits for chat.postMessage, enforced by the fake when asked (benchmarks): about one
// message a second per channel with a short burst, and a workspace-wide ceiling. Slack calls
// the ceiling "several hundred a minute" without a number, so the caller picks it. Over a
// limit the fake answers 429 with the Retry-After (whole seconds) a real bucket would give.

export interface SlackRateLimits {
  readonly perChannel: { readonly burst: number; readonly intervalMs: number };
  /** Messages a second for the whole workspace, with this burst. */
  readonly workspace?: { readonly perSecond: number; readonly burst: number };
}

interface Bucket {
  tokens: number;
  at: number;
}

class TokenBucket {
  readonly #buckets = new Map<string, Bucket>();
  constructor(
    private readonly burst: number,
    private readonly intervalMs: number,
  ) {}

  /** ms until a token is free (0: none needed); does not take one. */
  waitMs(key: string, now: number): number {
    const bucket = this.#refill(key, now);
    return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) * this.intervalMs);
  }

  take(key: string, now: number): void {
    const bucket = this.#refill(key, now);
    bucket.tokens -= 1;
  }

  #refill(key: string, now: number): Bucket {
    const bucket = this.#buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) / this.intervalMs);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    return bucket;
  }
}

export class SlackRateLimiter {
  readonly #channels: TokenBucket;
  readonly #workspace: TokenBucket | undefined;

  constructor(limits: SlackRateLimits) {
    this.#channels = new TokenBucket(limits.perChannel.burst, limits.perChannel.intervalMs);
    this.#workspace = limits.workspace
      ? new TokenBucket(limits.workspace.burst, 1000 / limits.workspace.perSecond)
      : undefined;
  }

  /** Retry-After in whole seconds when this post is over a limit, otherwise undefined (and counted). */
  check(channel: string, now: number = performance.now()): number | undefined {
    const wait = Math.max(this.#channels.waitMs(channel, now), this.#workspace?.waitMs('all', now) ?? 0);
    if (wait > 0) return Math.max(1, Math.ceil(wait / 1000));
    this.#channels.take(channel, now);
    this.#workspace?.take('all', now);
    return undefined;
  }
}
