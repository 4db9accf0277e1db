// Two connections to one fresh schema on the test PostgreSQL server, each with its own pool, as
// two replicas would have; migrated (a copy of the run's template) once before the file's tests, dropped after them. When no
// server answers (and CI is not set), `available` is false and the hooks do nothing.
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { openPostgres, type PostgresSchema, postgresAvailable } from '../../support/database.ts';
import { migratedPostgresSchema } from '../../support/postgres-template.ts';

export interface PostgresPair {
  readonly available: boolean;
  /** The schema's `postgres://…?schema=` URL, for child processes. */
  readonly url: string;
  readonly a: Database;
  readonly b: Database;
}

export async function postgresPair(prefix: string): Promise<PostgresPair> {
  const available = await postgresAvailable();
  let schema: PostgresSchema | undefined;
  let a: Database | undefined;
  let b: Database | undefined;

  beforeAll(async () => {
    if (!available) return;
    schema = await migratedPostgresSchema(prefix);
    a = await openPostgres(schema.url);
    b = await openPostgres(schema.url);
  });

  afterAll(async () => {
    if (!available) return;
    await Promise.all([a?.close(), b?.close()]);
    await schema?.drop();
  });

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the PostgreSQL pair is only ready inside tests');
    return value;
  };
  return {
    available,
    get url() {
      return ready(schema).url;
    },
    get a() {
      return ready(a);
    },
    get b() {
      return ready(b);
    },
  };
}
