// The crisis lines for a region, most relevant first: lines for the exact subdivision, then the
// country's national lines, then international ones; within each, lines for everyone before
// lines for a particular group (veterans, young people, survivors) unless the words name it. With nothing for the country, the
// international fall-backs (a directory of helplines) are what is left. Implements the
// CrisisLinesPort that check-ins and flags show a member.
import type { PrismaClient } from '../../db/index.ts';
import type { Language } from '../../i18n/index.ts';
import type { CrisisLine, CrisisLinesPort } from '../ports.ts';
import { countryOf, coverageRank, normaliseRegion } from './regions.ts';
import { type ResourceRow, rowToRecord, sharedScope, type Viewer, visibleTo } from './store.ts';

/**
 * Whom a line is for, when it is for a particular group (HSDS eligibility, kept in the entry's
 * `x_eligibility` extra: `[veterans, service members]`); empty for a line for everyone.
 */
export function eligibilityOf(row: Pick<ResourceRow, 'extras'>): string[] {
  const extras = row.extras;
  if (!extras || typeof extras !== 'object' || Array.isArray(extras)) return [];
  const groups = (extras as Record<string, unknown>).x_eligibility;
  return Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [];
}

const wordsOf = (text: string) =>
  ` ${text
    .toLowerCase()
    .split(/[^\p{L}\p{N}+]+/u)
    .filter(Boolean)
    .map((w) => w.replace(/s$/, ''))
    .join(' ')} `;

/** Whether the words name one of the groups ("veteran crisis line" names veterans). */
const namesGroup = (words: string, groups: readonly string[]) =>
  groups.some((group) => wordsOf(words).includes(wordsOf(group)));

/**
 * 0: a line for a group the person asked for; 1: a line for everyone; 2: a line for a group
 * they did not name. The line everyone in the country can call comes first, so that a veteran,
 * a young person or anyone else finds the general line before lines meant for others.
 */
const audienceRank = (row: ResourceRow, words: string) => {
  const groups = eligibilityOf(row);
  if (groups.length === 0) return 1;
  return namesGroup(words, groups) ? 0 : 2;
};

/**
 * 0: the line answers in the reader's language (HSDS `languages`), or does not say; 1: it does
 * not. A Spanish speaker's block leads with the lines that answer in Spanish, an English
 * speaker's with the ones in English; coverage still comes first, so a country's own line is
 * never pushed below an international directory.
 */
const languageRank = (row: Pick<ResourceRow, 'languages'>, language: Language) =>
  row.languages.length === 0 || row.languages.some((code) => code.split('-')[0] === language) ? 0 : 1;

/**
 * A line that is another language's door to a line already listed (`x_language_variant_of` in
 * its extras: "988 Lifeline en español" for the 988 Lifeline) is shown only to readers of a
 * language it answers in; others already have the line it belongs to.
 */
function variantForOthers(row: ResourceRow, language: Language, listed: ReadonlySet<string>): boolean {
  const extras = row.extras;
  if (!extras || typeof extras !== 'object' || Array.isArray(extras)) return false;
  const of = (extras as Record<string, unknown>).x_language_variant_of;
  return typeof of === 'string' && listed.has(of) && languageRank(row, language) === 1;
}

export async function crisisLinesFor(
  prisma: PrismaClient,
  viewer: Viewer,
  regionText: string,
  words = '',
  language: Language = 'en',
): Promise<ResourceRow[]> {
  const region = normaliseRegion(regionText);
  const country = region ? countryOf(region) : undefined;
  const rows = await prisma.resource.findMany({
    where: {
      AND: [
        visibleTo(viewer),
        { category: 'crisis-line', status: 'active' },
        {
          OR: [{ regions: { isEmpty: true } }, ...(country ? [{ countries: { has: country } }] : [])],
        },
      ],
    },
    orderBy: [{ title: 'asc' }],
  });
  const ranked = rows.flatMap((row) => {
    const rank = region ? coverageRank(row.regions, region) : row.regions.length === 0 ? 2 : undefined;
    return rank === undefined ? [] : [{ row, rank }];
  });
  // Within a coverage rank: the reader's language, who the line is for, then verified lines before unverified ones (a
  // checked number is the safer first call), then by name.
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      languageRank(a.row, language) - languageRank(b.row, language) ||
      audienceRank(a.row, words) - audienceRank(b.row, words) ||
      Number(b.row.verifiedOn !== null) - Number(a.row.verifiedOn !== null) ||
      a.row.title.localeCompare(b.row.title),
  );
  const listed = new Set(ranked.map((entry) => entry.row.replacesId ?? entry.row.id));
  return ranked.map((entry) => entry.row).filter((row) => !variantForOthers(row, language, listed));
}

export function toCrisisLine(row: ResourceRow): CrisisLine {
  const record = rowToRecord(row);
  return {
    id: record.id,
    title: record.title,
    ...(record.summary ? { summary: record.summary } : {}),
    contacts: record.contacts.map((c) => ({
      kind: c.kind,
      value: c.value,
      ...(c.note ? { note: c.note } : {}),
    })),
    ...(record.hours ? { hours: record.hours } : {}),
  };
}

/**
 * The port: for any region code, the shared lines, or with a workspace (its internal id) what
 * that workspace's teams see: its own lines and its copies in place of the shared entries.
 */
export function crisisLinesPort(prisma: PrismaClient): CrisisLinesPort {
  return {
    async forRegion(region, workspaceId, language) {
      const viewer: Viewer = { workspaceId: workspaceId ?? sharedScope.workspaceId, teamIds: [] };
      return (await crisisLinesFor(prisma, viewer, region, '', language)).map(toCrisisLine);
    },
  };
}
