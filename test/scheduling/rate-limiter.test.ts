import { describe, expect, it } from 'vitest';
import {
  createRateLimiter,
  ManualClock,
  paceKeys,
  platformPaceRule,
  platformRateRule,
  rateKeys,
} from '../../src/scheduling/index.ts';

/** Takes `count` tokens one after another, stepping the clock, and returns when each was granted. */
async function grantTimes(clock: ManualClock, take: () => Promise<void>, count: number): Promise<number[]> {
  const start = clock.now().getTime();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const granted = take().then(() => times.push(clock.now().getTime() - start));
    for (;;) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (times.length > i) break;
      clock.advance(50);
    }
    await granted;
  }
  return times;
}

describe('rate limiter', () => {
  it('lets a burst through, then one token per interval (Slack: 3, then one a second per channel)', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    const limiter = createRateLimiter(clock, platformRateRule);
    const keys = rateKeys({ platform: 'slack', workspaceExternalId: 'T1', recipientId: 'C1' });
    const times = await grantTimes(clock, () => limiter.acquire(keys), 6);
    expect(times.slice(0, 3)).toEqual([0, 0, 0]);
    expect(times.slice(3)).toEqual([1000, 2000, 3000]);
  });

  it('keeps channels apart', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    const limiter = createRateLimiter(clock, platformRateRule);
    for (let i = 0; i < 3; i++) await limiter.acquire(['slack:channel:T1:C1']);
    let fourthGranted = false;
    const fourth = limiter.acquire(['slack:channel:T1:C1']).then(() => {
      fourthGranted = true;
    });
    // C2's first token comes at once, without the clock moving (a shared bucket would hang here
    // until the test times out) …
    await limiter.acquire(['slack:channel:T1:C2']);
    await new Promise<void>((resolve) => setImmediate(resolve));
    // … while C1, whose burst is spent, still waits for its next token.
    expect(fourthGranted).toBe(false);
    await clock.advanceAsync(1000);
    await fourth;
    expect(fourthGranted).toBe(true);
  });

  it('waits out a pause (Retry-After), then grants one token at once', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    const limiter = createRateLimiter(clock, platformRateRule);
    limiter.pause('slack:channel:T1:C1', 1500);
    const times = await grantTimes(clock, () => limiter.acquire(['slack:channel:T1:C1']), 2);
    expect(times).toEqual([1500, 2500]);
  });

  it("holds Mattermost to the server's per-bot bucket: 100 at once, then 10 a second", async () => {
    expect(rateKeys({ platform: 'mattermost', workspaceExternalId: 'T1', recipientId: 'c1' })).toEqual([
      'mattermost:channel:T1:c1',
      'mattermost:global',
    ]);
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    const limiter = createRateLimiter(clock, platformRateRule);
    const start = clock.now().getTime();
    for (let i = 0; i < 100; i++) await limiter.acquire([`mattermost:channel:T1:${i}`, 'mattermost:global']);
    expect(clock.now().getTime() - start).toBe(0);
    const times = await grantTimes(
      clock,
      () => limiter.acquire(['mattermost:channel:T1:x', 'mattermost:global']),
      2,
    );
    expect(times).toEqual([100, 200]);
  });

  it('holds Discord to its global bucket as well as the channel route', async () => {
    expect(rateKeys({ platform: 'discord', workspaceExternalId: 'G1', recipientId: '42' })).toEqual([
      'discord:channel:G1:42',
      'discord:global',
    ]);
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    const limiter = createRateLimiter(clock, platformRateRule);
    // 60 different channels: the 5-per-route bucket never binds, the 50 a second global one does.
    const times = await grantTimes(
      clock,
      () => limiter.acquire([`discord:channel:G1:${Math.random()}`, 'discord:global']),
      60,
    );
    expect(times.filter((t) => t === 0)).toHaveLength(50);
    expect(times.at(-1)).toBeGreaterThanOrEqual(200);
  });

  it("paces Slack's workspace only after a 429, at the rate Slack accepted", async () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    const limiter = createRateLimiter(clock, platformRateRule, platformPaceRule);
    const keysOf = (i: number) => {
      const row = { platform: 'slack', workspaceExternalId: 'T1', recipientId: `D${i}` } as const;
      return [...rateKeys(row), ...paceKeys(row)];
    };
    expect(keysOf(0)).toEqual(['slack:channel:T1:D0', 'slack:workspace:T1']);
    // A second of 100 DMs to 100 people, accepted: no wait at all (no pace yet).
    for (let i = 0; i < 100; i++) {
      await limiter.acquire(keysOf(i));
      limiter.delivered(keysOf(i));
      clock.advance(10);
    }
    expect(clock.pendingTimers()).toBe(0);
    // Slack answers 429 to a fifth of what comes next: the workspace is paced at what it
    // accepted, the channels paused. (One 429 alone is not a ceiling: adaptive-pace.ts.)
    for (let i = 100; i < 124; i++) {
      limiter.pause(keysOf(i)[0]!, 1000);
      expect(limiter.limited(keysOf(i))).toEqual([]);
    }
    limiter.pause(keysOf(124)[0]!, 1000);
    const cuts = limiter.limited(keysOf(124));
    expect(cuts).toHaveLength(1);
    expect(cuts[0]?.key).toBe('slack:workspace:T1');
    expect(cuts[0]?.perSecond).toBeCloseTo(100, -1);
    // The next 20 DMs (other people) come at about 100 a second, none at once.
    let next = 200;
    const times = await grantTimes(clock, () => limiter.acquire(keysOf(next++)), 20);
    expect(times[0]).toBeGreaterThan(0);
    expect(times.at(-1)).toBeGreaterThanOrEqual(150);
    expect(times.at(-1)).toBeLessThanOrEqual(250);
  });

  it('stops waiting when its signal aborts', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    const limiter = createRateLimiter(clock, platformRateRule);
    limiter.pause('slack:channel:T1:C1', 60_000);
    const controller = new AbortController();
    const waiting = limiter.acquire(['slack:channel:T1:C1'], controller.signal);
    controller.abort(new Error('stopping'));
    await expect(waiting).rejects.toThrow('stopping');
    expect(clock.pendingTimers()).toBe(0);
  });

  it('does not limit keys without a rule (the shell)', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    const limiter = createRateLimiter(clock, platformRateRule);
    for (let i = 0; i < 100; i++)
      await limiter.acquire(
        rateKeys({ platform: 'shell', workspaceExternalId: 'local', recipientId: 'you' }),
      );
    expect(clock.pendingTimers()).toBe(0);
  });
});
