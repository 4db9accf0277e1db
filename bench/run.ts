// `npm run bench`: runs every benchmark, prints each figure against its target (issue 13) and
// writes docs/benchmarks.md. `npm run bench -- --quick` is CI's smoke run: every benchmark,
// tiny sizes, a few seconds each, PGlite only; it checks they run and writes nothing.
// `npm run bench -- fan-out` runs only names containing the word. Benchmarks live here, never
// as timed assertions in tests: a loaded CI machine would make those flaky.
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBaselineWasmCompiler } from '../src/wasm-compiler.ts';
import { benchmarks as ackLatency } from './ack-latency.bench.ts';
import { benchmarks as coldStart } from './cold-start.bench.ts';
import { benchmarks as fanOut } from './fan-out.bench.ts';
import { benchmarks as resourceSearch } from './resources-search.bench.ts';
import { benchmarks as schedulerPrecision } from './scheduler.bench.ts';
import { type BenchDatabase, embeddedCopy, freshPostgres, postgresReachable } from './support/databases.ts';
import { embeddedTemplate } from './support/template.ts';

// The scheduler benchmark runs in this process: the same WASM compiler as production.
useBaselineWasmCompiler();

/** One line of the table: a figure, its target (when issue 13 sets one) and whether it was met. */
export interface Figure {
  readonly figure: string;
  readonly value: string;
  readonly target?: string;
  /** undefined: no target for this line (context, or a quick run). */
  readonly met?: boolean;
  readonly notes?: string;
}

/** The older shape (throughput against a rate-limit floor); still accepted. */
export interface BenchResult {
  readonly what: string;
  readonly rows: number;
  readonly elapsedMs: number;
  /** The least time the platform's rate limits allow, whatever the code does. */
  readonly floorMs: number;
  readonly notes?: string;
}

export interface BenchContext {
  /** CI's smoke run: tiny sizes, seconds not minutes; figures are not meaningful. */
  readonly quick: boolean;
  log(line: string): void;
  /** Databases to run on, each fresh: an existing embedded database (a copy), and PostgreSQL when a server answers (full runs). */
  databases(prefix: string): Promise<BenchDatabase[]>;
  /** A migrated embedded DATA_DIR to copy. */
  template(): Promise<string>;
}

export interface Benchmark {
  readonly name: string;
  run(ctx: BenchContext): Promise<readonly Figure[] | BenchResult>;
}

// ── Registration: one line per bench file, in the order the table lists them. ──────────────
const registered: readonly Benchmark[] = [
  ...coldStart,
  ...ackLatency,
  ...fanOut,
  ...schedulerPrecision,
  ...resourceSearch,
];

/** Every target of issue 13, so a figure that was not measured shows as such. */
const targets: readonly { figure: string; target: string; by: string }[] = [
  { figure: 'ack p99 at 200 events/s', target: '< 100 ms', by: 'ack-latency' },
  {
    figure: 'fan-out, 10,000 members',
    target: 'within 5% of the floor, 0 lost, 0 doubled, peak RSS < 400 MB',
    by: 'fan-out',
  },
  { figure: 'scheduler, 1,000 due at once', target: 'p99 delay < 1 s', by: 'scheduler' },
  { figure: 'resource search at 10,000 entries', target: 'p95 < 20 ms', by: 'resource-search' },
  { figure: 'RSS after start', target: '< 300 MB embedded, < 130 MB on PostgreSQL', by: 'fan-out' },
  {
    figure: 'cold start to ready, existing database',
    target: '< 2 s embedded, < 1.5 s on PostgreSQL',
    by: 'cold-start',
  },
];

const here = dirname(fileURLToPath(import.meta.url));

function fromLegacy(result: BenchResult): Figure[] {
  const ratio = result.floorMs > 0 ? `${(result.elapsedMs / result.floorMs).toFixed(2)}×` : 'n/a';
  return [
    {
      figure: result.what,
      value: `${(result.elapsedMs / 1000).toFixed(1)} s vs floor ${(result.floorMs / 1000).toFixed(1)} s (${ratio})`,
      ...(result.notes === undefined ? {} : { notes: result.notes }),
    },
  ];
}

function context(quick: boolean): BenchContext {
  let template: Promise<string> | undefined;
  let postgres: Promise<boolean> | undefined;
  const ctx: BenchContext = {
    quick,
    log: (line) => console.log(line),
    template: () => {
      template ??= embeddedTemplate();
      return template;
    },
    async databases(prefix) {
      // BENCH_DB=pglite or BENCH_DB=postgres: one database only (profiling one of them).
      const only = process.env.BENCH_DB;
      const list: BenchDatabase[] = only === 'postgres' ? [] : [await embeddedCopy(await ctx.template())];
      postgres ??=
        (quick && only !== 'postgres') || only === 'pglite' ? Promise.resolve(false) : postgresReachable();
      if (await postgres) list.push(freshPostgres(`bench_${prefix}`));
      else if (!quick) console.log('  (no PostgreSQL on 127.0.0.1:5432: PGlite only)');
      return list;
    },
  };
  return ctx;
}

const cell = (text: string | undefined) => (text ?? '').replaceAll('|', '\\|');
const verdict = (met: boolean | undefined) => (met === undefined ? '' : met ? 'met' : '**missed**');

function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, ${platform()} ${release()}`;
}

function tableRows(figures: readonly Figure[]): string[] {
  return [
    '| figure | value | target | | notes |',
    '| --- | --- | --- | --- | --- |',
    ...figures.map(
      (f) =>
        `| ${cell(f.figure)} | ${cell(f.value)} | ${cell(f.target)} | ${verdict(f.met)} | ${cell(f.notes)} |`,
    ),
  ];
}

function document(
  figures: readonly Figure[],
  ran: readonly string[],
  load: readonly number[][],
  command: string,
): string {
  const missing = targets.filter((t) => !ran.includes(t.by));
  const cores = cpus().length;
  const loaded = load.some((l) => (l[0] ?? 0) > cores);
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts) from one run; the analysis below the table is',
    'kept in docs/benchmarks-notes.md and appended. Do not edit this file by hand.',
    '',
    `- Command: \`${command}\``,
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${machine()}`,
    `- Node: ${process.version}`,
    '- Databases: PGlite (embedded, a copy of a migrated data folder: a restart) and PostgreSQL 15 on 127.0.0.1:5432 (a fresh schema per benchmark)',
    `- Load average (1/5/15 min) at start ${load[0]?.map((v) => v.toFixed(1)).join(' / ')}, at end ${load[1]?.map((v) => v.toFixed(1)).join(' / ')}` +
      (loaded
        ? `: **the machine was shared and loaded** (more runnable work than its ${cores} cores), so latencies and times are pessimistic.`
        : ''),
    '',
    ...tableRows(figures),
    '',
    ...(missing.length > 0
      ? [
          'Not measured in this run:',
          '',
          ...missing.map(
            (t) =>
              `- ${t.figure} (target ${t.target}): benchmark \`${t.by}\` is not registered in bench/run.ts yet.`,
          ),
          '',
        ]
      : []),
  ].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const filter = args.find((arg) => !arg.startsWith('--'));
  const selected = registered.filter((b) => !filter || b.name.includes(filter));
  if (selected.length === 0) throw new Error(`no benchmark matches '${filter ?? ''}'`);
  // Cold start measures `npm start` as a newcomer runs it: dist/ must be current first.
  const built = spawnSync(process.execPath, [join(here, '..', 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building dist/ failed');
  const ctx = context(quick);
  const startLoad = loadavg();
  const figures: Figure[] = [];
  for (const benchmark of selected) {
    const started = performance.now();
    console.log(`running ${benchmark.name}${quick ? ' (quick)' : ''}…`);
    const result = await benchmark.run(ctx);
    const rows = 'what' in result ? fromLegacy(result) : [...result];
    for (const row of rows) {
      console.log(`  ${row.figure}: ${row.value} ${verdict(row.met)}`);
      if (row.notes) console.log(`    ${row.notes}`);
    }
    console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    figures.push(...rows);
    // Written after each benchmark, so a long run that is stopped still leaves its figures.
    if (!quick) await write(figures, selected, [startLoad, loadavg()], filter);
  }
}

async function write(
  figures: readonly Figure[],
  ran: readonly Benchmark[],
  load: number[][],
  filter?: string,
) {
  const { readFile } = await import('node:fs/promises');
  const notes = await readFile(join(here, '..', 'docs', 'benchmarks-notes.md'), 'utf8').catch(() => '');
  const command = `npm run bench${filter ? ` -- ${filter}` : ''}`;
  const names = ran.map((b) => b.name);
  const out = join(here, '..', 'docs', 'benchmarks.md');
  await writeFile(out, `${document(figures, names, load, command)}\n${notes}`);
  console.log(`  wrote ${out}`);
}

await main();
// The WASM schema engine and PGlite can leave handles behind; everything is done.
process.exit(0);
