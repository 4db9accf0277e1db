// What `/peer find` says when nothing matched. A search that finds nothing may come from
// someone looking for help in their own words or language (`ecoute`: the starting set has no
// French entries, and no number is made up for one), so the answer is never a dead end: the
// categories nearest the words, the crisis lines for the member's region, and how to suggest
// the entry that is missing.
import type { Block } from '../../chat/index.ts';
import { editDistance, literal, markup } from '../../chat/index.ts';
import { type Category, categories, categoryLabels } from './categories.ts';
import type { ResourceRow } from './store.ts';
import { resourceLine } from './views.ts';

const shownCategories = 3;

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The categories whose names are nearest any typed word, nearest first. */
export function closestCategories(words: string): readonly Category[] {
  const typed = fold(words)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);
  const distance = (category: Category): number => {
    const names = fold(`${category} ${categoryLabels[category]}`)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    let best = Number.POSITIVE_INFINITY;
    for (const word of typed) for (const name of names) best = Math.min(best, editDistance(word, name));
    return best;
  };
  return [...categories]
    .map((category, order) => ({ category, order, distance: distance(category) }))
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .slice(0, shownCategories)
    .map((c) => c.category);
}

export interface NothingFound {
  readonly words: string;
  /** The member's region and its crisis lines (none when the list has none for it). */
  readonly region: string;
  readonly crisisLines: readonly ResourceRow[];
}

export function nothingFoundBlocks(input: NothingFound): Block[] {
  const near = closestCategories(input.words)
    .map((c) => markup`\`/peer find category:${literal(c)}\` (${literal(categoryLabels[c])})`)
    .reduce((list, item) => markup`${list}, ${item}`);
  const blocks: Block[] = [
    {
      type: 'text',
      text: markup`I found nothing for “${literal(input.words)}”. Fewer or different words often help (the list is mostly in English), or browse a category: ${near}.`,
    },
  ];
  if (input.crisisLines.length > 0) {
    blocks.push(
      { type: 'text', text: markup`**If you need someone now, crisis lines for ${literal(input.region)}:**` },
      { type: 'text', text: input.crisisLines.map((row) => resourceLine(row)).join('\n\n') },
      { type: 'context', text: markup`In immediate danger: call your local emergency number.` },
    );
  }
  blocks.push({
    type: 'context',
    text: markup`Know a service that should be here? \`/peer resources suggest\` sends it to your admins.`,
  });
  return blocks;
}
