// Runs `prisma generate` offline. The Prisma CLI downloads a native schema engine at the start
// of every command unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file; `generate` never
// uses that engine (migrations go through @prisma/schema-engine-wasm, see src/db/migrate.ts),
// so any existing file will do. See docs/architecture.md, "Prisma offline".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spreadParamGraph } from './param-graph.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  const placeholderDir = join(root, 'node_modules', '.cache', 'peerbridge');
  mkdirSync(placeholderDir, { recursive: true });
  const placeholder = join(placeholderDir, 'schema-engine-unused');
  if (!existsSync(placeholder)) writeFileSync(placeholder, '# unused: see scripts/generate-client.mjs\n');
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [prismaCli, 'generate'], { cwd: root, env, stdio: 'inherit' });
if (result.status !== 0) {
  console.error(
    'PeerBridge: `prisma generate` failed (see above). Run `npm run db:generate` again after fixing it.',
  );
  process.exit(result.status ?? 1);
}

// Less heap for Prisma's parameterization graph (see scripts/param-graph.mjs).
const classFile = join(root, 'src', 'db', 'generated', 'internal', 'class.ts');
const spread = spreadParamGraph(readFileSync(classFile, 'utf8'));
if (spread.source) writeFileSync(classFile, spread.source);
else console.warn(`PeerBridge: ${spread.warning}; the client works, with about 6 MB more heap.`);
