// The production bundle carries the data files its modules read beside themselves: build it
// (scripts/build.mjs --out-dir) into a folder of its own, start that main.js as `npm start`
// would, in the shell playground on an in-memory database, type `/peer find crisis`, and
// expect the crisis lines of the seed shipped with it. Running from src/ would not notice a
// missing file: only the bundle looks for the seed next to dist/.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { migratedDataDir } from '../support/database.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
// A slow, shared machine: building and a cold start may each take a while.
const limitMs = 150_000;

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a node child to its end; killed (and the test failed with its output) past `limitMs`. */
function runNode(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string>; stdin?: string },
) {
  const child = spawn(process.execPath, [...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdin.end(options.stdin ?? '');
  return new Promise<Finished>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node ${args.join(' ')} did not finish in ${limitMs} ms.\n${stdout}\n${stderr}`));
    }, limitMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** US crisis lines as the seed file lists them, in its order. */
async function seedCrisisLines(): Promise<string[]> {
  const seed = parse(
    await readFile(join(repoRoot, 'src', 'features', 'resources', 'seed', 'resources-seed.yaml'), 'utf8'),
  ) as { resources: { title: string; category: string; coverage?: { country?: string } }[] };
  return seed.resources
    .filter((r) => r.category === 'crisis-line' && r.coverage?.country === 'US')
    .map((r) => r.title);
}

let outDir: string;

beforeAll(async () => {
  // Inside the project, as dist/ is: packages and prisma/migrations are found from there.
  await mkdir(join(repoRoot, 'tmp'), { recursive: true });
  outDir = await mkdtemp(join(repoRoot, 'tmp', 'bundle-'));
});
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('the production bundle', () => {
  it('lists the shipped seed crisis lines for `/peer find crisis`', {
    timeout: 2 * limitMs + 10_000,
  }, async () => {
    // The bundle starts on a migrated embedded database (a clone of the template, made while it
    // builds): it still reads prisma/migrations from beside dist/ to see that none is pending.
    // Creating and migrating one from the bundle is production-layout.test.ts's first start.
    const dataDir = join(outDir, 'data');
    const [built] = await Promise.all([
      runNode(['scripts/build.mjs', '--out-dir', outDir], { cwd: repoRoot }),
      migratedDataDir(dataDir),
    ]);
    expect(built.code, built.stderr).toBe(0);

    const run = await runNode(['--enable-source-maps', join(outDir, 'main.js')], {
      cwd: outDir,
      env: { DATA_DIR: dataDir },
      stdin: '/peer find crisis\n',
    });
    expect(run.code, run.stderr).toBe(0);
    const answer = run.stdout.slice(run.stdout.indexOf('> /peer find crisis'));
    expect(answer).toContain('Crisis lines for US');
    const expected = await seedCrisisLines();
    expect(expected.length).toBeGreaterThanOrEqual(2);
    for (const title of expected.slice(0, 2)) expect(answer).toContain(title);
    expect(answer.match(/Crisis line · US/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  });
});
