// Where the field-encryption key comes from: ENCRYPTION_KEY when set; otherwise, for the
// embedded database, a key file made once (mode 0600) beside the data. A PostgreSQL server
// may serve several replicas, which must all share one key, so there the key must be given.

// During a rotation of the embedded database's key (`npm run keys:rotate`) the key file holds
// the new key on its first line and the keys being replaced on the lines after it, so a start
// half-way through still reads every row; the rotation drops them once every row is rewritten.
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../config.ts';
import { ensurePrivateDir } from './private-dir.ts';

export const KEY_FILE_NAME = 'encryption.key';

export interface ResolvedKey {
  readonly key: Buffer;
  readonly source: 'environment' | 'key-file' | 'new-key-file' | 'ephemeral';
  readonly path?: string;
  /** Keys a rotation of the key file is replacing: they still decrypt, never encrypt. */
  readonly old: readonly Buffer[];
}

/** The data folder's key file, whether or not ENCRYPTION_KEY overrides it. */
export const keyFilePath = (config: Pick<Config, 'dataDir'>): string =>
  join(resolve(config.dataDir), KEY_FILE_NAME);

/** The keys in a key file, current first; throws a clear sentence when one is not a key. */
export function readKeyFile(path: string): { readonly current: Buffer; readonly old: readonly Buffer[] } {
  const mode = statSync(path).mode & 0o777;
  if (mode & 0o077) chmodSync(path, 0o600);
  const keys = readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => Buffer.from(line, 'base64'));
  const [current, ...old] = keys;
  if (!current || keys.some((key) => key.length !== 32)) {
    throw new Error(
      `The key file ${path} does not hold a 32-byte base64 key. Restore it from your backup; do not delete it, or private text is lost.`,
    );
  }
  return { current, old };
}

/**
 * Replaces the key file in one step: a new file beside it (mode 0600), flushed, renamed over
 * the old one, so a crash leaves either the old file or the new one, never half of either.
 */
export function writeKeyFile(path: string, current: Buffer, old: readonly Buffer[] = []): void {
  const temporary = `${path}.${process.pid}.tmp`;
  const text = [current, ...old].map((key) => `${key.toString('base64')}\n`).join('');
  writeFileSync(temporary, text, { mode: 0o600, flag: 'w' });
  const file = openSync(temporary, 'r');
  try {
    fsyncSync(file);
  } finally {
    closeSync(file);
  }
  renameSync(temporary, path);
  const folder = openSync(dirname(path), 'r');
  try {
    fsyncSync(folder);
  } finally {
    closeSync(folder);
  }
}

export function resolveEncryptionKey(
  config: Pick<Config, 'encryptionKey' | 'database' | 'dataDir'>,
): ResolvedKey {
  if (config.encryptionKey) return { key: config.encryptionKey, source: 'environment', old: [] };
  switch (config.database.kind) {
    case 'pglite-memory':
      // Nothing outlives the process, so neither needs the key.
      return { key: randomBytes(32), source: 'ephemeral', old: [] };
    case 'postgres':
      throw new Error(
        'ENCRYPTION_KEY is needed with a PostgreSQL server, so every replica reads private text with the same key. ' +
          'Make one with `openssl rand -base64 32` and keep it safe: without it, private text cannot be read.',
      );
    case 'pglite-dir': {
      const dir = resolve(config.dataDir);
      const path = join(dir, KEY_FILE_NAME);
      if (existsSync(path)) {
        const { current, old } = readKeyFile(path);
        return { key: current, source: 'key-file', path, old };
      }
      ensurePrivateDir(dir);
      const key = randomBytes(32);
      writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      return { key, source: 'new-key-file', path, old: [] };
    }
  }
}
