// A fake platform's outage: connections open, but the platform's greeting (Slack's `hello`,
// Discord's Hello) is held back until released, so the client stays connecting and no event
// can reach the app.

export class HeldHandshakes<T> {
  #held: T[] | undefined;

  hold(): void {
    this.#held ??= [];
  }

  /** Ends the outage; returns the connections that waited, in the order they came. */
  release(): T[] {
    const waiting = this.#held ?? [];
    this.#held = undefined;
    return waiting;
  }

  /** True when the outage is on: `connection` is kept and the caller greets it later. */
  keep(connection: T): boolean {
    if (!this.#held) return false;
    this.#held.push(connection);
    return true;
  }
}
