import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/scheduling/uuid7.ts';

describe('uuidv7', () => {
  it('is a version 7 UUID carrying its millisecond', () => {
    // Later than any id made so far in this process (the other test, and other files the
    // worker ran before, which make ids at the real time): ids never go back in time (see
    // below), so an id asked for at an earlier millisecond than one already made would carry
    // that one instead.
    const at = Date.now() + 1_000;
    const id = uuidv7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts in the order ids were made, within one millisecond and past 4,096 of them', () => {
    const at = Date.UTC(2026, 2, 2, 10);
    const ids = Array.from({ length: 5000 }, () => uuidv7(at));
    expect(new Set(ids).size).toBe(5000);
    expect([...ids].sort()).toEqual(ids);
    // A clock that steps back does not break the order either.
    const later = uuidv7(at - 5);
    expect(later > ids.at(-1)!).toBe(true);
  });
});
