/**
 * Decides whether a fake should answer a call with a failure instead of the normal answer.
 * Two mechanisms, checked in this order:
 *  1. `failNext(matcher, failure, times)`: one-shot failures queued for calls the matcher accepts;
 *  2. a policy function `(callIndex, key) => failure | undefined`, e.g. "429 every tenth call".
 * `callIndex` counts every call the fake has seen since start/reset, from 0.
 */
export type FailurePolicy<K, F> = (callIndex: number, key: K) => F | undefined;

interface Queued<K, F> {
  matches: (key: K) => boolean;
  failure: F;
  remaining: number;
}

export class FailureInjector<K, F> {
  #queue: Queued<K, F>[] = [];
  #policy: FailurePolicy<K, F> | undefined;

  failNext(matches: (key: K) => boolean, failure: F, times = 1): void {
    this.#queue.push({ matches, failure, remaining: times });
  }

  setPolicy(policy: FailurePolicy<K, F> | undefined): void {
    this.#policy = policy;
  }

  /** Consumes and returns the failure for this call, if any. */
  take(callIndex: number, key: K): F | undefined {
    const queued = this.#queue.find((entry) => entry.matches(key));
    if (queued) {
      queued.remaining -= 1;
      if (queued.remaining <= 0) this.#queue = this.#queue.filter((entry) => entry !== queued);
      return queued.failure;
    }
    return this.#policy?.(callIndex, key);
  }

  reset(): void {
    this.#queue = [];
    this.#policy = undefined;
  }
}
