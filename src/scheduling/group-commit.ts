// Group commit of the delivery worker's per-row writes: every write that arrives while the
// previous one is out goes in the next single statement. At volume (a round of a thousand DMs,
// a burst of 429s) this turns one statement per send into a few per claim; at low volume each
// write is its own statement, a turn of the event loop later. Each record is still a
// compare-and-set on its own row's lock token, so the outcome per row is what it was alone.
export interface Keyed {
  readonly id: string;
}

/** Writes the records; returns the ids whose rows were still ours (their token matched). */
export type GroupWrite<R extends Keyed> = (records: readonly R[]) => Promise<Set<string>>;

interface Waiting<R> {
  readonly record: R;
  readonly done: (ours: boolean) => void;
  readonly fail: (error: unknown) => void;
}

export class GroupCommit<R extends Keyed> {
  readonly #write: GroupWrite<R>;
  /** Checked before each write: once true, waiting records fail with `haltedError()` instead. */
  readonly #halted: () => boolean;
  readonly #haltedError: () => Error;
  #queue: Waiting<R>[] = [];
  #flushing = false;

  constructor(write: GroupWrite<R>, halted: () => boolean, haltedError: () => Error) {
    this.#write = write;
    this.#halted = halted;
    this.#haltedError = haltedError;
  }

  /** Resolves true when the row was still ours and is written; false when another took it. */
  record(record: R): Promise<boolean> {
    return new Promise<boolean>((done, fail) => {
      this.#queue.push({ record, done, fail });
      if (!this.#flushing) queueMicrotask(() => void this.#flush());
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
        const ours = await this.#write(batch.map((entry) => entry.record));
        for (const entry of batch) entry.done(ours.has(entry.record.id));
      } catch (error) {
        for (const entry of batch) entry.fail(error);
      }
    }
    this.#flushing = false;
  }
}
