// Waiting until nothing more will happen, instead of sleeping a fixed 200-500 ms before
// asserting that nothing (more) did. A test names what can still be going on: work in flight
// (handlers started and not finished, outbox rows a worker could still send) and activity it
// can count (calls a fake recorded, events routed). `untilIdle` returns once nothing is in
// flight and the counts have not moved over several polls in a row, each poll after the event
// loop has run its pending callbacks; it throws, naming what was still busy, after `timeoutMs`.
// On a busy machine it waits longer; on a quiet one it returns in tens of milliseconds.
import type { PrismaClient } from '../../src/db/index.ts';

export interface IdleSignals {
  /** True while work is still in flight (e.g. `() => inFlight.count > 0`). */
  readonly busy?: () => boolean | Promise<boolean>;
  /** Anything that changes when something happens: a call count, a list length, a fingerprint. */
  readonly activity?: () => unknown | Promise<unknown>;
}

export interface IdleOptions {
  /** Polls in a row with no change and nothing busy (default 5). */
  readonly quietPolls?: number;
  readonly pollMs?: number;
  readonly timeoutMs?: number;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function untilIdle(
  signals: IdleSignals,
  { quietPolls = 5, pollMs = 10, timeoutMs = 20_000 }: IdleOptions = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: string | undefined;
  let quiet = 0;
  for (;;) {
    // Let callbacks already queued (I/O answers, timers due) run before looking.
    await turn();
    await turn();
    const busy = (await signals.busy?.()) ?? false;
    const now = JSON.stringify((await signals.activity?.()) ?? null);
    quiet = !busy && now === last ? quiet + 1 : 0;
    last = now;
    if (quiet >= quietPolls) return;
    if (Date.now() > deadline)
      throw new Error(
        `the system was not idle after ${timeoutMs} ms (${busy ? 'work still in flight' : `activity still moving: ${now.slice(0, 200)}`})`,
      );
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Counts calls still running, for `busy`: `const sink = inFlight.wrap(realSink)`. */
export class InFlight {
  #count = 0;

  get count(): number {
    return this.#count;
  }

  readonly busy = (): boolean => this.#count > 0;

  wrap<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return async (...args) => {
      this.#count++;
      try {
        return await fn(...args);
      } finally {
        this.#count--;
      }
    };
  }
}

/** For `busy`: the outbox still has a row due to be sent (claimed or not). */
export function outboxBusy(prisma: PrismaClient, now: () => Date = () => new Date()): () => Promise<boolean> {
  return async () =>
    (await prisma.outboxMessage.count({ where: { status: 'pending', notBefore: { lte: now() } } })) > 0;
}
