// How long a message waits after a transient failure (5xx, network error) before its next try.
// Exponential so a platform outage is not hammered; jittered so that the hundreds of messages
// that failed in the same second do not all come back in the same second ("equal jitter":
// somewhere between half and all of the exponential step, so there is still a floor).

export interface BackoffOptions {
  /** The step after the first failure. */
  readonly baseMs?: number;
  /** No wait is longer than this. */
  readonly maxMs?: number;
  /** [0, 1); injected so tests can pin the jitter. */
  readonly random?: () => number;
}

const DEFAULT_BACKOFF = { baseMs: 10_000, maxMs: 30 * 60_000 } as const;

/** The wait after `attempts` failed tries (1 = the first failure). */
export function backoffDelay(attempts: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? DEFAULT_BACKOFF.baseMs;
  const max = options.maxMs ?? DEFAULT_BACKOFF.maxMs;
  const random = options.random ?? Math.random;
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  const step = Math.min(max, base * 2 ** exponent);
  return Math.round(step / 2 + random() * (step / 2));
}
