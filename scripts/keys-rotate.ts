// `npm run keys:rotate [-- --batch-size 200]`: re-encrypts every private envelope with
// ENCRYPTION_KEY, reading old ones with ENCRYPTION_KEYS_OLD. Safe to stop and run again.
// On the embedded database it also keeps DATA_DIR/encryption.key true (key-file-rotation.ts):
// without ENCRYPTION_KEY it makes the new key there itself.
import { loadConfig, withDotEnv } from '../src/config.ts';
import {
  finishKeyFileRotation,
  type KeyFileRotation,
  type KeyRing,
  keyFilePath,
  prepareKeyFileRotation,
  rotateKeys,
} from '../src/db/index.ts';
import { createLogger } from '../src/logger.ts';
import { openStorage } from '../src/open-storage.ts';

const config = loadConfig(withDotEnv(process.env));
const logger = createLogger({ ...config.log, level: 'warn' }, process.stderr);
const sizeArg = process.argv.indexOf('--batch-size');
const batchSize = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : 200;
if (!Number.isInteger(batchSize) || batchSize < 1) {
  console.error('--batch-size must be a whole number of rows, like 200.');
  process.exit(1);
}
const embedded = config.database.kind === 'pglite-dir';
const keyFile = keyFilePath(config);
const fileRotation: KeyFileRotation | undefined = embedded
  ? prepareKeyFileRotation(keyFile, config.encryptionKey)
  : undefined;
if (fileRotation?.madeNewKey) {
  console.log(
    `Made a new key in ${keyFile}; the old key stays in the file, after it, until every row is re-encrypted. Back the key file up once this finishes.`,
  );
} else if (!fileRotation && config.oldEncryptionKeys.length === 0) {
  console.warn(
    'ENCRYPTION_KEYS_OLD is empty: envelopes made with ENCRYPTION_KEY are brought up to date (bound to their rows); any made with another key are left as they are and counted as unreadable.',
  );
}
const storage = await openStorage(config, logger, fileRotation);
try {
  const ring = storage.cipher as KeyRing;
  console.log(`Re-encrypting with key ${ring.keyId}, reading keys ${ring.keyIds.join(', ')}.`);
  const result = await rotateKeys(storage.db.prisma, ring, {
    batchSize,
    onBatch: (column, counts) => console.log(`  ${column}: ${counts.rotated} re-encrypted so far`),
  });
  let failed = 0;
  for (const [column, counts] of Object.entries(result.counts)) {
    failed += counts.failed;
    console.log(
      `${column}: ${counts.rotated} re-encrypted, ${counts.changedMeanwhile} changed meanwhile (run again), ${counts.failed} unreadable`,
    );
  }
  if (failed > 0) {
    console.error(
      `${failed} envelope(s) could not be read with any configured key; they are unchanged. Add the key they were made with to ENCRYPTION_KEYS_OLD and run again.`,
    );
    process.exitCode = 2;
  } else if (!result.complete) {
    console.log('Stopped before the end; run it again to carry on.');
  } else if (fileRotation) {
    finishKeyFileRotation(keyFile, fileRotation.current);
    console.log(
      `Done. ${keyFile} now holds only the key every row uses${config.encryptionKey ? ' (ENCRYPTION_KEY)' : ''}; backups made before today need the old key.`,
    );
  } else {
    console.log(
      config.oldEncryptionKeys.length > 0
        ? 'Done. Once every replica runs with the new key, remove the old one from ENCRYPTION_KEYS_OLD.'
        : 'Done. Every envelope readable with ENCRYPTION_KEY is current and bound to its row.',
    );
  }
} finally {
  await storage.db.close();
}
