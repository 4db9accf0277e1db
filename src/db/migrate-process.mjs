// Applies the migrations to a PostgreSQL server from a child process of its own
// (src/db/migrations.ts starts it, only when some are pending). The schema engine's 5 MB of
// WASM, its compiled code and what its run allocates stayed in the app for good when it ran
// there (about 25 MB resident after a first start); a process gives all of it back when it
// exits. Plain JavaScript, so plain node runs it from src/ and from dist/ alike.
//
// Protocol (IPC): one message in, { pg: [poolConfig, adapterOptions], migrationsList }; one
// message out, { applied: string[] } or { error: string }; then the process exits.
import { PrismaPg } from '@prisma/adapter-pg';
import { openSchemaEngine } from './schema-engine.mjs';

/** @param {{ applied: string[] } | { error: string }} message */
function reply(message) {
  process.send?.(message, () => process.exit(0));
}

/** @param {{ pg: ConstructorParameters<typeof PrismaPg>; migrationsList: any }} request */
async function apply(request) {
  const { engine, close } = await openSchemaEngine(new PrismaPg(...request.pg));
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: request.migrationsList,
      filters: { externalTables: [], externalEnums: [] },
    });
    return appliedMigrationNames;
  } finally {
    await close();
  }
}

process.once('message', (request) => {
  apply(request).then(
    (applied) => reply({ applied }),
    (error) => reply({ error: error instanceof Error ? error.message : String(error) }),
  );
});
