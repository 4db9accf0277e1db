// The Prisma schema engine compiled to WASM, so migrations run offline: the Prisma CLI would
// download a native engine first, which fails without internet. Node cannot import a .wasm
// file directly, so the module is instantiated by hand (once per process: the generated glue
// keeps the instance in a module-level variable).
//
// Plain JavaScript (types in schema-engine.d.mts): besides the app's own modules, the
// migration child process (migrate-process.mjs) imports it, and that one runs under plain
// node from src/ and from dist/ alike.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

/** @type {Promise<typeof import('@prisma/schema-engine-wasm/schema_engine_bg')> | undefined} */
let gluePromise;

async function loadGlue() {
  const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
  // The engine arms a timer (a lock timeout) and never clears it; unref'd, it cannot keep a
  // finished process alive for its ten seconds.
  /** @type {Record<string, unknown>} */
  const imports = { ...glue };
  for (const name of Object.keys(imports).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
    imports[name] = (/** @type {() => void} */ callback, /** @type {number} */ ms) =>
      setTimeout(callback, ms >>> 0).unref();
  }
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    './schema_engine_bg.js': imports,
  });
  glue.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start === 'function') start();
  return glue;
}

/**
 * Opens a schema engine on the database behind `adapterFactory`. Close it when done: the
 * engine does not dispose the connections it opens, and on PostgreSQL one of them holds the
 * migration advisory lock until the pool drops it (10 s idle), which would stall the next
 * migrate and keep the process alive.
 *
 * @param {import('@prisma/driver-adapter-utils').SqlMigrationAwareDriverAdapterFactory} adapterFactory
 * @param {{ path: string; content: string }} [datamodel]
 */
export async function openSchemaEngine(adapterFactory, datamodel) {
  gluePromise ??= loadGlue();
  const glue = await gluePromise;
  /** @type {import('@prisma/driver-adapter-utils').SqlDriverAdapter[]} */
  const opened = [];
  /** @type {import('@prisma/driver-adapter-utils').SqlMigrationAwareDriverAdapterFactory} */
  const tracking = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    async connect() {
      const adapter = await adapterFactory.connect();
      opened.push(adapter);
      return adapter;
    },
    async connectToShadowDb() {
      const adapter = await adapterFactory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const log = () => {};
  const engine = await glue.SchemaEngine.new(
    { datamodels: datamodel ? [[datamodel.path, datamodel.content]] : undefined },
    log,
    bindMigrationAwareSqlAdapterFactory(tracking),
  );
  return {
    engine,
    async close() {
      engine.free();
      await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
    },
  };
}
