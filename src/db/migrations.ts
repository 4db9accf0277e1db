// Standard Prisma migration folders (prisma/migrations/<name>/migration.sql), applied offline
// through the WASM schema engine. The engine records them in `_prisma_migrations` exactly as
// `prisma migrate deploy` does, so a user with internet can still use the Prisma CLI.
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import type { DatabaseTarget } from '../config.ts';
import { type Database, postgresAdapterArgs } from './connect.ts';
import { openSchemaEngine } from './schema-engine.mjs';

/** The folder holding package.json: src/db/ under tsx, dist/ (a bundle) in production. */
function findProjectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return resolve(from, '..', '..');
    dir = parent;
  }
  return dir;
}

const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
export const defaultMigrationsDir = join(projectRoot, 'prisma', 'migrations');
export const defaultSchemaPath = join(projectRoot, 'prisma', 'schema.prisma');

const noFilters = { externalTables: [], externalEnums: [] };

/** The database holds migrations this code does not have: it was migrated by a newer version. */
export class DatabaseAheadError extends Error {
  constructor(readonly unknownMigrations: readonly string[]) {
    super(
      `The database has ${unknownMigrations.length} migration(s) this version of PeerBridge does not know: ${unknownMigrations.join(', ')}. ` +
        'It was used by a newer version. Update this checkout (git pull, npm install), or point DATABASE_URL / DATA_DIR at another database. Nothing was changed.',
    );
    this.name = 'DatabaseAheadError';
  }
}

export async function readMigrations(dir: string = defaultMigrationsDir): Promise<MigrationList> {
  const names = existsSync(dir)
    ? (await readdir(dir, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockPath = join(dir, 'migration_lock.toml');
  return {
    baseDir: dir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      names.map(async (name) => {
        const file = join(dir, name, 'migration.sql');
        return {
          path: name,
          migrationFile: {
            path: 'migration.sql',
            content: existsSync(file)
              ? { tag: 'ok' as const, value: await readFile(file, 'utf8') }
              : { tag: 'error' as const, value: `${file} is missing` },
          },
        };
      }),
    ),
  };
}

async function appliedMigrationNames(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const adapter = await factory.connect();
  try {
    const exists = await adapter.queryRaw({
      sql: "SELECT to_regclass('_prisma_migrations')::text AS name",
      args: [],
      argTypes: [],
    });
    if (exists.rows[0]?.[0] === null || exists.rows[0]?.[0] === undefined) return [];
    const result = await adapter.queryRaw({
      sql: 'SELECT migration_name FROM _prisma_migrations WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL',
      args: [],
      argTypes: [],
    });
    return result.rows.map((row) => String(row[0]));
  } finally {
    await adapter.dispose();
  }
}

/** Makes the schema `?schema=` names, when it is not there yet (exported for its race test). */
export async function ensureSchema(db: Database): Promise<void> {
  if (db.target.kind !== 'postgres') return;
  const schema = new URL(db.target.url).searchParams.get('schema');
  if (!schema) return;
  const adapter = await db.adapterFactory.connect();
  try {
    // Looked up first: a runtime role that does not own the database may not CREATE, even
    // "IF NOT EXISTS" (the privilege is checked before the name).
    const exists = async () =>
      (
        await adapter.queryRaw({
          sql: 'SELECT 1 FROM pg_namespace WHERE nspname = $1',
          args: [schema],
          argTypes: [{ scalarType: 'string', arity: 'scalar' }],
        })
      ).rows.length > 0;
    if (await exists()) return;
    try {
      await adapter.executeScript(`CREATE SCHEMA IF NOT EXISTS "${schema.replaceAll('"', '""')}"`);
    } catch (error) {
      // Replicas started together all find no schema and all create it: PostgreSQL lets one
      // through and answers the others with a unique violation, "IF NOT EXISTS" or not. The
      // schema is there all the same, which is all a start needs.
      if (await exists()) return;
      throw error;
    }
  } finally {
    await adapter.dispose();
  }
}

/**
 * Applies the migrations the database has not seen yet; returns their names (empty when up
 * to date). Refuses, changing nothing, when the database is ahead of this code.
 */
export async function migrate(db: Database, dir: string = defaultMigrationsDir): Promise<string[]> {
  await ensureSchema(db);
  const migrationsList = await readMigrations(dir);
  const known = new Set(migrationsList.migrationDirectories.map((m) => m.path));
  const alreadyApplied = new Set(await appliedMigrationNames(db.adapterFactory));
  const unknown = [...alreadyApplied].filter((name) => !known.has(name));
  if (unknown.length > 0) throw new DatabaseAheadError(unknown.sort());
  // Up to date (the usual start): skip the schema engine. Loading its 5 MB of WASM costs about
  // 0.5 s and 60 MB on every start for nothing. A failed migration has no finished_at, so it
  // counts as pending and the engine reports it.
  if ([...known].every((name) => alreadyApplied.has(name))) return [];
  // On a server the engine runs in a child process, so what it costs is given back when it
  // ends (migrate-process.mjs). An embedded database has one owner, this process: it migrates here.
  if (db.target.kind === 'postgres') return applyInChildProcess(db.target, migrationsList);
  const { engine, close } = await openSchemaEngine(db.adapterFactory);
  try {
    const { appliedMigrationNames: applied } = await engine.applyMigrations({
      migrationsList,
      filters: noFilters,
    });
    return applied;
  } finally {
    await close();
  }
}

type ChildReply = { applied: string[] } | { error: string };

function applyInChildProcess(
  target: Extract<DatabaseTarget, { kind: 'postgres' }>,
  migrationsList: MigrationList,
): Promise<string[]> {
  // Beside this module: src/db/ under tsx and tests, dist/ (copied there by the build) in production.
  const child = fork(fileURLToPath(new URL('./migrate-process.mjs', import.meta.url)), [], {
    // Baseline WASM compiler only: one run of the engine gains nothing from optimized code.
    execArgv: ['--liftoff-only'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let reply: ChildReply | undefined;
    child.once('message', (message: ChildReply) => {
      reply = message;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (reply && 'applied' in reply) resolve(reply.applied);
      else if (reply) reject(new Error(reply.error));
      else
        reject(new Error(`The migration process ended (${signal ?? `exit code ${code}`}) without an answer`));
    });
    child.send({ pg: postgresAdapterArgs(target.url), migrationsList });
  });
}

/**
 * The SQL that takes the migrations folder to the schema: what the next migration must hold,
 * or an empty string when they agree. Uses a throw-away in-memory PGlite as the shadow database.
 */
export async function diffMigrationsToSchema(
  shadow: SqlMigrationAwareDriverAdapterFactory,
  options: { migrationsDir?: string; schemaPath?: string } = {},
): Promise<string> {
  const schemaPath = options.schemaPath ?? defaultSchemaPath;
  const content = await readFile(schemaPath, 'utf8');
  const migrationsList = await readMigrations(options.migrationsDir ?? defaultMigrationsDir);
  const { engine, close } = await openSchemaEngine(shadow, { path: schemaPath, content });
  try {
    const from =
      migrationsList.migrationDirectories.length === 0
        ? { tag: 'empty' as const }
        : { tag: 'migrations' as const, ...migrationsList };
    const result = await engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const sql = result.stdout ?? '';
    return /^\s*(--\s*This is an empty migration\.?\s*)?$/.test(sql) ? '' : sql;
  } finally {
    await close();
  }
}
