// `npm run restore -- <file> [--force]`: puts a backup back into DATA_DIR, with the bot
// stopped. The backup is unpacked beside the database and checked (it opens, migrates, and the
// key reads its private text) before it takes the database's place; a damaged one changes
// nothing. An existing database is moved aside (renamed, never deleted) only with --force.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, withDotEnv } from '../src/config.ts';
import { createKeyRing, KEY_FILE_NAME, resolveEncryptionKey } from '../src/db/index.ts';
import { createLogger } from '../src/logger.ts';
import { openStorage } from '../src/open-storage.ts';
import { restoreChecked } from '../src/ops/restore-check.ts';

const file = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
if (!file) {
  console.error('Say which backup to restore: npm run restore -- ./backups/peerbridge-2026-12-01.tar.gz');
  process.exit(1);
}
const config = loadConfig(withDotEnv(process.env));
if (config.database.kind !== 'pglite-dir') {
  console.error(
    'npm run restore is for the embedded database in DATA_DIR. For a PostgreSQL server, use pg_restore (see docs/operations.md).',
  );
  process.exit(1);
}
if (!config.encryptionKey && !existsSync(join(config.dataDir, KEY_FILE_NAME))) {
  console.error(
    `Put the encryption key back first (${join(config.dataDir, KEY_FILE_NAME)} from where you keep it, or set ENCRYPTION_KEY): without it the private text in the backup cannot be read.`,
  );
  process.exit(1);
}
try {
  const key = resolveEncryptionKey(config);
  const ring = createKeyRing(key.key, [...key.old, ...config.oldEncryptionKeys]);
  const result = await restoreChecked(config.dataDir, file, ring, {
    force: process.argv.includes('--force'),
  });
  if (result.movedAside) console.log(`The database that was there is kept at ${result.movedAside}.`);
  const storage = await openStorage(config, createLogger({ ...config.log, level: 'warn' }, process.stderr));
  const members = await storage.db.prisma.member.count();
  await storage.db.close();
  console.log(`Restored ${file} into ${config.dataDir}: it opens, and holds ${members} member(s).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
