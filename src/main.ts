// Entry point: reads the config, starts the app, and stops it cleanly on a signal or when the
// shell playground closes.
import { startApp } from './app.ts';
import { type Config, ConfigError, loadConfig, withDotEnv, withSecretFiles } from './config.ts';
import { createLogger } from './logger.ts';
import { useBaselineWasmCompiler } from './wasm-compiler.ts';

useBaselineWasmCompiler();

function readConfig(): Config {
  try {
    return loadConfig(withSecretFiles(withDotEnv(process.env)));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfig();
const shellMode =
  process.argv.includes('--shell') || (!config.slack && !config.discord && !config.mattermost);
// In the playground the terminal belongs to the person: logs go to stderr, warnings only,
// unless LOG_LEVEL asks for more.
const logger = createLogger(
  shellMode && !config.log.levelGiven ? { ...config.log, level: 'warn' } : config.log,
  shellMode ? process.stderr : process.stdout,
);

try {
  const app = await startApp({ config, logger, mode: shellMode ? 'shell' : 'auto' });
  const stop = async (reason: string) => {
    logger.info({ event: 'app.stopping', reason }, 'Stopping');
    // The graceful stop has SHUTDOWN_GRACE_MS; past that and a margin, leave anyway.
    setTimeout(() => process.exit(1), config.shutdownGraceMs + 5_000).unref();
    await app.stop();
    // Everything is stopped; exit now rather than wait on a library handle left open.
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.finished;
  await stop('shell closed');
} catch (error) {
  logger.fatal(
    { event: 'startup.failed', err: error },
    error instanceof Error ? error.message : 'Start-up failed',
  );
  process.exit(1);
}
