// A pace for a limit the platform does not publish. Slack's workspace-wide ceiling for
// chat.postMessage is "several hundred messages a minute", no number: without a pace, every
// send over it is tried, answered 429 and tried again (a 10,000-member round drew 44,000 to
// 89,000 of them in the benchmarks). So: no limit until the platform refuses a real share of
// what we send; then at most what it accepted over the last second, growing a little each
// second until it does again (the pace finds the ceiling and stays near it, as TCP finds a
// link's), and no limit again after a minute without a 429. The clock is passed in as numbers,
// so the rate limiter's clock rules.
//
// Why a share, not every 429: a 429 now and then (a busy channel, a hiccup on Slack's side)
// says nothing about the workspace, and cutting at each one compounds: with one send in ten
// refused, the pace sank to about ten a second. Over the ceiling, the share refused is what
// we send above it, so a pace a fifth too fast is cut, and a burst into it at once.
import { InstantWindow } from './instant-window.ts';

export interface PaceRule {
  /** The pace grows by this factor each second after a cut (1.05: 5% a second). */
  readonly growthPerSecond: number;
  /** Never slower than this, whatever was measured. */
  readonly minPerSecond: number;
  /** No 429 for this long: no limit again. */
  readonly forgetAfterMs: number;
  /** Deliveries and refusals are counted over at most this window, and only since the last cut. */
  readonly windowMs: number;
  /** At most one cut in this time: the 429s of sends that were already out say nothing new. */
  readonly cutGapMs: number;
  /** A cut needs at least this share of the window's answers to be 429s (0.2: one in five). */
  readonly minRefusedShare: number;
}

/** Acceptances since a cut that make a rate worth a second cut inside the gap. */
const FAST_CUT_EVIDENCE = 5;

export class AdaptivePace {
  /** The pace a second at `#cutAt`; undefined: no limit. */
  #perSecond: number | undefined;
  #cutAt = Number.NEGATIVE_INFINITY;
  #limitedAt = Number.NEGATIVE_INFINITY;
  readonly #delivered = new InstantWindow();
  readonly #refused = new InstantWindow();

  constructor(readonly rule: PaceRule) {}

  /** Sends a second allowed at `now`; undefined: no limit. */
  perSecond(now: number): number | undefined {
    if (this.#perSecond === undefined) return undefined;
    if (now - this.#limitedAt > this.rule.forgetAfterMs) {
      this.#perSecond = undefined;
      return undefined;
    }
    return this.#perSecond * this.rule.growthPerSecond ** (Math.max(0, now - this.#cutAt) / 1000);
  }

  /** The platform accepted a send at `now`. */
  delivered(now: number): void {
    this.#delivered.add(now);
    this.#delivered.forgetUpTo(this.#windowStart(now));
  }

  /**
   * The platform answered 429 at `now`. Returns the new pace when this cut it; undefined when
   * it did not (see `#cutDue`).
   */
  limited(now: number): number | undefined {
    const current = this.perSecond(now) ?? Number.POSITIVE_INFINITY;
    this.#limitedAt = now;
    this.#refused.add(now);
    // Only since the last cut: what went before it was sent at the old pace.
    const start = this.#windowStart(now);
    this.#delivered.forgetUpTo(start);
    this.#refused.forgetUpTo(start);
    const accepted = this.#delivered.size;
    if (!this.#cutDue(now, accepted, this.#refused.size)) return undefined;
    // Over the time since the cut (at most the window); before a first cut, since the oldest
    // delivery in the window (a round's first 429 can come well inside its first second).
    // At least 50 ms, so a lone delivery does not read as a flood.
    const from = Number.isFinite(this.#cutAt) ? this.#cutAt : (this.#delivered.oldest as number);
    const seconds = Math.max(0.05, (now - Math.max(from, now - this.rule.windowMs)) / 1000);
    this.#perSecond = Math.max(this.rule.minPerSecond, Math.min(current, accepted / seconds));
    this.#cutAt = now;
    this.#refused.clear();
    return this.#perSecond;
  }

  #windowStart(now: number): number {
    return Math.max(now - this.rule.windowMs, this.#cutAt);
  }

  /**
   * A cut needs a real share refused (see the top of the file), and then one a gap: the 429s
   * of sends that were out at the cut say nothing new. Sooner when the platform refused more
   * than it accepted since the cut, once a few acceptances give a rate (a round's first cut
   * reads the platform's burst as its rate, far above the ceiling). None with nothing accepted
   * to measure (a restart into an empty bucket, a hard stop on the platform's side): the
   * Retry-After pauses hold the channels, the next 429 measures.
   */
  #cutDue(now: number, accepted: number, refused: number): boolean {
    if (accepted === 0) return false;
    if (refused < this.rule.minRefusedShare * (accepted + refused)) return false;
    if (now - this.#cutAt >= this.rule.cutGapMs) return true;
    return accepted >= FAST_CUT_EVIDENCE && refused > accepted;
  }
}
