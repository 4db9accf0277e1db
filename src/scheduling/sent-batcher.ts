// Group commit of sends: one UPDATE for every send that finished while the previous one was
// being written. Halves the database work per message at volume; a crash before the write
// only means the next worker finds those messages with findDelivered.
import type { PrismaClient } from '../db/index.ts';
import { markSentMany, type SentRecord } from './outbox-store.ts';

interface Waiting {
  readonly record: SentRecord;
  readonly done: (ours: boolean) => void;
  readonly fail: (error: unknown) => void;
}

export class SentBatcher {
  readonly #prisma: PrismaClient;
  /** Checked before each write: once true, waiting records fail with `haltedError()` instead. */
  readonly #halted: () => boolean;
  readonly #haltedError: () => Error;
  #queue: Waiting[] = [];
  #flushing = false;

  constructor(prisma: PrismaClient, halted: () => boolean, haltedError: () => Error) {
    this.#prisma = prisma;
    this.#halted = halted;
    this.#haltedError = haltedError;
  }

  /** Resolves true when the row was still ours and is now `sent`; false when another took it. */
  record(record: SentRecord): Promise<boolean> {
    return new Promise<boolean>((done, fail) => {
      this.#queue.push({ record, done, fail });
      if (!this.#flushing) setImmediate(() => void this.#flush());
      this.#flushing = true;
    });
  }

  async #flush(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0);
      if (this.#halted()) {
        for (const entry of batch) entry.fail(this.#haltedError());
        continue;
      }
      try {
        const ours = await markSentMany(
          this.#prisma,
          batch.map((entry) => entry.record),
        );
        for (const entry of batch) entry.done(ours.has(entry.record.id));
      } catch (error) {
        for (const entry of batch) entry.fail(error);
      }
    }
    this.#flushing = false;
  }
}
