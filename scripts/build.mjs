// Compiles src/ to plain JavaScript in dist/ so production never pays for a TypeScript loader
// (tsx adds about 1.5 s and 80 MB to every start). Our own code is bundled; packages stay
// external (PGlite and Prisma find their .wasm/.data files next to their own modules). Code
// splitting keeps each platform SDK behind its own chunk, so the shell playground never loads
// @slack/bolt or discord.js. Run by `postinstall`, and by `npm start` when src/ is newer.
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const distEntry = join(root, 'dist', 'main.js');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/ is missing or older than anything it is built from. */
export function isStale() {
  let built;
  try {
    built = statSync(distEntry).mtimeMs;
  } catch {
    return true;
  }
  const sources = [join(root, 'src'), join(root, 'package.json'), join(root, 'scripts', 'build.mjs')];
  return sources.some((source) => newestMtime(source) > built);
}

/**
 * Builds into `outDir` (default dist/). Another folder is for tests of the bundle; it must sit
 * inside the project, as dist/ does, so packages and prisma/migrations are found from it.
 */
export async function build({ outDir = join(root, 'dist') } = {}) {
  const { build: esbuild } = await import('esbuild');
  await esbuild({
    entryPoints: [join(root, 'src', 'main.ts')],
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    // Stack traces then name src/ files and lines (node --enable-source-maps, set by start).
    sourcesContent: false,
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
  // Data files that modules read beside themselves (`new URL('./seed/…', import.meta.url)`):
  // bundled code runs from dist/ (or dist/chunks/), so the files go there too.
  const seed = join(root, 'src', 'features', 'resources', 'seed', 'resources-seed.yaml');
  for (const dir of [join(outDir, 'seed'), join(outDir, 'chunks', 'seed')]) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(seed, join(dir, 'resources-seed.yaml'));
  }
}

/** `--out-dir <folder>` (tests); without it, dist/. */
function outDirArgument(args) {
  const at = args.indexOf('--out-dir');
  if (at === -1) return undefined;
  const value = args[at + 1];
  if (!value || value.startsWith('--'))
    throw new Error('--out-dir needs a folder, like --out-dir tmp/bundle');
  return resolve(value);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const outDir = outDirArgument(process.argv.slice(2));
    await build(outDir ? { outDir } : {});
  } catch (error) {
    console.error(
      'PeerBridge: building dist/ failed (see above).',
      error instanceof Error ? error.message : error,
    );
    process.exit(1);
  }
}
