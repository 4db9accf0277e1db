// `npm run mattermost:setup`: registers `/peer` in every team the bot account is in, pointing
// at MATTERMOST_CALLBACK_URL (the same the bot does at start), and logs where it did. Reads the
// MATTERMOST_* settings like the app does (environment, then .env). It prints no token: each
// command's token stays on the server, and the bot reads it from there at start.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { registerCommands } from '../src/adapters/mattermost/mattermost-commands.ts';
import { mattermostPaths } from '../src/adapters/mattermost/mattermost-http.ts';
import { MattermostRest } from '../src/adapters/mattermost/mattermost-rest.ts';
import {
  ConfigError,
  loadConfig,
  type MattermostConfig,
  withDotEnv,
  withSecretFiles,
} from '../src/config.ts';
import { createLogger, type Logger } from '../src/logger.ts';
import { commandTableWithoutDatabase } from './slack-manifest.ts';

/** Registers /peer where it is missing; answers how many teams have it now. */
export async function mattermostSetup(config: MattermostConfig, logger: Logger): Promise<number> {
  const root = commandTableWithoutDatabase().root;
  const tokens = await registerCommands(
    new MattermostRest(config.url, config.token),
    {
      trigger: root.name,
      url: `${config.callbackUrl}${mattermostPaths.command}`,
      description: root.description,
    },
    logger,
  );
  return tokens.length;
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));

if (invokedDirectly) {
  try {
    const config = loadConfig(withSecretFiles(withDotEnv(process.env)));
    if (!config.mattermost) {
      process.stderr.write(
        'Set MATTERMOST_URL, MATTERMOST_TOKEN and MATTERMOST_CALLBACK_URL first (docs/platforms/mattermost.md).\n',
      );
      process.exitCode = 1;
    } else {
      const ready = await mattermostSetup(
        config.mattermost,
        createLogger({ ...config.log, format: 'pretty' }),
      );
      process.stdout.write(
        ready > 0 ? `/peer is ready in ${ready} team(s).\n` : 'No team has /peer yet: see above.\n',
      );
      process.exitCode = ready > 0 ? 0 : 1;
    }
  } catch (error) {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : `Could not reach Mattermost: ${String(error)}`}\n`,
    );
    process.exitCode = 1;
  }
}
