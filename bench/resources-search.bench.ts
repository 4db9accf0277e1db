// Resource search latency at 10,000 entries, on PGlite and on PostgreSQL (when a server answers
// on 127.0.0.1:5432): full-text search + word correction + trigram fall-back, as `/peer find`
// runs it. Reports p50 and p95 over the query table of the search tests, repeated. Run alone
// with `npx tsx bench/resources-search.bench.ts`, which also writes its section of
// docs/benchmarks.md ("Resource search"); `npm run bench` runs it with the others.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createPglite, type Database, databaseOnPglite, migrate, openDatabase } from '../src/db/index.ts';
import type { Category } from '../src/features/resources/categories.ts';
import { ResourceRecordSchema } from '../src/features/resources/record.ts';
import { searchResources } from '../src/features/resources/search.ts';
import { sharedScope, writeRecords } from '../src/features/resources/store.ts';
import { fixture, queryTable } from '../test/features/resources/fixtures/search-fixture.ts';
import type { Benchmark, BenchResult } from './run.ts';

const ENTRIES = 10_000;
const ROUNDS = 8;
const places = ['North', 'South', 'East', 'West', 'Central', 'Upper', 'Lower', 'Greater', 'Old', 'New'];

/** The test fixture, multiplied into realistic neighbours: same kinds of entry, other places. */
function entries() {
  const out = [];
  for (let i = 0; out.length < ENTRIES; i++) {
    const base = fixture[i % fixture.length]!;
    const copy = Math.floor(i / fixture.length);
    out.push(
      ResourceRecordSchema.parse({
        ...base,
        id: copy === 0 ? base.id : `${base.id}-${copy}`,
        title: copy === 0 ? base.title : `${base.title} (${places[copy % places.length]} ${copy})`,
      }),
    );
  }
  return out;
}

async function load(db: Database) {
  const all = entries();
  for (let start = 0; start < all.length; start += 1000) {
    await db.prisma.$transaction(
      (tx) =>
        writeRecords(tx, all.slice(start, start + 1000), {
          scope: sharedScope,
          origin: 'import',
          keepEdited: false,
        }),
      // A loaded machine takes longer than Prisma's default 5 s for 1,000 rows with the trigger.
      { timeout: 300_000, maxWait: 60_000 },
    );
  }
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

async function measure(name: string, db: Database): Promise<BenchResult & { p50: number; p95: number }> {
  await load(db);
  const times: number[] = [];
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queryTable) {
      const t0 = performance.now();
      await searchResources(db.prisma, {
        words: q.q,
        viewer: { workspaceId: null, teamIds: [] },
        limit: 4,
        ...(q.category ? { category: q.category as Category } : {}),
        ...(q.region ? { region: q.region } : {}),
      });
      if (round > 0) times.push(performance.now() - t0); // round 0 warms caches and plans
    }
  }
  const elapsedMs = performance.now() - started;
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 0.5);
  const p95 = percentile(times, 0.95);
  return {
    what: `resource search, ${name}`,
    rows: ENTRIES,
    elapsedMs,
    floorMs: 0,
    notes: `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${times.length} searches`,
    p50,
    p95,
  };
}

async function onPglite() {
  const db = databaseOnPglite(await createPglite());
  try {
    await migrate(db);
    return await measure('PGlite (in memory)', db);
  } finally {
    await db.close();
  }
}

async function onPostgres() {
  const schema = `pb_bench_${Date.now().toString(36)}`;
  const url = `postgresql://postgres@127.0.0.1:5432/test?schema=${schema}`;
  const db = await openDatabase({ kind: 'postgres', url });
  try {
    await migrate(db);
    return await measure('PostgreSQL 15 (127.0.0.1)', db);
  } finally {
    await db.prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await db.close();
  }
}

export const benchmarks: Benchmark[] = [
  { name: 'resources-search-pglite', run: onPglite },
  { name: 'resources-search-postgres', run: onPostgres },
];

async function writeSection(results: readonly (BenchResult & { p50: number; p95: number })[]) {
  const path = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'benchmarks.md');
  const current = await readFile(path, 'utf8').catch(() => '# Benchmarks\n');
  const date = new Date().toISOString().slice(0, 10);
  const section = [
    '## Resource search',
    '',
    `Written by \`npx tsx bench/resources-search.bench.ts\` on ${date}. ${ENTRIES.toLocaleString('en')} entries; the`,
    `${queryTable.length} queries of the search-quality table, ${ROUNDS - 1} timed rounds after one warm-up; each search is`,
    'word correction + full-text search (+ trigram fall-back when nothing matched). Target: p95 under 20 ms.',
    '',
    '| Database | p50 | p95 |',
    '| --- | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.what.replace('resource search, ', '')} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms |`,
    ),
    '',
  ].join('\n');
  const start = current.indexOf('## Resource search');
  const next = start === -1 ? -1 : current.indexOf('\n## ', start + 1);
  const updated =
    start === -1
      ? `${current.trimEnd()}\n\n${section}`
      : `${current.slice(0, start)}${section}${next === -1 ? '' : current.slice(next + 1)}`;
  await writeFile(path, updated);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = [await onPglite()];
  try {
    results.push(await onPostgres());
  } catch (error) {
    console.warn(`PostgreSQL skipped: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  }
  for (const r of results) console.log(`${r.what}: ${r.notes}`);
  await writeSection(results);
  process.exit(0);
}
