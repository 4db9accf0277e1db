export {
  createPglite,
  type Database,
  databaseOnPglite,
  openDatabase,
  type PrismaClient,
  pgliteAdapterFactory,
} from './connect.ts';
export { KEY_FILE_NAME, type ResolvedKey, resolveEncryptionKey } from './encryption-key.ts';
export {
  createFieldCipher,
  type FieldCipher,
  TamperedError,
  WrongKeyError,
} from './field-crypto.ts';
export * as Db from './generated/client.ts';
export {
  DatabaseAheadError,
  defaultMigrationsDir,
  diffMigrationsToSchema,
  migrate,
  readMigrations,
} from './migrations.ts';
export { type EventDeduplicator, processedEvents } from './processed-events.ts';
