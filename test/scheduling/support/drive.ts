// Steps a ManualClock until a condition holds, letting the workers finish their database work
// between steps: no real sleeping, and a bounded amount of virtual time.
import type { ManualClock, OutboxWorker } from '../../../src/scheduling/index.ts';

export async function settleAll(workers: readonly OutboxWorker[]): Promise<void> {
  // Twice round: one worker's write can be what another was waiting to read.
  for (let round = 0; round < 2; round++) for (const worker of workers) await worker.settled();
}

/** Returns the virtual milliseconds it took. Throws when `limitMs` of virtual time pass first. */
export async function driveUntil(
  clock: ManualClock,
  workers: readonly OutboxWorker[],
  done: () => boolean | Promise<boolean>,
  { stepMs = 100, limitMs = 120_000 }: { stepMs?: number; limitMs?: number } = {},
): Promise<number> {
  const start = clock.now().getTime();
  for (;;) {
    await settleAll(workers);
    if (await done()) return clock.now().getTime() - start;
    if (clock.now().getTime() - start >= limitMs) {
      throw new Error(`condition still false after ${limitMs} ms of virtual time`);
    }
    clock.advance(stepMs);
  }
}

/**
 * Lets the workers run on for `ms` more of virtual time (by default past the default 60 s
 * claim lock), so a row delivered but never recorded would come back and be sent again: an
 * exactly-once check read after this, and after the workers stop, catches a late duplicate.
 */
export async function driveFor(
  clock: ManualClock,
  workers: readonly OutboxWorker[],
  ms = 70_000,
  stepMs = 5000,
): Promise<void> {
  const end = clock.now().getTime() + ms;
  while (clock.now().getTime() < end) {
    await settleAll(workers);
    clock.advance(stepMs);
  }
  await settleAll(workers);
}
