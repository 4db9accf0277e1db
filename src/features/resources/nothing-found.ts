// What `/peer find` says when nothing matched. A search that finds nothing may come from
// someone looking for help in their own words or language (`ecoute`: the starting set has no
// French entries, and no number is made up for one), so the answer is never a dead end: the
// categories nearest the words, the crisis lines for the member's region, and how to suggest
// the entry that is missing.
import type { Block } from '../../chat/index.ts';
import { editDistance, literal, type MarkupText, markup } from '../../chat/index.ts';
import { english, languages, type Translate, translatorFor } from '../../i18n/index.ts';
import { type Category, categories, categoryLabels } from './categories.ts';
import type { ResourceRow } from './store.ts';
import { categoryLabel, resourceLine } from './views.ts';

const shownCategories = 3;

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A category's names in every language we speak: "linea" finds crisis-line as "line" does. */
const namesOf = (category: Category): string =>
  [
    category,
    categoryLabels[category],
    ...languages.map((l) => categoryLabel(category, translatorFor(l))),
  ].join(' ');

/** The categories whose names are nearest any typed word, nearest first. */
export function closestCategories(words: string): readonly Category[] {
  const typed = fold(words)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);
  const distance = (category: Category): number => {
    const names = fold(namesOf(category))
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

/** In the reader's language (`t`): someone searching in Spanish is answered in Spanish. */
export function nothingFoundBlocks(input: NothingFound, t: Translate = english): Block[] {
  const near = closestCategories(input.words)
    .map((c) => markup`\`/peer find category:${literal(c)}\` (${categoryLabel(c, t)})`)
    .reduce((list, item) => markup`${list}, ${item}`);
  const blocks: Block[] = [
    {
      type: 'text',
      text: t('resources.nothingFound.text', { words: literal(input.words), categories: near }),
    },
  ];
  if (input.crisisLines.length > 0) {
    blocks.push(
      { type: 'text', text: t('resources.nothingFound.crisis', { region: literal(input.region) }) },
      {
        type: 'text',
        text: input.crisisLines
          .map((row) => resourceLine(row, t))
          .reduce((all, line): MarkupText => markup`${all}\n\n${line}`),
      },
      { type: 'context', text: t('resources.nothingFound.danger') },
    );
  }
  blocks.push({ type: 'context', text: t('resources.nothingFound.suggest') });
  return blocks;
}
