// `npm run bench`: runs every bench/*.bench.ts (each exports `benchmarks`), one at a time, and
// writes docs/benchmarks.md. Benchmarks live here, never as timed assertions in tests: a
// loaded CI machine would make those flaky. `npm run bench -- outbox-1k` runs only names
// containing the argument.
import { readdir, writeFile } from 'node:fs/promises';
import { cpus, platform, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchResult {
  readonly what: string;
  readonly rows: number;
  readonly elapsedMs: number;
  /** The least time the platform's rate limits allow, whatever the code does. */
  readonly floorMs: number;
  readonly notes?: string;
}

export interface Benchmark {
  readonly name: string;
  run(): Promise<BenchResult>;
}

interface Measured extends BenchResult {
  readonly peakRssBytes: number;
}

const here = dirname(fileURLToPath(import.meta.url));

async function discover(): Promise<Benchmark[]> {
  const files = (await readdir(here)).filter((file) => file.endsWith('.bench.ts')).sort();
  const found: Benchmark[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(here, file)).href)) as { benchmarks?: Benchmark[] };
    found.push(...(module.benchmarks ?? []));
  }
  return found;
}

/** Peak resident memory while `task` runs, sampled every 50 ms. */
async function withPeakRss(task: () => Promise<BenchResult>): Promise<Measured> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  try {
    const result = await task();
    return { ...result, peakRssBytes: Math.max(peak, process.memoryUsage.rss()) };
  } finally {
    clearInterval(sampler);
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function table(results: readonly Measured[], date: string, machine: string): string {
  const rows = results.map((r) => {
    const ratio = r.floorMs > 0 ? `${(r.elapsedMs / r.floorMs).toFixed(2)}×` : 'n/a';
    const rss = `${Math.round(r.peakRssBytes / 2 ** 20)} MB`;
    return `| ${r.what} | ${r.rows.toLocaleString('en')} | ${seconds(r.elapsedMs)} | ${seconds(r.floorMs)} | ${ratio} | ${rss} | ${date} | ${machine} | ${r.notes ?? ''} |`;
  });
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts); do not edit by hand. The floor is the least time',
    "the platform's rate limits allow; the ratio is elapsed / floor (1.00× is as fast as the",
    'platform permits). Peak RSS is of the whole benchmark process.',
    '',
    '| What | Rows | Elapsed | Floor (rate limits) | Ratio | Peak RSS | Date | Machine | Notes |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  const selected = (await discover()).filter((b) => !filter || b.name.includes(filter));
  if (selected.length === 0) throw new Error(`no benchmark matches '${filter ?? ''}'`);
  const results: Measured[] = [];
  for (const benchmark of selected) {
    console.log(`running ${benchmark.name}…`);
    const result = await withPeakRss(() => benchmark.run());
    console.log(
      `  ${result.what}: ${seconds(result.elapsedMs)} (floor ${seconds(result.floorMs)}) ${result.notes ?? ''}`,
    );
    results.push(result);
  }
  const cpu = cpus();
  const machine = `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${platform()} ${release()}, Node ${process.version}`;
  const date = new Date().toISOString().slice(0, 10);
  const out = join(here, '..', 'docs', 'benchmarks.md');
  await writeFile(out, table(results, date, machine));
  console.log(`wrote ${out}`);
}

await main();
// The WASM schema engine leaves a timer behind after migrating (see src/main.ts).
process.exit(0);
