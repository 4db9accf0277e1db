// Search: ranked full-text search (name and tags weigh more than the description), typo
// tolerance (each word corrected against the trigram-indexed word list), then trigram
// similarity over the whole text as a last resort. Accents are folded with unaccent() on both
// sides ("línea" = "linea", "crísis" = "crisis"). Each word matches by its English stem or by
// its Spanish folding (plural and gender endings: "líneas" finds "línea", "adicciones" finds
// "adicción"; `resource_spanish_fold` in the 20261207000000 migration, which also indexes it).
// A word that is a stop word in English or Spanish ("the", "de", "para") is left out. Runs the
// same on PGlite and PostgreSQL.
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

const { sql, join, raw } = Db.Prisma;

// A word must be at least this similar to a known word to be corrected to it.
const CORRECTION_SIMILARITY = 0.4;

/** Filters every search shares: what the viewer may see, category, region. */
export function filters(query: Pick<SearchQuery, 'category' | 'region' | 'viewer' | 'exclude'>) {
  const { viewer } = query;
  const teamIds = [...viewer.teamIds];
  const parts = [
    sql`r."archivedAt" IS NULL AND r."status" = 'active'`,
    // A shared entry this workspace replaced with its own copy (edited or retired) is hidden.
    sql`((r."workspaceId" IS NULL AND r."teamId" IS NULL AND NOT EXISTS (
        SELECT 1 FROM "Resource" c WHERE c."replacesId" = r."id" AND c."workspaceId" = ${viewer.workspaceId}))
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

/**
 * The words of the query, folded, each with the word the store knows that it most likely meant
 * (kept as typed when it is short, known, or like nothing), and the two websearch queries
 * (all words, any word) for both spellings. A SQL fragment: the first CTEs of the search.
 */
function termsSql(words: string) {
  return sql`q AS (
      SELECT w, i FROM regexp_split_to_table(lower(unaccent(${words})), '[^a-z0-9]+') WITH ORDINALITY AS t(w, i)
      WHERE w <> ''),
    fixed AS (
      SELECT i, w, CASE
        WHEN length(w) < 4 OR EXISTS (SELECT 1 FROM "ResourceWord" rw WHERE rw."word" = q.w)
          -- Another form of a stored word ("lineas" for "linea") is known too, not a typo.
          OR EXISTS (SELECT 1 FROM "Resource" r WHERE r."searchDoc" @@ ${wordQuery(sql`q.w`)}) THEN w
        ELSE COALESCE((
          SELECT rw."word" FROM "ResourceWord" rw
          WHERE rw."word" % q.w AND similarity(rw."word", q.w) >= ${CORRECTION_SIMILARITY}
          ORDER BY similarity(rw."word", q.w) DESC, rw."word" LIMIT 1), w)
        END AS f
      FROM q),
    parts AS (
      SELECT i, w, f,
        CASE WHEN ${stopWord(sql`f`)} THEN NULL ELSE '(' || ${wordQuery(sql`f`)}::text || ')' END AS fq,
        CASE WHEN ${stopWord(sql`w`)} THEN NULL ELSE '(' || ${wordQuery(sql`w`)}::text || ')' END AS wq
      FROM fixed),
    terms AS (
      SELECT string_agg(f, ' ' ORDER BY i) AS fixed_words, string_agg(w, ' ' ORDER BY i) AS typed_all,
        COALESCE(string_agg(fq, ' & ' ORDER BY i), '')::tsquery AS fixed_all,
        COALESCE(string_agg(fq, ' | ' ORDER BY i), '')::tsquery AS fixed_any,
        COALESCE(string_agg(wq, ' & ' ORDER BY i), '')::tsquery AS typed_q_all,
        COALESCE(string_agg(wq, ' | ' ORDER BY i), '')::tsquery AS typed_any,
        COALESCE(bool_or(f <> w), false) AS changed
      FROM parts)`;
}

/**
 * One word (already folded to [a-z0-9]) as a tsquery: its English stem or its Spanish folding.
 * Words are split on anything but [a-z0-9], so the text form of each part is safe to join.
 */
function wordQuery(word: Db.Prisma.Sql) {
  return sql`(websearch_to_tsquery('english', ${word}) || plainto_tsquery('simple', "resource_spanish_fold"(${word})))`;
}

/** A stop word in either language ("the", "de", "para") would make every "all words" search miss. */
function stopWord(word: Db.Prisma.Sql) {
  return sql`(numnode(websearch_to_tsquery('english', ${word})) = 0 OR numnode(plainto_tsquery('spanish', ${word})) = 0)`;
}

/**
 * Ranked full-text matches, as two CTEs: entries with every word (`<name>_all`), then, only
 * when those do not fill the page, entries with any word. Entries with every word always rank
 * first, so a common word ("peer") is not ranked across thousands of entries when the whole
 * query is specific. The queries are scalar subqueries (InitPlans): PostgreSQL sees one value
 * and scans the GIN index on `searchDoc` with it (joined in FROM, it tests every row instead).
 */
function fullTextSql(
  name: string,
  query: SearchQuery,
  words: { all: string; any: string },
  gate: Db.Prisma.Sql,
) {
  const reach = (query.offset ?? 0) + query.limit + 1;
  const allq = sql`(SELECT ${raw(words.all)} FROM terms)`;
  const anyq = sql`(SELECT ${raw(words.any)} FROM terms)`;
  const rank = sql`ts_rank(r."searchDoc", ${anyq})::float8`;
  return sql`${raw(name)}_all AS MATERIALIZED (
      SELECT r."id", 1 AS k1, ${rank} AS k2 FROM "Resource" r
      WHERE ${gate} AND ${filters(query)} AND r."searchDoc" @@ ${allq}
      ORDER BY 3 DESC, r."title", r."id" LIMIT ${reach}),
    ${raw(name)} AS MATERIALIZED (
      SELECT "id", k1, k2 FROM ${raw(name)}_all
      UNION ALL (
        SELECT r."id", 0, ${rank} FROM "Resource" r
        WHERE ${gate} AND (SELECT count(*) FROM ${raw(name)}_all) < ${reach}
          AND ${filters(query)} AND r."searchDoc" @@ ${anyq} AND NOT (r."searchDoc" @@ ${allq})
        ORDER BY 3 DESC, r."title", r."id" LIMIT ${reach}))`;
}

interface Found {
  readonly row: Record<string, unknown>;
  readonly how: 'fixed' | 'typed' | 'similar';
  readonly correctedTo: string;
}

/**
 * One statement, one round trip: correct the words, search with the corrected words, then
 * (only when that found nothing and a word changed) with the words as typed, then (only when
 * both found nothing) by trigram similarity over the whole text. Each later step is gated on
 * the earlier ones being empty, which PostgreSQL evaluates once, before scanning.
 */
async function searchOnce(prisma: PrismaClient, query: SearchQuery): Promise<Found[]> {
  return prisma.$queryRaw<Found[]>(searchSql(query));
}

/** The statement, for the benchmark's EXPLAIN too. */
export function searchSql(query: SearchQuery) {
  const reach = (query.offset ?? 0) + query.limit + 1;
  const typed = sql`(SELECT typed_all FROM terms)`;
  return sql`
    WITH ${termsSql(query.words)},
    ${fullTextSql('by_fixed', query, { all: 'fixed_all', any: 'fixed_any' }, sql`true`)},
    ${fullTextSql(
      'by_typed',
      query,
      { all: 'typed_q_all', any: 'typed_any' },
      sql`(SELECT changed FROM terms) AND NOT EXISTS (SELECT 1 FROM by_fixed)`,
    )},
    by_similar AS MATERIALIZED (
      SELECT r."id", 0 AS k1, word_similarity(${typed}, r."searchText")::float8 AS k2
      FROM "Resource" r
      WHERE NOT EXISTS (SELECT 1 FROM by_fixed) AND NOT EXISTS (SELECT 1 FROM by_typed)
        AND ${filters(query)}
        AND (${typed} <% r."searchText" OR r."searchText" % ${typed})
      ORDER BY 3 DESC, r."title", r."id"
      LIMIT ${reach}),
    found AS (
      SELECT "id", k1, k2, 'fixed' AS how FROM by_fixed
      UNION ALL SELECT "id", k1, k2, 'typed' FROM by_typed
      UNION ALL SELECT "id", k1, k2, 'similar' FROM by_similar)
    SELECT to_jsonb(r) - 'searchDoc' - 'searchText' AS row, found.how,
      CASE WHEN terms.changed THEN terms.fixed_words ELSE '' END AS "correctedTo"
    FROM found JOIN "Resource" r ON r."id" = found."id" CROSS JOIN terms
    ORDER BY found.k1 DESC, found.k2 DESC, r."title", r."id"
    LIMIT ${query.limit + 1} OFFSET ${query.offset ?? 0}`;
}

const dateOrNull = (value: unknown, dateOnly = false): Date | null =>
  typeof value === 'string' ? new Date(dateOnly ? `${value}T00:00:00Z` : value) : null;

/** A row as to_jsonb gives it, typed as Prisma would (dates as Date). */
function rowOf(json: Record<string, unknown>): ResourceRow {
  return {
    ...(json as unknown as ResourceRow),
    verifiedOn: dateOrNull(json.verifiedOn, true),
    editedAt: dateOrNull(json.editedAt),
    archivedAt: dateOrNull(json.archivedAt),
    createdAt: dateOrNull(json.createdAt) ?? new Date(0),
    updatedAt: dateOrNull(json.updatedAt) ?? new Date(0),
  };
}

async function rowsInOrder(prisma: PrismaClient, ids: readonly string[]): Promise<ResourceRow[]> {
  const rows = await prisma.resource.findMany({ where: { id: { in: [...ids] } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function searchResources(prisma: PrismaClient, query: SearchQuery): Promise<SearchResult> {
  const found = await searchOnce(prisma, query);
  const first = found[0];
  if (!first) return { items: [], more: false, how: 'none' };
  return {
    items: found.slice(0, query.limit).map((f) => rowOf(f.row)),
    more: found.length > query.limit,
    how: first.how === 'similar' ? 'similar' : 'words',
    // Said only when the corrected words are what found these.
    ...(first.how === 'fixed' && first.correctedTo ? { correctedTo: first.correctedTo } : {}),
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
