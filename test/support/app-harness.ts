// Starts the whole app (features, router, adapters, outbox worker, scheduler) on a cloned
// test database, with a config built from the given environment, e.g. SLACK_* pointing at
// the fake Slack. Stop it in afterAll/afterEach.
import { randomBytes } from 'node:crypto';
import { type RunningApp, type StartOptions, startApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createFieldCipher, type Database } from '../../src/db/index.ts';
import { silentLogger } from '../../src/logger.ts';
import type { Storage } from '../../src/open-storage.ts';
import { clonedDatabase } from './database.ts';

export async function startTestApp(
  env: Record<string, string>,
  options: Omit<StartOptions, 'config' | 'logger' | 'storage'> & {
    logger?: StartOptions['logger'];
    /** Runs on the fresh database before the app starts, e.g. to store a schedule that is due. */
    prepare?: (storage: Storage) => Promise<void>;
    /** A migrated database to run on (a PostgreSQL schema); default: a clone of the PGlite template. */
    database?: Database;
  } = {},
): Promise<RunningApp> {
  // The app runs on the cloned in-memory database: the config says so too, so nothing (the
  // playground's remembered people, its saved files) is written to ./data of the checkout.
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: 'memory://', ...env });
  const db = options.database ?? (await clonedDatabase());
  const storage = { db, cipher: createFieldCipher(randomBytes(32)) };
  const { prepare, database: _database, ...start } = options;
  try {
    await prepare?.(storage);
    return await startApp({ ...start, config, logger: options.logger ?? silentLogger, storage });
  } catch (error) {
    await db.close();
    throw error;
  }
}
