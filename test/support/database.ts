// Databases for tests: a clone of the migrated PGlite template (fast, isolated per call), and
// a fresh schema on the PostgreSQL server on 127.0.0.1:5432 when there is one. On CI (any
// non-empty CI other than false/0) a missing server is an error, not a skip: CI must exercise
// PostgreSQL.

import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Socket } from 'node:net';
import { dirname, join } from 'node:path';
import type { PGliteOptions } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/index.ts';
import { createPglite, databaseOnPglite } from '../../src/db/pglite.ts';
import { isCi } from './ci.ts';

export { isCi };

let templateBytes: Promise<Buffer> | undefined;

/**
 * PGlite's compiled WASM and its file-system bundle, read and compiled once per test worker:
 * left to itself, every PGlite compiles its 9 MB module and reads its 6 MB bundle again, about
 * a quarter of a clone's time.
 */
type WasmModule = NonNullable<PGliteOptions['pgliteWasmModule']>;
let engine: Promise<{ pgliteWasmModule: WasmModule; fsBundle: Blob }> | undefined;
// The project's TypeScript libs leave out the WebAssembly global that Node has.
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WasmModule> } })
  .WebAssembly;

function pgliteEngine() {
  engine ??= (async () => {
    const dist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const [code, bundle] = await Promise.all([
      readFile(join(dist, 'pglite.wasm')),
      readFile(join(dist, 'pglite.data')),
    ]);
    return { pgliteWasmModule: await wasm.compile(code), fsBundle: new Blob([bundle]) };
  })();
  return engine;
}

/**
 * An empty embedded PostgreSQL with no migrations applied (for tests of the migrations
 * themselves), on the worker's compiled engine. Close it when done.
 */
export async function freshPglite() {
  return createPglite(undefined, await pgliteEngine());
}

/** A migrated, empty embedded database of its own. Close it in afterAll/afterEach. */
export async function clonedDatabase(): Promise<Database> {
  templateBytes ??= readFile(inject('pgliteTemplatePath'));
  const pglite = await createPglite(undefined, {
    loadDataDir: new Blob([await templateBytes]),
    ...(await pgliteEngine()),
  });
  return databaseOnPglite(pglite);
}

/**
 * Empties every table but the migrations' own, so the next test starts from a just-migrated
 * database: a world of its own for a fraction of a clone's cost. Triggers are off meanwhile
 * (`session_replication_role = replica`), so the audit log's append-only guard lets the
 * truncate through; that needs a superuser, which PGlite's one role and the test server's are.
 */
export async function emptyDatabase(db: Database): Promise<void> {
  const truncate = await truncateStatement(db);
  await db.prisma.$transaction([
    db.prisma.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`),
    db.prisma.$executeRawUnsafe(truncate),
  ]);
}

// The tables of a database do not change between its tests, and asking information_schema
// costs more than the truncate itself on PGlite: ask once per database.
const truncateStatements = new WeakMap<Database, Promise<string>>();
function truncateStatement(db: Database): Promise<string> {
  let statement = truncateStatements.get(db);
  if (!statement) {
    statement = db.prisma.$queryRaw<{ name: string }[]>`
        SELECT quote_ident(table_name) AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
          AND table_name <> '_prisma_migrations'`.then(
      (tables) => `TRUNCATE ${tables.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`,
    );
    truncateStatements.set(db, statement);
  }
  return statement;
}

export const POSTGRES_TEST_URL = 'postgresql://postgres@127.0.0.1:5432/test';

function reachable(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/**
 * Whether the PostgreSQL suites run. On CI the server must be there: a missing one throws,
 * loudly, instead of letting the suites skip and the run stay green.
 */
export async function postgresAvailable(): Promise<boolean> {
  const ok = await reachable('127.0.0.1', 5432);
  if (!ok && isCi(process.env.CI)) {
    throw new Error(
      `CI=${process.env.CI} but no PostgreSQL server answers on 127.0.0.1:5432: the PostgreSQL suites must run on CI. Start it (pg_ctlcluster 15 main start).`,
    );
  }
  if (!ok)
    console.warn(
      '[peerbridge tests] No PostgreSQL on 127.0.0.1:5432: skipping the PostgreSQL suites (they run on CI).',
    );
  return ok;
}

export interface PostgresSchema {
  readonly url: string;
  readonly schema: string;
  drop(): Promise<void>;
}

/** A schema of its own on the test server (`?schema=`), dropped by `drop()`. */
export function freshPostgresSchema(prefix = 'pb_test'): PostgresSchema {
  const schema = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  return {
    url: `${POSTGRES_TEST_URL}?schema=${schema}`,
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

export async function openPostgres(url: string): Promise<Database> {
  return openDatabase({ kind: 'postgres', url });
}
