// The worker's totals, and the periodic log line that reports them: counts only, never text.
import type { LogPort } from './log-port.ts';

export interface DeliveryCounts {
  /** Delivered by this worker. */
  sent: number;
  /** Found already delivered after a crash (findDelivered), recorded without sending. */
  recovered: number;
  /** Failed transiently and scheduled for another try. */
  retried: number;
  /** Answered 429; waited out and tried again. */
  rateLimited: number;
  /** Given up on. */
  dead: number;
  /** Held back by the recipient's quiet hours. */
  deferred: number;
  /** Private deliveries whose recipient may no longer receive them: deleted unsent, audited. */
  dropped: number;
}

const zero = (): DeliveryCounts => ({
  sent: 0,
  recovered: 0,
  retried: 0,
  rateLimited: 0,
  dead: 0,
  deferred: 0,
  dropped: 0,
});

export class DeliveryTally {
  /** Totals since the tally was made. */
  readonly totals: DeliveryCounts = zero();
  #unlogged: DeliveryCounts = zero();

  count(what: keyof DeliveryCounts): void {
    this.totals[what]++;
    this.#unlogged[what]++;
  }

  /** Logs what was counted since the last flush, if anything. */
  flush(logger: LogPort | undefined): void {
    const counts = this.#unlogged;
    if (Object.values(counts).every((n) => n === 0)) return;
    this.#unlogged = zero();
    logger?.info({ event: 'outbox.delivered', ...counts }, 'Outbox delivery');
  }
}
