// Cold start: from process start to ready, as `npm start` runs it (node scripts/start.mjs, the
// compiled dist/), in the shell playground: ready is the moment its banner is printed, after
// the database is open and migrated. Runs: a new embedded database (created and migrated), the
// same database again (a restart: median of three), and PostgreSQL (new schema, then existing).
// For comparison, the same restart through tsx (how `npm start` ran before issue 13).
import { spawn } from 'node:child_process';
import { cp, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext, Benchmark, Figure } from './run.ts';
import { productionNodeFlags } from './support/app-process.ts';
import { BENCH_ENCRYPTION_KEY, freshPostgres, newDataDir, postgresReachable } from './support/databases.ts';
import { megabytes, percentile, processMemory, seconds } from './support/stats.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `npm start` as package.json runs it: node with its flags, then scripts/start.mjs.
const compiled = [...productionNodeFlags(), 'scripts/start.mjs'];
const throughTsx = ['--import', 'tsx', 'src/main.ts'];

interface Start {
  readonly readyMs: number;
  readonly rss: number;
}

/** Starts the entry point, waits for the banner, samples memory a second later, then ends its input. */
function startOnce(args: readonly string[], env: Record<string, string>): Promise<Start> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    let readyMs: number | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no banner within 180 s\n${stdout}\n${stderr}`));
    }, 180_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (readyMs !== undefined || !stdout.includes('PeerBridge playground')) return;
      readyMs = performance.now() - spawnedAt;
      setTimeout(() => {
        void processMemory(child.pid ?? 0).then(({ rss }) => {
          child.once('close', () => {
            clearTimeout(timer);
            resolve({ readyMs: readyMs ?? 0, rss });
          });
          child.stdin.end();
        }, reject);
      }, 1000);
    });
    child.once('close', (code) => {
      if (readyMs === undefined) {
        clearTimeout(timer);
        reject(new Error(`exited (${code}) before its banner\n${stderr}`));
      }
    });
  });
}

async function copyOf(template: string): Promise<string> {
  const dir = await newDataDir();
  await cp(template, dir, { recursive: true });
  return dir;
}

async function restarts(args: readonly string[], env: Record<string, string>, times: number): Promise<Start> {
  const runs: Start[] = [];
  for (let i = 0; i < times; i++) runs.push(await startOnce(args, env));
  const median = percentile(
    runs.map((r) => r.readyMs),
    50,
  );
  return runs.find((r) => r.readyMs === median) ?? (runs[0] as Start);
}

function figure(what: string, start: Start, target?: { text: string; ms: number }): Figure {
  return {
    figure: `cold start to ready, ${what}`,
    value: seconds(start.readyMs),
    ...(target ? { target: target.text, met: start.readyMs < target.ms } : {}),
    notes: `RSS a second after ready ${megabytes(start.rss)} (shell playground)`,
  };
}

async function embedded(ctx: BenchContext): Promise<Figure[]> {
  // --quick skips the new database (a minute on a loaded machine) and restarts on a copy.
  const dataDir = ctx.quick ? await copyOf(await ctx.template()) : await newDataDir();
  try {
    const env = { DATA_DIR: dataDir };
    const figures = ctx.quick ? [] : [figure('new embedded database', await startOnce(compiled, env))];
    const again = await restarts(compiled, env, ctx.quick ? 1 : 3);
    figures.push(figure('existing embedded database', again, { text: '< 2 s', ms: 2000 }));
    if (!ctx.quick)
      figures.push(
        figure('existing embedded database, through tsx (before)', await startOnce(throughTsx, env)),
      );
    return figures;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function postgres(): Promise<Figure[]> {
  const db = freshPostgres('bench_cold');
  try {
    const created = await startOnce(compiled, db.env);
    const again = await restarts(compiled, db.env, 3);
    return [
      figure('new PostgreSQL schema', created),
      figure('existing PostgreSQL database', again, { text: '< 1.5 s', ms: 1500 }),
    ];
  } finally {
    await db.drop();
  }
}

export const benchmarks: Benchmark[] = [
  {
    name: 'cold-start',
    async run(ctx) {
      const figures = await embedded(ctx);
      if (!ctx.quick && (await postgresReachable())) figures.push(...(await postgres()));
      return figures;
    },
  },
];
