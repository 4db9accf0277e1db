// The one rule for what people shared without their name (check-in answers "the team, without
// my name", anonymous agenda topics). Every path that shows such a thing asks here, so that a new
// post, command or erase cannot forget a part of it:
//
// - Anonymous items appear only in a round's closing digest, never as they come: a post that
//   appears right after someone pressed Share (or a "shared with you only" notice) names them.
// - Only when at least the team's minimum group took part, and never fewer than
//   MIN_GROUP_FLOOR: one answer in a round is one person's words.
// - In an order that says nothing about who answered when: sorted by their own words.
// - Never in a post that also holds named items, so no layout puts an anonymous line next to,
//   or in the place of, a name; and an erase (which removes the member's named posts) never
//   touches the anonymous post, so no before/after pair points at its author.

/** The smallest group a team can choose: below three, "anonymous" means "one of two". */
export const MIN_GROUP_FLOOR = 3;

/** The team's chosen minimum group, never below the floor. */
export function minimumGroup(chosen: number | null | undefined): number {
  return Math.max(MIN_GROUP_FLOOR, chosen ?? MIN_GROUP_FLOOR);
}

/** Where something would be shown. Only a closing digest may hold anonymous items. */
export type Post =
  | { readonly kind: 'closing-digest'; readonly people: number; readonly minGroup: number }
  | { readonly kind: 'named-post' }
  | { readonly kind: 'as-it-comes' };

/** Whether anonymous items may be shown in this post at all. */
export function mayShowAnonymous(post: Post): boolean {
  return post.kind === 'closing-digest' && post.people >= minimumGroup(post.minGroup);
}

/**
 * Counts (a mood spread, a week's moods) follow the same floor: shown only when at least the
 * minimum group of people stand behind them.
 */
export function mayShowCounts(people: number, minGroup: number): boolean {
  return people >= minimumGroup(minGroup);
}

/**
 * Anonymous items in an order that carries no timing: by their words (code-point order, so the
 * same on every machine and locale), never by when they were given or by who gave them.
 */
export function anonymousOrder<T>(items: readonly T[], words: (item: T) => string): T[] {
  return [...items].sort((a, b) => {
    const x = words(a);
    const y = words(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/**
 * The anonymous items a closing digest shows: all of them in content order when the rule allows,
 * otherwise none. `people` is how many took part (answered, not skipped).
 */
export function anonymousForDigest<T>(
  items: readonly T[],
  people: number,
  minGroup: number,
  words: (item: T) => string,
): T[] {
  return mayShowAnonymous({ kind: 'closing-digest', people, minGroup }) ? anonymousOrder(items, words) : [];
}
