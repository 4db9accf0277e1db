// Instants in ascending order, of which only those after a moving start count: the deliveries
// and refusals a pace measures (adaptive-pace.ts). Forgetting moves a head instead of
// shifting the array, which stays short by compacting once the dead half dominates.
export class InstantWindow {
  #instants: number[] = [];
  #head = 0;

  add(instant: number): void {
    this.#instants.push(instant);
  }

  /** Drops every instant at or before `instant`. */
  forgetUpTo(instant: number): void {
    while (this.#head < this.#instants.length && (this.#instants[this.#head] as number) <= instant)
      this.#head++;
    if (this.#head > 1024 && this.#head * 2 > this.#instants.length) {
      this.#instants = this.#instants.slice(this.#head);
      this.#head = 0;
    }
  }

  clear(): void {
    this.#instants = [];
    this.#head = 0;
  }

  get size(): number {
    return this.#instants.length - this.#head;
  }

  /** The earliest instant still counted; undefined when none is. */
  get oldest(): number | undefined {
    return this.#instants[this.#head];
  }
}
