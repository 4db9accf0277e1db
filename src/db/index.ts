export { type Database, openDatabase, type PrismaClient } from './connect.ts';
export {
  KEY_FILE_NAME,
  keyFilePath,
  type ResolvedKey,
  readKeyFile,
  resolveEncryptionKey,
  writeKeyFile,
} from './encryption-key.ts';
export {
  createFieldCipher,
  type FieldCipher,
  TamperedError,
  WrongKeyError,
} from './field-crypto.ts';
export * as Db from './generated/client.ts';
export { assertKeyFits, KeyDoesNotFitError } from './key-check.ts';
export { finishKeyFileRotation, type KeyFileRotation, prepareKeyFileRotation } from './key-file-rotation.ts';
export { createKeyRing, envelopeKeyId, type KeyRing } from './key-ring.ts';
export { type ColumnCounts, type EncryptedColumn, encryptedColumns, rotateKeys } from './key-rotation.ts';
export {
  DatabaseAheadError,
  defaultMigrationsDir,
  diffMigrationsToSchema,
  migrate,
  readMigrations,
} from './migrations.ts';
export { ensurePrivateDir } from './private-dir.ts';
export { type EventDeduplicator, processedEvents } from './processed-events.ts';
