// Compiles src/ to plain JavaScript in dist/ so production never pays for a TypeScript loader
// (tsx adds about 1.5 s and 80 MB to every start). Our own code is bundled; packages stay
// external (PGlite and Prisma find their .wasm/.data files next to their own modules). Code
// splitting keeps each platform SDK behind its own chunk, so the shell playground never loads
// @slack/bolt or discord.js. Run by `postinstall`, and by `npm start` when src/ is newer.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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
    plugins: [compilerWasmFromFile],
  });
  await copyDataFiles([outDir, join(outDir, 'chunks')]);
}

// Prisma's generated client imports its WASM query compiler as a 4.5 MB JavaScript module of
// base64 text. An ES module is never unloaded, so that text (and its source) stays on the heap
// for the life of the process: measured, 9 MB of heap and 10 MB resident more than compiling
// the same bytes from a file. The build writes the bytes to dist/…/prisma/ and the bundled
// client reads them from there (falling back to Prisma's own import if the file is missing).
const base64Import =
  /const \{ wasm \} = await import\("(@prisma\/client\/runtime\/(query_compiler_\w+\.postgresql)\.wasm-base64\.mjs)"\)\s*return await decodeBase64AsWasm\(wasm\)/;
let compilerModule;

export const compilerWasmFromFile = {
  name: 'prisma-compiler-wasm-from-file',
  setup(build) {
    build.onLoad({ filter: /generated[\\/]internal[\\/]class\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const found = base64Import.exec(source);
      if (!found) {
        return {
          contents: source,
          loader: 'ts',
          warnings: [{ text: 'Prisma query compiler import not recognised: it stays base64 in memory' }],
        };
      }
      const [, specifier, name] = found;
      compilerModule = { specifier, file: `${name}.wasm` };
      const fromFile = `try {
      const { readFile } = await import('node:fs/promises')
      return new WebAssembly.Module(await readFile(new URL('./prisma/${compilerModule.file}', import.meta.url)))
    } catch {
      const { wasm } = await import("${specifier}")
      return await decodeBase64AsWasm(wasm)
    }`;
      return { contents: source.replace(base64Import, fromFile), loader: 'ts' };
    });
  },
};

/**
 * Data files that modules read beside themselves (the query compiler's WASM, see above, once
 * a build has found it) (`new URL('./seed/…', import.meta.url)`), and the migration child
 * process's script (src/db/migrate-process.mjs, run by plain node, with the module it imports):
 * bundled code runs from dist/ (or dist/chunks/), so the files go to each folder that holds
 * bundled code (the benchmarks' app bundle too).
 */
export async function copyDataFiles(folders) {
  const seed = join(root, 'src', 'features', 'resources', 'seed', 'resources-seed.yaml');
  const scripts = ['migrate-process.mjs', 'schema-engine.mjs'].map((name) => join(root, 'src', 'db', name));
  const compiler = compilerModule && Buffer.from((await import(compilerModule.specifier)).wasm, 'base64');
  for (const folder of folders) {
    const dir = join(folder, 'seed');
    mkdirSync(dir, { recursive: true });
    copyFileSync(seed, join(dir, 'resources-seed.yaml'));
    for (const script of scripts) copyFileSync(script, join(folder, basename(script)));
    if (compiler) {
      mkdirSync(join(folder, 'prisma'), { recursive: true });
      writeFileSync(join(folder, 'prisma', compilerModule.file), compiler);
    }
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
