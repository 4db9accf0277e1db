// Databases for tests: a clone of the migrated PGlite template (fast, isolated per call), and
// a fresh schema on the PostgreSQL server on 127.0.0.1:5432 when there is one. On CI (any
// non-empty CI other than false/0) a missing server is an error, not a skip: CI must exercise
// PostgreSQL.

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, ensurePrivateDir, openDatabase } from '../../src/db/index.ts';
import { createPglite, databaseOnPglite, pgliteSettings } from '../../src/db/pglite.ts';
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

export function pgliteEngine() {
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

/**
 * Embedded databases a test closed, emptied and kept for the next one in this worker. Opening
 * a clone costs about 300 ms of CPU (unpacking the 42 MB template and starting PostgreSQL);
 * emptying a used one, a fifth of that. A closed clone is reset as a new connection would find
 * it (`DISCARD ALL`: settings, locks, prepared statements, LISTEN) and emptied by
 * `emptyDatabase`, so the next test cannot tell it from a fresh clone; one that cannot be
 * reset (closed under the test, a broken transaction) is closed for good instead.
 */
const idle: PGlite[] = [];
/** Enough for a test with a few apps on their own databases; more would only hold memory. */
const KEEP_IDLE = 3;

async function newClone(): Promise<PGlite> {
  templateBytes ??= readFile(inject('pgliteTemplatePath'));
  return createPglite(undefined, {
    loadDataDir: new Blob([await templateBytes]),
    // The app's own settings (shared_buffers 16 MB): a clone on PostgreSQL's default 128 MB
    // spends about 40% longer starting, touching buffers no test needs.
    startParams: [...PGlite.defaultStartParams, ...pgliteSettings.flatMap((s) => ['-c', s])],
    ...(await pgliteEngine()),
  });
}

// Every clone has the template's tables: their truncate is worked out once per worker.
let cloneTruncate: Promise<string> | undefined;

async function recycle(pglite: PGlite): Promise<void> {
  if (pglite.closed) return;
  try {
    if (idle.length >= KEEP_IDLE) throw new Error('enough kept');
    // A test stopped mid-transaction leaves it open; ROLLBACK outside one only warns.
    await pglite.exec('ROLLBACK');
    await pglite.exec('DISCARD ALL');
    cloneTruncate ??= pglite
      .query<{ name: string }>(tablesQuery)
      .then(({ rows }) => truncateOf(rows.map((r) => r.name)));
    await pglite.exec(`BEGIN; SET LOCAL session_replication_role = replica; ${await cloneTruncate}; COMMIT;`);
    idle.push(pglite);
  } catch {
    await pglite.close();
  }
}

/**
 * Puts a migrated, empty embedded database in DATA_DIR (`<dataDir>/pglite`), as a bot that ran
 * once and stopped leaves it: a process started on it skips creating and migrating one (seconds
 * of the schema engine), which tests of something else than the first start need not pay. The
 * template is a tar of a data folder, unpacked here as PGlite's `loadDataDir` would, without
 * starting PostgreSQL (that and its close cost about 2 s).
 */
export async function migratedDataDir(dataDir: string): Promise<void> {
  const folder = join(dataDir, 'pglite');
  ensurePrivateDir(dataDir);
  ensurePrivateDir(folder);
  await promisify(execFile)('tar', ['-xf', inject('pgliteTemplatePath'), '-C', folder]);
}

/** A migrated, empty embedded database of its own. Close it in afterAll/afterEach. */
export async function clonedDatabase(): Promise<Database> {
  const pglite = idle.pop() ?? (await newClone());
  const db = databaseOnPglite(pglite);
  return {
    ...db,
    async close() {
      await db.prisma.$disconnect();
      await recycle(pglite);
    },
  };
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

/** What every table of a database held at one moment, for `restoreDatabase`. */
export interface DatabaseSnapshot {
  /** The tables that held rows, each with its rows as one JSON array. */
  readonly tables: readonly { readonly name: string; readonly rows: string }[];
}

/**
 * Every row of every table but the migrations' own: a world built once (a team set up through
 * the real commands) that each test then starts from with `restoreDatabase`, for the cost of a
 * few inserts instead of replaying the commands.
 */
export async function snapshotDatabase(db: Database): Promise<DatabaseSnapshot> {
  const tables: { name: string; rows: string }[] = [];
  for (const name of await tableNames(db)) {
    const [found] = await db.prisma.$queryRawUnsafe<{ rows: string | null }[]>(
      `SELECT json_agg(t)::text AS rows FROM ${name} t`,
    );
    if (found?.rows) tables.push({ name, rows: found.rows });
  }
  return { tables };
}

/**
 * Empties the database (as `emptyDatabase`) and puts back the rows of `snapshot`, in one
 * transaction. Triggers and foreign keys are off meanwhile (`session_replication_role =
 * replica`), so tables go back in any order and no trigger rewrites what was saved.
 */
export async function restoreDatabase(db: Database, snapshot: DatabaseSnapshot): Promise<void> {
  const truncate = await truncateStatement(db);
  await db.prisma.$transaction([
    db.prisma.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`),
    db.prisma.$executeRawUnsafe(truncate),
    ...snapshot.tables.map(({ name, rows }) =>
      db.prisma.$executeRawUnsafe(
        `INSERT INTO ${name} SELECT * FROM json_populate_recordset(NULL::${name}, $1::json)`,
        rows,
      ),
    ),
  ]);
}

const tablesQuery = `SELECT quote_ident(table_name) AS name FROM information_schema.tables
  WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
    AND table_name <> '_prisma_migrations'`;
const truncateOf = (tables: string[]) => `TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`;

// The tables of a database do not change between its tests, and asking information_schema
// costs more than the truncate itself on PGlite: ask once per database.
const tableLists = new WeakMap<Database, Promise<string[]>>();
function tableNames(db: Database): Promise<string[]> {
  let names = tableLists.get(db);
  if (!names) {
    names = db.prisma
      .$queryRawUnsafe<{ name: string }[]>(tablesQuery)
      .then((tables) => tables.map((t) => t.name));
    tableLists.set(db, names);
  }
  return names;
}
const truncateStatements = new WeakMap<Database, Promise<string>>();
function truncateStatement(db: Database): Promise<string> {
  let statement = truncateStatements.get(db);
  if (!statement) {
    statement = tableNames(db).then(truncateOf);
    truncateStatements.set(db, statement);
  }
  return statement;
}

export const POSTGRES_TEST_URL = 'postgresql://postgres@127.0.0.1:5432/test';

export function reachable(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
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

/**
 * Settings for every connection to a test schema. JIT off: the test server's PostgreSQL has
 * it on (the default), and a fresh schema's tables have no statistics, so the planner's guesses
 * for the resource search (about 1000 words per query, every row of every table) cross
 * jit_above_cost and each search spends 300 to 500 ms compiling itself for 5 ms of work
 * (EXPLAIN ANALYZE: "Timing: ... Emission 460 ms"); ANALYZE does not bring it under. It changes
 * how fast a statement runs, never what it answers.
 */
const POSTGRES_TEST_SETTINGS = '-c jit=off';

/** A schema of its own on the test server (`?schema=`), dropped by `drop()`. */
export function freshPostgresSchema(prefix = 'pb_test'): PostgresSchema {
  const schema = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  return {
    url: `${POSTGRES_TEST_URL}?schema=${schema}&options=${encodeURIComponent(POSTGRES_TEST_SETTINGS)}`,
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
