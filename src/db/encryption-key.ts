// Where the field-encryption key comes from: ENCRYPTION_KEY when set; otherwise, for the
// embedded database, a key file made once (mode 0600) beside the data. A PostgreSQL server
// may serve several replicas, which must all share one key, so there the key must be given.

import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config.ts';
import { ensurePrivateDir } from './private-dir.ts';

export const KEY_FILE_NAME = 'encryption.key';

export interface ResolvedKey {
  readonly key: Buffer;
  readonly source: 'environment' | 'key-file' | 'new-key-file' | 'ephemeral';
  readonly path?: string;
}

export function resolveEncryptionKey(
  config: Pick<Config, 'encryptionKey' | 'database' | 'dataDir'>,
): ResolvedKey {
  if (config.encryptionKey) return { key: config.encryptionKey, source: 'environment' };
  switch (config.database.kind) {
    case 'pglite-memory':
      // Nothing outlives the process, so neither needs the key.
      return { key: randomBytes(32), source: 'ephemeral' };
    case 'postgres':
      throw new Error(
        'ENCRYPTION_KEY is needed with a PostgreSQL server, so every replica reads private text with the same key. ' +
          'Make one with `openssl rand -base64 32` and keep it safe: without it, private text cannot be read.',
      );
    case 'pglite-dir': {
      const dir = resolve(config.dataDir);
      const path = join(dir, KEY_FILE_NAME);
      if (existsSync(path)) {
        const mode = statSync(path).mode & 0o777;
        if (mode & 0o077) chmodSync(path, 0o600);
        const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
        if (key.length !== 32) {
          throw new Error(
            `The key file ${path} does not hold a 32-byte base64 key. Restore it from your backup; do not delete it, or private text is lost.`,
          );
        }
        return { key, source: 'key-file', path };
      }
      ensurePrivateDir(dir);
      const key = randomBytes(32);
      writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      return { key, source: 'new-key-file', path };
    }
  }
}
