// `npm run backup -- <file>`: a backup of the embedded database (DATA_DIR), taken through the
// running bot when there is one. The encryption key is NOT in it: keep the key apart.
// For a PostgreSQL server, use pg_dump (docs/operations.md).
import { PGlite } from '@electric-sql/pglite';
import { loadConfig, withDotEnv } from '../src/config.ts';
import { backUp, keyWarning } from '../src/ops/backup.ts';

const file = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
if (!file) {
  console.error('Say where to write the backup: npm run backup -- ./backups/peerbridge-2026-12-01.tar.gz');
  process.exit(1);
}
const config = loadConfig(withDotEnv(process.env));
if (config.database.kind !== 'pglite-dir') {
  console.error(
    'npm run backup is for the embedded database in DATA_DIR. For a PostgreSQL server, use pg_dump (see docs/operations.md).',
  );
  process.exit(1);
}
try {
  const outcome = await backUp(config.dataDir, file, (folder) => PGlite.create(folder));
  console.log(
    `Backup written to ${file} (${outcome.bytes} bytes, ${outcome.by === 'running-bot' ? 'by the running bot' : 'with the bot stopped'}).`,
  );
  console.warn(
    `WARNING: ${keyWarning(config.encryptionKey ? 'ENCRYPTION_KEY' : `${config.dataDir}/encryption.key`)}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
