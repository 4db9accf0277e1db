// The database client factory: PGlite in a data folder (the embedded default), PGlite in
// memory (tests, demos), or a PostgreSQL server. One schema and one set of migrations serve
// all three; only the driver adapter differs.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { DatabaseTarget } from '../config.ts';
import { PrismaClient } from './generated/client.ts';

export type { PrismaClient };

export interface Database {
  readonly prisma: PrismaClient;
  readonly target: DatabaseTarget;
  /** The adapter factory, for the schema engine (migrations) to use the same connection. */
  readonly adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** The PGlite instance when embedded (tests clone it), absent on a server. */
  readonly pglite?: PGlite;
  close(): Promise<void>;
}

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
  const prisma = new PrismaClient({ adapter: adapterFactory });
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

/**
 * What `new PrismaPg(...)` is given for a `postgres://` URL (plain data: the migration child
 * process builds its own from it). The URL may carry `?schema=name` (as Prisma URLs do): every
 * connection then uses that schema, for the app and for migrations alike.
 */
export function postgresAdapterArgs(
  url: string,
): [pool: { connectionString: string; options?: string }, options?: { schema: string }] {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  const connectionString = parsed.toString();
  if (!schema) return [{ connectionString }];
  // public stays on the path: the search extensions (pg_trgm, unaccent) live there.
  return [{ connectionString, options: `-c search_path="${schema}",public` }, { schema }];
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  switch (target.kind) {
    case 'pglite-dir': {
      const path = pgliteDataPath(target.dataDir);
      mkdirSync(path, { recursive: true });
      return databaseOnPglite(await createPglite(path, pgliteOptions()), target);
    }
    case 'pglite-memory':
      return databaseOnPglite(await createPglite(undefined, pgliteOptions()), target);
    case 'postgres': {
      // Loaded here only: the embedded default never needs pg and its adapter.
      const { PrismaPg } = await import('@prisma/adapter-pg');
      const adapterFactory = new PrismaPg(...postgresAdapterArgs(target.url));
      const prisma = new PrismaClient({ adapter: adapterFactory });
      return {
        prisma,
        target,
        adapterFactory,
        async close() {
          await prisma.$disconnect();
        },
      };
    }
  }
}
