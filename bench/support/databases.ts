// The databases a benchmark runs on: an embedded one (a copy of a migrated data folder, so
// each run starts from an existing database as a restart would) and a fresh schema on the
// PostgreSQL server on 127.0.0.1:5432 when one answers.
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/test';
/** Benchmarks never share keys with anything: a fixed throw-away key keeps runs comparable. */
export const BENCH_ENCRYPTION_KEY = randomBytes(32).toString('hex');

export interface BenchDatabase {
  readonly label: 'PGlite' | 'PostgreSQL';
  /** Environment for the app: DATA_DIR or DATABASE_URL, and the key. */
  readonly env: Readonly<Record<string, string>>;
  drop(): Promise<void>;
}

export function postgresReachable(timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(5432, '127.0.0.1', () => done(true));
  });
}

export function freshPostgres(prefix: string): BenchDatabase {
  const schema = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  return {
    label: 'PostgreSQL',
    env: { DATABASE_URL: `${POSTGRES_URL}?schema=${schema}`, ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY },
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A fresh temporary folder for a new embedded database. */
export async function newDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'peerbridge-bench-'));
}

/** A copy of `template` (a migrated DATA_DIR), so each run opens an existing database. */
export async function embeddedCopy(template: string): Promise<BenchDatabase> {
  const dir = await newDataDir();
  await cp(template, dir, { recursive: true });
  return {
    label: 'PGlite',
    env: { DATA_DIR: dir, ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY },
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}
