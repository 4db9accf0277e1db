// `npm run resources -- import|export <file>`: imports or exports the shared resource store on
// the configured database (see src/features/resources/cli.ts for the options).
import { ConfigError, loadConfig, withDotEnv } from '../src/config.ts';
import { runResourcesCli } from '../src/features/resources/index.ts';
import { createLogger } from '../src/logger.ts';
import { openStorage } from '../src/open-storage.ts';

try {
  const config = loadConfig(withDotEnv(process.env));
  const storage = await openStorage(config, createLogger({ ...config.log, level: 'warn' }));
  try {
    process.exitCode = await runResourcesCli(storage.db.prisma, process.argv.slice(2), console);
  } finally {
    await storage.db.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
// The WASM schema engine leaves a timer behind after migrating (see src/main.ts).
process.exit();
