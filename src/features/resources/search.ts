// Search: ranked full-text search (English stemming; name and tags weigh more than the
// description; websearch_to_tsquery), typo tolerance (each word corrected against the
// trigram-indexed word list), then trigram similarity over the whole text as a last resort.
// Accents are folded with unaccent() on both sides. Runs the same on PGlite and PostgreSQL.
import { Db, type PrismaClient } from '../../db/index.ts';
import type { Category } from './categories.ts';
import { countryOf } from './regions.ts';
import type { ResourceRow, Viewer } from './store.ts';

export interface SearchQuery {
  readonly words: string;
  readonly category?: Category;
  readonly region?: string;
  readonly viewer: Viewer;
  readonly limit: number;
  readonly offset?: number;
  /** Ids to leave out (crisis lines already shown at the top). */
  readonly exclude?: readonly string[];
}

export interface SearchResult {
  readonly items: readonly ResourceRow[];
  /** Whether there is at least one more result after these. */
  readonly more: boolean;
  /** The words as searched after typo correction, when any word changed. */
  readonly correctedTo?: string;
  readonly how: 'words' | 'similar' | 'none';
}

const { sql, join } = Db.Prisma;

// A word must be at least this similar to a known word to be corrected to it.
const CORRECTION_SIMILARITY = 0.4;

/** Filters every search shares: what the viewer may see, category, region. */
export function filters(query: Pick<SearchQuery, 'category' | 'region' | 'viewer' | 'exclude'>) {
  const { viewer } = query;
  const teamIds = [...viewer.teamIds];
  const parts = [
    sql`r."archivedAt" IS NULL AND r."status" = 'active'`,
    sql`((r."workspaceId" IS NULL AND r."teamId" IS NULL)
      OR (r."workspaceId" = ${viewer.workspaceId} AND r."teamId" IS NULL)
      OR r."teamId" = ANY(${teamIds}::text[]))`,
  ];
  if (query.category) parts.push(sql`r."category" = ${query.category}`);
  if (query.region) {
    const country = countryOf(query.region);
    parts.push(
      query.region === country
        ? sql`(cardinality(r."regions") = 0 OR r."countries" @> ARRAY[${country}]::text[])`
        : sql`(cardinality(r."regions") = 0 OR r."regions" && ARRAY[${country}, ${query.region}]::text[])`,
    );
  }
  if (query.exclude && query.exclude.length > 0)
    parts.push(sql`NOT (r."id" = ANY(${[...query.exclude]}::text[]))`);
  return join(parts, ' AND ');
}

/** Each word of the query, folded, and the word the store knows that it most likely meant. */
async function correctWords(
  prisma: PrismaClient,
  words: string,
): Promise<{ original: string[]; fixed: string[] }> {
  const rows = await prisma.$queryRaw<{ w: string; fixed: string }[]>`
    WITH q AS (
      SELECT w, i FROM regexp_split_to_table(lower(unaccent(${words})), '[^a-z0-9]+') WITH ORDINALITY AS t(w, i)
      WHERE w <> '')
    SELECT w, CASE
      WHEN length(w) < 4 OR EXISTS (SELECT 1 FROM "ResourceWord" rw WHERE rw."word" = q.w) THEN w
      ELSE COALESCE((
        SELECT rw."word" FROM "ResourceWord" rw
        WHERE rw."word" % q.w AND similarity(rw."word", q.w) >= ${CORRECTION_SIMILARITY}
        ORDER BY similarity(rw."word", q.w) DESC, rw."word" LIMIT 1), w)
      END AS fixed
    FROM q ORDER BY i`;
  return { original: rows.map((r) => r.w), fixed: rows.map((r) => r.fixed) };
}

async function fullText(prisma: PrismaClient, query: SearchQuery, words: readonly string[]) {
  const all = words.join(' ');
  const any = words.join(' or ');
  return prisma.$queryRaw<{ id: string }[]>`
    SELECT r."id" FROM "Resource" r,
      websearch_to_tsquery('english', ${all}) AS allq,
      websearch_to_tsquery('english', ${any}) AS anyq
    WHERE ${filters(query)} AND r."searchDoc" @@ anyq
    ORDER BY (r."searchDoc" @@ allq) DESC, ts_rank(r."searchDoc", anyq) DESC, r."title", r."id"
    LIMIT ${query.limit + 1} OFFSET ${query.offset ?? 0}`;
}

async function similarText(prisma: PrismaClient, query: SearchQuery, folded: string) {
  return prisma.$queryRaw<{ id: string }[]>`
    SELECT r."id" FROM "Resource" r
    WHERE ${filters(query)} AND (${folded} <% r."searchText" OR r."searchText" % ${folded})
    ORDER BY word_similarity(${folded}, r."searchText") DESC, r."title", r."id"
    LIMIT ${query.limit + 1} OFFSET ${query.offset ?? 0}`;
}

async function rowsInOrder(prisma: PrismaClient, ids: readonly string[]): Promise<ResourceRow[]> {
  const rows = await prisma.resource.findMany({ where: { id: { in: [...ids] } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function searchResources(prisma: PrismaClient, query: SearchQuery): Promise<SearchResult> {
  const { original, fixed } = await correctWords(prisma, query.words);
  if (fixed.length === 0) return { items: [], more: false, how: 'none' };
  const changed = fixed.some((word, i) => word !== original[i]);
  let ids = (await fullText(prisma, query, fixed)).map((r) => r.id);
  let how: SearchResult['how'] = 'words';
  if (ids.length === 0 && changed) ids = (await fullText(prisma, query, original)).map((r) => r.id);
  if (ids.length === 0) {
    ids = (await similarText(prisma, query, original.join(' '))).map((r) => r.id);
    how = ids.length > 0 ? 'similar' : 'none';
  }
  const more = ids.length > query.limit;
  return {
    items: await rowsInOrder(prisma, ids.slice(0, query.limit)),
    more,
    how,
    ...(changed && how === 'words' ? { correctedTo: fixed.join(' ') } : {}),
  };
}

/** Everything in a category (no words): browsing crisis lines or trainings, in name order. */
export async function browseCategory(prisma: PrismaClient, query: SearchQuery): Promise<SearchResult> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT r."id" FROM "Resource" r WHERE ${filters(query)}
    ORDER BY r."title", r."id" LIMIT ${query.limit + 1} OFFSET ${query.offset ?? 0}`;
  const ids = rows.map((r) => r.id);
  return {
    items: await rowsInOrder(prisma, ids.slice(0, query.limit)),
    more: ids.length > query.limit,
    how: ids.length > 0 ? 'words' : 'none',
  };
}
