import { EventEmitter } from 'node:events';

/** Default bound for every `waitFor…` helper in the fakes. Generous because CI boxes are slow and busy. */
export const DEFAULT_WAIT_MS = 5_000;

/**
 * An append-only log of things a fake saw, with an event-driven `waitFor` (no polling).
 * `waitFor` first looks at what is already recorded, then at what arrives, and gives up after `timeoutMs`
 * with an error that lists what *was* recorded, so a failing test says why.
 */
export class Recorder<T> {
  readonly #items: T[] = [];
  readonly #events = new EventEmitter();
  readonly #describe: (item: T) => string;

  constructor(describe: (item: T) => string) {
    this.#describe = describe;
    this.#events.setMaxListeners(0);
  }

  add(item: T): T {
    this.#items.push(item);
    this.#events.emit('added', item);
    return item;
  }

  all(): T[] {
    return [...this.#items];
  }

  get size(): number {
    return this.#items.length;
  }

  clear(): void {
    this.#items.length = 0;
  }

  /** Resolves with the first recorded item (past or future) matching `predicate`. */
  waitFor(predicate: (item: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    const safe = (item: T): boolean => {
      try {
        return predicate(item);
      } catch {
        return false;
      }
    };
    const found = this.#items.find(safe);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const onAdded = (item: T): void => {
        if (!safe(item)) return;
        cleanup();
        resolve(item);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.\n${this.summary()}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.#events.off('added', onAdded);
      };
      this.#events.on('added', onAdded);
    });
  }

  /** Resolves once at least `count` recorded items match `predicate`; returns all matches. */
  async waitForCount(
    predicate: (item: T) => boolean,
    count: number,
    timeoutMs: number,
    what: string,
  ): Promise<T[]> {
    const matches = (): T[] => this.#items.filter(predicate);
    if (matches().length < count) {
      await this.waitFor(
        (item) => predicate(item) && matches().length >= count,
        timeoutMs,
        `${count} × ${what}`,
      );
    }
    return matches();
  }

  summary(last = 25): string {
    if (this.#items.length === 0) return 'Recorded so far: (nothing)';
    const shown = this.#items.slice(-last).map((item) => `  - ${this.#describe(item)}`);
    const skipped = this.#items.length - shown.length;
    return `Recorded so far (${this.#items.length}${skipped > 0 ? `, last ${shown.length} shown` : ''}):\n${shown.join('\n')}`;
  }
}

/** Rejects with a clear message if `promise` does not settle within `timeoutMs`. */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)),
      timeoutMs,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
