// The database client factory: PGlite in a data folder (the embedded default), PGlite in
// memory (tests, demos), or a PostgreSQL server. One schema and one set of migrations serve
// all three; only the driver adapter differs.
import type { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DatabaseTarget } from '../config.ts';
import { PrismaClient } from './generated/client.ts';
import { transactionDefaults } from './transaction-defaults.ts';

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
 * What `new PrismaPg(...)` is given for a `postgres://` URL (plain data: the migration child
 * process builds its own from it). The URL may carry `?schema=name` (as Prisma URLs do): every
 * connection then uses that schema, for the app and for migrations alike. It may also carry
 * libpq's `?options=` (server settings such as `-c jit=off`), kept alongside the schema's.
 */
export function postgresAdapterArgs(
  url: string,
): [pool: { connectionString: string; options?: string }, options?: { schema: string }] {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  if (!schema) return [{ connectionString: parsed.toString() }];
  // pg lets the URL's own `options` override the pool's, which would drop the search path:
  // both go in the pool's.
  const given = parsed.searchParams.get('options') ?? undefined;
  parsed.searchParams.delete('options');
  // public stays on the path: the search extensions (pg_trgm, unaccent) live there.
  const options = [`-c search_path="${schema}",public`, ...(given ? [given] : [])].join(' ');
  return [{ connectionString: parsed.toString(), options }, { schema }];
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  switch (target.kind) {
    case 'pglite-dir':
    case 'pglite-memory': {
      // Loaded here only: a server never needs PGlite and its adapter.
      const { openPglite } = await import('./pglite.ts');
      return openPglite(target);
    }
    case 'postgres': {
      // Loaded here only: the embedded default never needs pg and its adapter.
      const { PrismaPg } = await import('@prisma/adapter-pg');
      const adapterFactory = new PrismaPg(...postgresAdapterArgs(target.url));
      const prisma = new PrismaClient({ adapter: adapterFactory, transactionOptions: transactionDefaults });
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
