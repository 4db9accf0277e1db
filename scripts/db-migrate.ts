// `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL or
// the embedded one in DATA_DIR), offline, and says what it did.
import { ConfigError, loadConfig, withDotEnv } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { openStorage } from '../src/open-storage.ts';

try {
  const config = loadConfig(withDotEnv(process.env));
  const storage = await openStorage(config, createLogger(config.log));
  await storage.db.close();
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
