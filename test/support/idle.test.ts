import { describe, expect, it } from 'vitest';
import { InFlight, untilIdle } from './idle.ts';

describe('untilIdle', () => {
  it('waits out work in flight and the activity it causes, then returns', async () => {
    const inFlight = new InFlight();
    const seen: string[] = [];
    const slow = inFlight.wrap(async (what: string) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      seen.push(what);
      // A follow-up that lands after the call itself returned.
      setTimeout(() => seen.push(`${what} follow-up`), 20);
    });
    void slow('late');
    await untilIdle({ busy: inFlight.busy, activity: () => seen.length });
    expect(seen).toEqual(['late', 'late follow-up']);
    expect(inFlight.count).toBe(0);
  });

  it('says what kept it busy when the system never settles', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      await expect(untilIdle({ activity: () => ticks }, { timeoutMs: 200 })).rejects.toThrow(
        /not idle after 200 ms \(activity still moving/,
      );
      await expect(untilIdle({ busy: () => true }, { timeoutMs: 100 })).rejects.toThrow(
        /work still in flight/,
      );
    } finally {
      clearInterval(timer);
    }
  });
});
