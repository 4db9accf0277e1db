// The embedded database: PGlite in a data folder (the default) or in memory (tests, demos).
// Imported by connect.ts only when the target is embedded, so an app on a PostgreSQL server
// never loads PGlite (its JavaScript alone is about 1 MB of heap).
import { join, resolve } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { DatabaseTarget } from '../config.ts';
import type { Database } from './connect.ts';
import { PrismaClient } from './generated/client.ts';
import { ensurePrivateDir } from './private-dir.ts';
import { transactionDefaults } from './transaction-defaults.ts';

/**
 * PGlite's settings, chosen by measurement (docs/benchmarks.md, "PGlite memory"). PostgreSQL's
 * default shared_buffers (128 MB) is allocated and touched at start inside the WASM heap, so it
 * is resident from the first second: 285 MB after opening an existing database, against
 * 159 MB with 16 MB (and 151 MB with 8 MB). A team's working set is a few MB, so 16 MB keeps
 * it cached with room to spare. `initialMemory` cannot go below the build's 128 MB minimum.
 */
export const pgliteSettings = ['shared_buffers=16MB'] as const;

/**
 * The PostgreSQL extensions the migrations enable (resource search: trigram typo tolerance and
 * accent folding). A server has them in contrib; PGlite must be handed them at creation, so
 * every PGlite (app, test template and clones, shadow database, benchmarks) is made here.
 */
export const pgliteExtensions = { pg_trgm, unaccent };

export async function createPglite(dataDir?: string, options: PGliteOptions = {}): Promise<PGlite> {
  const withExtensions = { ...options, extensions: { ...pgliteExtensions, ...options.extensions } };
  return dataDir === undefined ? PGlite.create(withExtensions) : PGlite.create(dataDir, withExtensions);
}

/**
 * Prisma's PGlite adapter for `pglite`. The adapter's own shadow database (the schema engine's
 * diff replays the migrations into it) is a bare PGlite, without the extensions the migrations
 * enable, so it is replaced by one made here.
 */
export function pgliteAdapterFactory(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPGlite(pglite);
  factory.connectToShadowDb = async () => new PrismaPGlite(await createPglite()).connect();
  return factory;
}

function pgliteDataPath(dataDir: string): string {
  return join(resolve(dataDir), 'pglite');
}

/** Opens an embedded database on an existing PGlite (used by tests that clone a template). */
export function databaseOnPglite(
  pglite: PGlite,
  target: DatabaseTarget = { kind: 'pglite-memory' },
): Database {
  const adapterFactory = pgliteAdapterFactory(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory, transactionOptions: transactionDefaults });
  return {
    prisma,
    target,
    adapterFactory,
    pglite,
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/**
 * Passed as start parameters, not `postgresqlconf`: that option overwrites the data folder's
 * postgresql.conf (time zone, date style and all) with only the lines given.
 */
function pgliteOptions() {
  return { startParams: [...PGlite.defaultStartParams, ...pgliteSettings.flatMap((s) => ['-c', s])] };
}

/** Opens the embedded database a target names (a data folder, or memory). */
export async function openPglite(
  target: Extract<DatabaseTarget, { kind: 'pglite-dir' | 'pglite-memory' }>,
): Promise<Database> {
  if (target.kind === 'pglite-memory') {
    return databaseOnPglite(await createPglite(undefined, pgliteOptions()), target);
  }
  const path = pgliteDataPath(target.dataDir);
  ensurePrivateDir(resolve(target.dataDir));
  ensurePrivateDir(path);
  return databaseOnPglite(await createPglite(path, pgliteOptions()), target);
}
