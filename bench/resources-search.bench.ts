// Resource search latency at 10,000 entries, on PGlite and on PostgreSQL (when a server answers
// on 127.0.0.1:5432): word correction + full-text search + trigram fall-back, as `/peer find`
// runs it. Reports p50 and p95 over the query table of the search tests, repeated, after one
// warm-up round. --quick: 500 entries and two rounds (seconds; figures not meaningful).
// `npx tsx bench/resources-search.bench.ts [--quick]` runs it alone and prints the figures.
import { pathToFileURL } from 'node:url';
import { type Database, migrate, openDatabase } from '../src/db/index.ts';
import type { Category } from '../src/features/resources/categories.ts';
import { ResourceRecordSchema } from '../src/features/resources/record.ts';
import { searchResources } from '../src/features/resources/search.ts';
import { sharedScope, writeRecords } from '../src/features/resources/store.ts';
import { fixture, queryTable } from '../test/features/resources/fixtures/search-fixture.ts';
import type { BenchContext, Benchmark, Figure } from './run.ts';
import { type BenchDatabase, newDataDir, POSTGRES_URL, postgresReachable } from './support/databases.ts';

const TARGET_P95_MS = 20;
const BATCH = 500;
const places = ['North', 'South', 'East', 'West', 'Central', 'Upper', 'Lower', 'Greater', 'Old', 'New'];

/** The test fixture, multiplied into realistic neighbours: same kinds of entry, other places. */
function entries(count: number) {
  const out = [];
  for (let i = 0; out.length < count; i++) {
    const base = fixture[i % fixture.length];
    if (!base) break;
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

/**
 * In batches, each its own statement (no interactive transaction): Prisma's interactive
 * transactions time out after 5 s, which 1,000 rows with the search trigger can pass on a
 * loaded PostgreSQL. A benchmark needs no all-or-nothing.
 */
async function load(db: Database, count: number) {
  const all = entries(count);
  for (let start = 0; start < all.length; start += BATCH) {
    await writeRecords(db.prisma, all.slice(start, start + BATCH), {
      scope: sharedScope,
      origin: 'import',
      keepEdited: false,
    });
  }
  // Fresh planner statistics, as autovacuum would give a store that has been running a while.
  await db.prisma.$executeRawUnsafe('ANALYZE "Resource"');
  await db.prisma.$executeRawUnsafe('ANALYZE "ResourceWord"');
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/**
 * Wall-clock per search, and this process's CPU time per search: on a shared, loaded machine
 * the wall clock includes waiting for a core; with PGlite (in this process) the CPU time is
 * the work itself. On PostgreSQL the server's work is not in this process's CPU time.
 */
async function timeSearches(db: Database, rounds: number): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of queryTable) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await searchResources(db.prisma, {
        words: q.q,
        viewer: { workspaceId: null, teamIds: [] },
        limit: 4,
        ...(q.category ? { category: q.category as Category } : {}),
        ...(q.region ? { region: q.region } : {}),
      });
      if (round === 0) continue; // round 0 warms caches and plans
      wall.push(performance.now() - t0);
      const used = process.cpuUsage(c0);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

async function measure(db: BenchDatabase, quick: boolean): Promise<Figure> {
  const count = quick ? 500 : 10_000;
  const { DATABASE_URL: url, DATA_DIR: dataDir = '' } = db.env;
  const database = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite-dir', dataDir });
  try {
    await migrate(database);
    await load(database, count);
    const { wall: times, cpu } = await timeSearches(database, quick ? 2 : 8);
    const p50 = percentile(times, 0.5);
    const p95 = percentile(times, 0.95);
    const cpuNote =
      db.label === 'PGlite'
        ? `; CPU time per search p50 ${percentile(cpu, 0.5).toFixed(1)} ms, p95 ${percentile(cpu, 0.95).toFixed(1)} ms`
        : '';
    return {
      figure: `resource search at ${count.toLocaleString('en')} entries, ${db.label}`,
      value: `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
      target: `p95 < ${TARGET_P95_MS} ms`,
      ...(quick ? {} : { met: p95 < TARGET_P95_MS }),
      notes: `${times.length} searches (${queryTable.length} queries of the search-quality table), one SQL statement each${cpuNote}`,
    };
  } finally {
    await database.close();
  }
}

export const benchmarks: Benchmark[] = [
  {
    name: 'resource-search',
    async run(ctx: BenchContext) {
      const out: Figure[] = [];
      for (const db of await ctx.databases('resource_search')) {
        try {
          out.push(await measure(db, ctx.quick));
        } finally {
          await db.drop();
        }
      }
      return out;
    },
  },
];

/** Run alone: a fresh embedded database, and PostgreSQL when one answers. */
async function main() {
  const quick = process.argv.includes('--quick');
  const { freshPostgres } = await import('./support/databases.ts');
  const { rm } = await import('node:fs/promises');
  const dir = await newDataDir();
  const dbs: BenchDatabase[] = [
    { label: 'PGlite', env: { DATA_DIR: dir }, drop: () => rm(dir, { recursive: true, force: true }) },
  ];
  if (!quick && (await postgresReachable())) dbs.push(freshPostgres('bench_resource_search'));
  for (const db of dbs) {
    try {
      const figure = await measure(db, quick);
      console.log(`${figure.figure}: ${figure.value} (${figure.notes})`);
    } finally {
      await db.drop();
    }
  }
  console.log(`(PostgreSQL at ${POSTGRES_URL})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
  process.exit(0);
}
