// The Prisma schema engine compiled to WASM, so migrations run offline: the Prisma CLI would
// download a native engine first, which fails without internet. Node cannot import a .wasm
// file directly, so the module is instantiated by hand (once per process: the generated glue
// keeps the instance in a module-level variable).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

type Glue = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

// Node has WebAssembly as a global; @types/node for Node 20 does not declare it without DOM.
interface WasmRuntime {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const wasmRuntime = (): WasmRuntime => (globalThis as unknown as { WebAssembly: WasmRuntime }).WebAssembly;

let gluePromise: Promise<Glue> | undefined;

async function loadGlue(): Promise<Glue> {
  const glue: Glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
  // The engine arms a timer (a lock timeout) and never clears it; unref'd, it cannot keep a
  // finished process alive for its ten seconds.
  const imports: Record<string, unknown> = { ...glue };
  for (const name of Object.keys(imports).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
    imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  const { instance } = await wasmRuntime().instantiate(await readFile(wasmPath), {
    './schema_engine_bg.js': imports,
  });
  glue.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start === 'function') start();
  return glue;
}

export interface OpenSchemaEngine {
  readonly engine: SchemaEngine;
  /** Frees the engine and disposes every connection it opened. */
  close(): Promise<void>;
}

/**
 * Opens a schema engine on the database behind `adapterFactory`. Close it when done: the
 * engine does not dispose the connections it opens, and on PostgreSQL one of them holds the
 * migration advisory lock until the pool drops it (10 s idle), which would stall the next
 * migrate and keep the process alive.
 */
export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  datamodel?: { path: string; content: string },
): Promise<OpenSchemaEngine> {
  gluePromise ??= loadGlue();
  const glue = await gluePromise;
  const opened: SqlDriverAdapter[] = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
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
  const log = (): void => {};
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
