// Composition root: config -> logger -> database -> features -> adapters -> scheduler.
import { type Config, ConfigError, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { openStorage, type Storage } from './open-storage.ts';

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.log);
  let storage: Storage;
  try {
    storage = await openStorage(config, logger);
  } catch (error) {
    logger.fatal(
      { event: 'startup.failed', err: error },
      error instanceof Error ? error.message : 'Start-up failed',
    );
    process.exit(1);
  }
  logger.info(
    { event: 'startup.no_platform' },
    'No platform is configured (SLACK_BOT_TOKEN or DISCORD_TOKEN). The database is ready; see README.md to connect Slack or Discord.',
  );
  await storage.db.close();
  // The WASM schema engine leaves a timer behind after migrating; nothing else is pending.
  process.exit(0);
}

await main();
