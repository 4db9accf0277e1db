// Opens the database, migrates it and resolves the encryption key: the part of start-up that
// `npm start` and `npm run db:migrate` share.
import type { Config } from './config.ts';
import {
  assertKeyFits,
  createKeyRing,
  type Database,
  type FieldCipher,
  migrate,
  openDatabase,
  resolveEncryptionKey,
} from './db/index.ts';
import type { Logger } from './logger.ts';

export interface Storage {
  readonly db: Database;
  readonly cipher: FieldCipher;
}

export async function openStorage(
  config: Config,
  logger: Logger,
  /** `keys:rotate` on the embedded database: the key it rotates to and those it replaces. */
  keys?: { readonly current: Buffer; readonly old: readonly Buffer[] },
): Promise<Storage> {
  const key = keys
    ? { ...keys, key: keys.current, source: 'key-file' as const }
    : resolveEncryptionKey(config);
  if (key.source === 'new-key-file') {
    logger.warn(
      { event: 'encryption.key_created', path: key.path },
      `Created a new encryption key at ${key.path}. Back it up: without it, private text in this database cannot be read.`,
    );
  }
  const started = Date.now();
  logger.info({ event: 'db.opening', kind: config.database.kind }, 'Opening the database');
  const db = await openDatabase(config.database);
  try {
    const applied = await migrate(db);
    logger.info(
      { event: 'db.migrated', applied, ms: Date.now() - started },
      applied.length > 0 ? `Applied ${applied.length} migration(s)` : 'Database is up to date',
    );
    // Keys a key-file rotation is replacing still read; so do ENCRYPTION_KEYS_OLD.
    const ring = createKeyRing(key.key, [...key.old, ...config.oldEncryptionKeys]);
    await assertKeyFits(db.prisma, ring);
    return { db, cipher: ring };
  } catch (error) {
    await db.close();
    throw error;
  }
}
