// The one anonymity rule (src/anonymity): where anonymous items may be shown, with how many
// people, and in what order.
import { describe, expect, it } from 'vitest';
import {
  anonymousForDigest,
  anonymousOrder,
  MIN_GROUP_FLOOR,
  mayShowAnonymous,
  mayShowCounts,
  minimumGroup,
} from '../../src/anonymity/index.ts';

describe('the anonymity rule', () => {
  it('never lets a team go below three', () => {
    expect(MIN_GROUP_FLOOR).toBe(3);
    expect(minimumGroup(undefined)).toBe(3);
    expect(minimumGroup(2)).toBe(3);
    expect(minimumGroup(5)).toBe(5);
  });

  it('shows anonymous items only in a closing digest with at least the minimum group', () => {
    expect(mayShowAnonymous({ kind: 'closing-digest', people: 3, minGroup: 3 })).toBe(true);
    expect(mayShowAnonymous({ kind: 'closing-digest', people: 2, minGroup: 3 })).toBe(false);
    expect(mayShowAnonymous({ kind: 'closing-digest', people: 4, minGroup: 5 })).toBe(false);
    expect(mayShowAnonymous({ kind: 'closing-digest', people: 2, minGroup: 1 })).toBe(false);
    expect(mayShowAnonymous({ kind: 'as-it-comes' })).toBe(false);
    expect(mayShowAnonymous({ kind: 'named-post' })).toBe(false);
    expect(mayShowCounts(2, 2)).toBe(false);
    expect(mayShowCounts(3, 3)).toBe(true);
  });

  it('orders anonymous items by their words, whatever order they came in', () => {
    const came = [{ w: 'tired' }, { w: 'A good day' }, { w: 'busy' }, { w: 'Zen' }];
    expect(anonymousOrder(came, (i) => i.w).map((i) => i.w)).toEqual(['A good day', 'Zen', 'busy', 'tired']);
    expect(anonymousOrder([...came].reverse(), (i) => i.w)).toEqual(anonymousOrder(came, (i) => i.w));
    expect(anonymousForDigest(came, 2, 3, (i) => i.w)).toEqual([]);
    expect(anonymousForDigest(came, 3, 3, (i) => i.w).map((i) => i.w)[0]).toBe('A good day');
  });
});
