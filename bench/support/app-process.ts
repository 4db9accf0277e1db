// Starts bench/app-child.ts compiled to plain JavaScript exactly as dist/ is (esbuild, packages
// external), in its own process: figures for memory and latency are then the production
// build's, not tsx's, and the fakes in this process do not count against the app's memory.
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FromChild, ToChild } from '../app-child.ts';
import { processCpuMs, processMemory } from './stats.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const childBundle = join(root, 'dist', 'bench', 'app-child.js');
let built: Promise<void> | undefined;

async function buildChild(): Promise<void> {
  const { build } = await import('esbuild');
  const { compilerWasmFromFile, copyDataFiles } = await import('../../scripts/build.mjs');
  await build({
    entryPoints: [join(root, 'bench', 'app-child.ts')],
    outdir: join(root, 'dist', 'bench'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    plugins: [compilerWasmFromFile],
  });
  // The resources seed and the query compiler are read beside the bundle, as in dist/.
  await copyDataFiles([join(root, 'dist', 'bench')]);
}

/**
 * The V8 flags `npm start` gives node (package.json `scripts.start`, e.g. the young
 * generation's size), so the app measured here runs as production does. BENCH_NODE_FLAGS
 * replaces them, to compare settings.
 */
export function productionNodeFlags(): string[] {
  const override = process.env.BENCH_NODE_FLAGS;
  if (override !== undefined) return override.split(' ').filter(Boolean);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(' ').filter((word) => word.startsWith('--'));
}

export interface AppProcess {
  readonly pid: number;
  /** ms from spawn to `startApp` resolved, as seen from here. */
  readonly readyMs: number;
  memory(): Promise<{ rss: number; peak: number }>;
  /** CPU time the app has used so far (ms): per-event cost that a loaded machine does not skew. */
  cpuMs(): Promise<number>;
  /** Enqueues a round of one DM per member inside the app; resolves when written. */
  round(members: number, prefix: string): Promise<number>;
  stop(): Promise<void>;
  /** The app's log lines (JSON, warn and above unless LOG_LEVEL says otherwise). */
  readonly stderr: () => string;
}

function nextMessage(child: ChildProcess, type: FromChild['type'], limitMs: number): Promise<FromChild> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`app child: no '${type}' within ${limitMs} ms`)), limitMs);
    const onMessage = (message: FromChild) => {
      if (message.type === type) done(undefined, message);
      else if (message.type === 'failed') done(new Error(`app child failed: ${message.message}`));
    };
    const onExit = (code: number | null) => done(new Error(`app child exited (${code}) before '${type}'`));
    function done(error?: Error, message?: FromChild) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message as FromChild);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function startAppProcess(env: Record<string, string>, limitMs = 180_000): Promise<AppProcess> {
  built ??= buildChild();
  await built;
  const spawnedAt = performance.now();
  // BENCH_CPU_PROF=<folder>: the app writes a V8 CPU profile there when it stops
  // (summarise it with `npx tsx bench/profile-summary.ts <file>`).
  const profileDir = process.env.BENCH_CPU_PROF;
  const child = fork(childBundle, [], {
    cwd: root,
    execArgv: [
      ...productionNodeFlags(),
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    ],
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  try {
    await nextMessage(child, 'ready', limitMs);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error instanceof Error ? error.message : error}\n${stderr}`);
  }
  const readyMs = performance.now() - spawnedAt;
  const ask = (message: ToChild) => child.send(message);
  return {
    pid: child.pid ?? 0,
    readyMs,
    stderr: () => stderr,
    memory: () => processMemory(child.pid ?? 0),
    cpuMs: () => processCpuMs(child.pid ?? 0),
    async round(members, prefix) {
      const reply = nextMessage(child, 'enqueued', 300_000);
      ask({ type: 'round', members, prefix });
      const message = await reply;
      return message.type === 'enqueued' ? message.ms : 0;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      ask({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
