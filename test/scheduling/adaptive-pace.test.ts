import { describe, expect, it } from 'vitest';
import { AdaptivePace, platformPaceRules } from '../../src/scheduling/index.ts';

const rule = platformPaceRules['slack:workspace']!;

/** `count` deliveries evenly from `from` (ms) at `perSecond`; returns the instant after the last. */
function deliver(pace: AdaptivePace, from: number, count: number, perSecond: number): number {
  let at = from;
  for (let i = 0; i < count; i++) {
    pace.delivered(at);
    at += 1000 / perSecond;
  }
  return at;
}

/** `count` 429s at `at`; returns the cut, if one of them made it. */
function refuse(pace: AdaptivePace, at: number, count: number): number | undefined {
  let cut: number | undefined;
  for (let i = 0; i < count; i++) cut = pace.limited(at) ?? cut;
  return cut;
}

describe('adaptive pace', () => {
  it('sets no limit until the platform answers 429', () => {
    const pace = new AdaptivePace(rule);
    const at = deliver(pace, 0, 500, 400);
    expect(pace.perSecond(at)).toBeUndefined();
  });

  it('slows to the rate the platform accepted over the last second once it refuses a fifth', () => {
    const pace = new AdaptivePace(rule);
    const at = deliver(pace, 0, 300, 100);
    // 100 accepted in the last second: 24 refusals are under a fifth of the answers.
    expect(refuse(pace, at, 24)).toBeUndefined();
    expect(pace.perSecond(at)).toBeUndefined();
    const cut = pace.limited(at);
    expect(cut).toBeGreaterThan(97);
    expect(cut).toBeLessThan(103);
    expect(pace.perSecond(at)).toBe(cut);
  });

  it('does not slow for a 429 now and then: one send in ten refused is not a ceiling', () => {
    const pace = new AdaptivePace(rule);
    let at = 0;
    // Twenty seconds at 100 a second, every tenth answer a 429.
    for (let i = 0; i < 2000; i++) {
      if (i % 10 === 9) expect(pace.limited(at)).toBeUndefined();
      else pace.delivered(at);
      at += 10;
    }
    expect(pace.perSecond(at)).toBeUndefined();
  });

  it('cuts once for the 429s of sends already out, then measures again from the cut', () => {
    const pace = new AdaptivePace(rule);
    // A round's start: the platform's burst of 100 in 50 ms reads as 2,000 a second.
    let at = deliver(pace, 0, 100, 2000);
    const first = refuse(pace, at, 25) ?? 0;
    expect(first).toBeGreaterThan(1000);
    // The 429s of what was already out, inside the gap: no new cut.
    expect(pace.limited(at + 10)).toBeUndefined();
    expect(pace.limited(at + rule.cutGapMs - 1)).toBeUndefined();
    // After the gap, only what was accepted since the cut counts: its real rate.
    at = deliver(pace, at, 30, 100);
    const second = refuse(pace, at, 6) ?? 0;
    expect(second).toBeGreaterThan(95);
    expect(second).toBeLessThan(105);
  });

  it('cuts again inside the gap when the platform refuses more than it accepts', () => {
    const pace = new AdaptivePace(rule);
    let at = deliver(pace, 0, 100, 2000);
    expect(refuse(pace, at, 25)).toBeGreaterThan(1000);
    // Sends already out come back refused: no new cut without acceptances to measure.
    for (let i = 0; i < 16; i++) expect(pace.limited(at + i)).toBeUndefined();
    // Five accepted since the cut, far fewer than refused: cut at once, to about their rate.
    at = deliver(pace, at + 20, 5, 100);
    const second = pace.limited(at) ?? 0;
    expect(at).toBeLessThan(rule.cutGapMs);
    expect(second).toBeGreaterThan(50);
    expect(second).toBeLessThan(200);
  });

  it('grows 5% a second after a cut, and forgets the limit after a quiet minute', () => {
    const pace = new AdaptivePace(rule);
    const at = deliver(pace, 0, 100, 100);
    const cut = refuse(pace, at, 25) ?? 0;
    expect(pace.perSecond(at + 1000)).toBeCloseTo(cut * 1.05, 5);
    expect(pace.perSecond(at + 10_000)).toBeCloseTo(cut * 1.05 ** 10, 5);
    expect(pace.perSecond(at + rule.forgetAfterMs - 1)).toBeDefined();
    expect(pace.perSecond(at + rule.forgetAfterMs + 1)).toBeUndefined();
  });

  it('a later cut never raises the pace, and nothing goes below the floor', () => {
    const pace = new AdaptivePace(rule);
    let at = deliver(pace, 0, 20, 20);
    const cut = refuse(pace, at, 5) ?? 0;
    expect(cut).toBeCloseTo(20, 0);
    // A burst read as fast as 500 a second does not lift a pace of about 20.
    at = deliver(pace, at + rule.cutGapMs, 50, 500);
    expect(refuse(pace, at, 13)).toBeLessThanOrEqual(cut * 1.05);
    // One delivery in a window of ten seconds reads as 0.1 a second: the floor holds.
    const slow = new AdaptivePace({ ...rule, windowMs: 10_000 });
    slow.delivered(0);
    expect(slow.limited(9_000)).toBe(rule.minPerSecond);
  });

  it('does not cut on a 429 with nothing accepted to measure', () => {
    const pace = new AdaptivePace(rule);
    expect(pace.limited(1000)).toBeUndefined();
    expect(pace.perSecond(1000)).toBeUndefined();
  });
});
