import { describe, expect, it } from 'vitest';
import { ManualClock, systemClock } from '../../src/scheduling/clock.ts';

const START = '2026-03-01T12:00:00.000Z';

describe('ManualClock', () => {
  it('starts at the given instant and only moves when told', () => {
    const clock = new ManualClock(START);
    expect(clock.now().toISOString()).toBe(START);
    clock.advance(1500);
    expect(clock.now().toISOString()).toBe('2026-03-01T12:00:01.500Z');
    clock.advanceTo(new Date('2026-03-02T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });

  it('rejects an invalid start and moving backwards', () => {
    expect(() => new ManualClock('not a date')).toThrow(RangeError);
    const clock = new ManualClock(START);
    expect(() => clock.advanceTo('2026-02-28T00:00:00Z')).toThrow(/backwards/);
  });

  it('fires due timers in due order, ties in scheduling order, with now() at their due time', () => {
    const clock = new ManualClock(START);
    const fired: string[] = [];
    const record = (name: string) => () => fired.push(`${name}@${clock.now().toISOString()}`);
    clock.setTimeout(record('c'), 300);
    clock.setTimeout(record('a1'), 100);
    clock.setTimeout(record('b'), 200);
    clock.setTimeout(record('a2'), 100);
    clock.advance(250);
    expect(fired).toEqual([
      'a1@2026-03-01T12:00:00.100Z',
      'a2@2026-03-01T12:00:00.100Z',
      'b@2026-03-01T12:00:00.200Z',
    ]);
    expect(clock.pendingTimers()).toBe(1);
    expect(clock.now().toISOString()).toBe('2026-03-01T12:00:00.250Z');
    clock.advance(50);
    expect(fired.at(-1)).toBe('c@2026-03-01T12:00:00.300Z');
    expect(clock.pendingTimers()).toBe(0);
  });

  it('fires timers scheduled by callbacks when they fall inside the window, and no others', () => {
    const clock = new ManualClock(START);
    const fired: number[] = [];
    clock.setTimeout(() => {
      fired.push(1);
      clock.setTimeout(() => fired.push(2), 100);
      clock.setTimeout(() => fired.push(3), 10_000);
    }, 100);
    clock.advance(1000);
    expect(fired).toEqual([1, 2]);
    expect(clock.pendingTimers()).toBe(1);
  });

  it('does not fire cleared timers; zero and negative delays fire on the next advance', () => {
    const clock = new ManualClock(START);
    const fired: string[] = [];
    const handle = clock.setTimeout(() => fired.push('cleared'), 10);
    clock.setTimeout(() => fired.push('zero'), 0);
    clock.setTimeout(() => fired.push('negative'), -5);
    clock.clearTimeout(handle);
    clock.advance(0);
    expect(fired).toEqual(['zero', 'negative']);
    clock.advance(100);
    expect(fired).toEqual(['zero', 'negative']);
  });

  it('stops a timer that keeps re-arming itself instead of hanging', () => {
    const clock = new ManualClock(START);
    const rearm = (): void => {
      clock.setTimeout(rearm, 0);
    };
    clock.setTimeout(rearm, 0);
    expect(() => clock.advance(1)).toThrow(/re-arms itself/);
  });

  it('resolves sleep exactly when the time has passed', async () => {
    const clock = new ManualClock(START);
    let done = false;
    const sleeping = clock.sleep(1000).then(() => {
      done = true;
    });
    await clock.advanceAsync(999);
    expect(done).toBe(false);
    await clock.advanceAsync(1);
    await sleeping;
    expect(done).toBe(true);
  });

  it('advanceAsync lets a loop of awaited sleeps progress through the whole window', async () => {
    const clock = new ManualClock(START);
    const ticks: string[] = [];
    const loop = async (): Promise<void> => {
      for (let i = 0; i < 5; i++) {
        await clock.sleep(1000);
        ticks.push(clock.now().toISOString());
      }
    };
    const running = loop();
    await clock.advanceAsync(3500);
    expect(ticks).toEqual([
      '2026-03-01T12:00:01.000Z',
      '2026-03-01T12:00:02.000Z',
      '2026-03-01T12:00:03.000Z',
    ]);
    expect(clock.now().toISOString()).toBe('2026-03-01T12:00:03.500Z');
    await clock.advanceAsync(1500);
    await running;
    expect(ticks).toHaveLength(5);
    expect(ticks.at(-1)).toBe('2026-03-01T12:00:05.000Z');
  });

  it('synchronous advance fires only what is already scheduled (the reason advanceAsync exists)', async () => {
    const clock = new ManualClock(START);
    let ticks = 0;
    const loop = async (): Promise<void> => {
      for (let i = 0; i < 3; i++) {
        await clock.sleep(1000);
        ticks++;
      }
    };
    void loop();
    clock.advance(3000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(ticks).toBe(1);
  });

  it('rejects sleep with an AbortError on abort and cancels its timer', async () => {
    const clock = new ManualClock(START);
    const controller = new AbortController();
    const sleeping = clock.sleep(5000, controller.signal);
    expect(clock.pendingTimers()).toBe(1);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ name: 'AbortError' });
    expect(clock.pendingTimers()).toBe(0);
  });

  it('rejects at once for an already-aborted signal, with the caller’s reason', async () => {
    const clock = new ManualClock(START);
    const reason = new Error('shutting down');
    await expect(clock.sleep(1000, AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('a sleep that finished ignores a later abort', async () => {
    const clock = new ManualClock(START);
    const controller = new AbortController();
    const sleeping = clock.sleep(10, controller.signal);
    await clock.advanceAsync(10);
    await expect(sleeping).resolves.toBeUndefined();
    controller.abort();
  });
});

describe('systemClock', () => {
  it('reads real time and sleeps for real', async () => {
    const before = Date.now();
    expect(Math.abs(systemClock.now().getTime() - before)).toBeLessThan(1000);
    await systemClock.sleep(5);
    expect(Date.now() - before).toBeGreaterThanOrEqual(4);
  });

  it('cancels timers and aborts sleeps', async () => {
    let fired = false;
    const handle = systemClock.setTimeout(() => {
      fired = true;
    }, 5);
    systemClock.clearTimeout(handle);
    const controller = new AbortController();
    const sleeping = systemClock.sleep(60_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ name: 'AbortError' });
    // A timer of the same length set after it fires after it (Node runs equal timers in order):
    // once that one ran, the cancelled one would have run too.
    await new Promise((resolve) => systemClock.setTimeout(() => resolve(undefined), 5));
    expect(fired).toBe(false);
  });
});
