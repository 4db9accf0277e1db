import { setImmediate as nextMacrotask } from 'node:timers/promises';

/** Opaque: only the clock that issued a handle can cancel it. */
export interface TimerHandle {
  readonly id: number;
}

/**
 * Every piece of code that needs "now" or a delay takes a Clock, so tests move time
 * instead of sleeping and production reads the real one.
 */
export interface Clock {
  now(): Date;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  /**
   * Resolves after `ms`. On abort it REJECTS with `signal.reason` (an AbortError DOMException
   * unless the caller gave another reason), like `node:timers/promises`: a loop that awaits
   * sleep must stop, not carry on as if the time had passed.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** Both clocks share this so that abort semantics cannot drift apart. */
function sleepOn(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clock.clearTimeout(handle);
      reject(abortReason(signal as AbortSignal));
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

class SystemTimer implements TimerHandle {
  constructor(
    readonly id: number,
    readonly timeout: NodeJS.Timeout,
  ) {}
}

let systemTimerIds = 0;

export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout(fn, ms) {
    return new SystemTimer(++systemTimerIds, setTimeout(fn, ms));
  },
  clearTimeout(handle) {
    if (handle instanceof SystemTimer) clearTimeout(handle.timeout);
  },
  sleep(ms, signal) {
    return sleepOn(systemClock, ms, signal);
  },
};

interface ManualTimer {
  readonly id: number;
  readonly due: number;
  readonly fn: () => void;
}

/** A callback that keeps re-arming a zero-delay timer would otherwise hang the test forever. */
const MAX_TIMERS_PER_ADVANCE = 100_000;

/**
 * Test clock: time only moves when the test says so. Timers due at the same instant fire in
 * the order they were scheduled; `now()` inside a callback is that timer's due time.
 */
export class ManualClock implements Clock {
  #now: number;
  #nextId = 0;
  readonly #timers = new Map<number, ManualTimer>();

  constructor(start: Date | string) {
    const ms = new Date(start).getTime();
    if (Number.isNaN(ms)) throw new RangeError(`ManualClock start '${String(start)}' is not a valid date`);
    this.#now = ms;
  }

  now(): Date {
    return new Date(this.#now);
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = ++this.#nextId;
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    this.#timers.set(id, { id, due: this.#now + delay, fn });
    return { id };
  }

  clearTimeout(handle: TimerHandle): void {
    this.#timers.delete(handle.id);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return sleepOn(this, ms, signal);
  }

  pendingTimers(): number {
    return this.#timers.size;
  }

  advance(ms: number): void {
    this.advanceTo(new Date(this.#now + ms));
  }

  advanceTo(date: Date | string): void {
    const target = this.#target(date);
    for (let fired = 0; this.#fireNext(target); fired++) this.#guard(fired);
    this.#now = target;
  }

  /**
   * Like `advance`, but lets promise chains run between timers, so code that does
   * `await clock.sleep(…)` in a loop gets to schedule its next sleep inside the window.
   */
  async advanceAsync(ms: number): Promise<void> {
    const target = this.#target(new Date(this.#now + ms));
    await nextMacrotask();
    for (let fired = 0; this.#fireNext(target); fired++) {
      this.#guard(fired);
      await nextMacrotask();
    }
    this.#now = target;
    await nextMacrotask();
  }

  #target(date: Date | string): number {
    const target = new Date(date).getTime();
    if (Number.isNaN(target)) throw new RangeError(`cannot advance to '${String(date)}'`);
    if (target < this.#now) throw new RangeError('ManualClock cannot move backwards');
    return target;
  }

  #fireNext(target: number): boolean {
    const next = this.#earliest();
    if (!next || next.due > target) return false;
    this.#timers.delete(next.id);
    this.#now = next.due;
    next.fn();
    return true;
  }

  #earliest(): ManualTimer | undefined {
    let best: ManualTimer | undefined;
    // Map iteration is insertion order and ids only grow, so `<` keeps ties in scheduling order.
    for (const timer of this.#timers.values()) if (!best || timer.due < best.due) best = timer;
    return best;
  }

  #guard(fired: number): void {
    if (fired >= MAX_TIMERS_PER_ADVANCE) {
      throw new Error(
        `more than ${MAX_TIMERS_PER_ADVANCE} timers fired in one advance; a timer re-arms itself`,
      );
    }
  }
}
