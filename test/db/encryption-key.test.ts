import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_FILE_NAME, resolveEncryptionKey } from '../../src/db/index.ts';

let dir: string | undefined;
async function newDir(): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'pb-key-'));
  return dir;
}
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('where the encryption key comes from', () => {
  it('makes a 0600 key file on the first embedded start and reuses it after', async () => {
    dir = await mkdtemp(join(tmpdir(), 'pb-key-'));
    const first = resolveEncryptionKey({ database: { kind: 'pglite-dir', dataDir: dir }, dataDir: dir });
    expect(first.source).toBe('new-key-file');
    expect((await stat(join(dir, KEY_FILE_NAME))).mode & 0o777).toBe(0o600);
    const second = resolveEncryptionKey({ database: { kind: 'pglite-dir', dataDir: dir }, dataDir: dir });
    expect(second.source).toBe('key-file');
    expect(second.key.equals(first.key)).toBe(true);
    expect((await readFile(join(dir, KEY_FILE_NAME), 'utf8')).trim()).toBe(first.key.toString('base64'));
  });

  it('prefers ENCRYPTION_KEY and writes no file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'pb-key-'));
    dir = folder;
    const key = randomBytes(32);
    const resolved = resolveEncryptionKey({
      encryptionKey: key,
      database: { kind: 'pglite-dir', dataDir: folder },
      dataDir: folder,
    });
    expect(resolved.source).toBe('environment');
    await expect(stat(join(folder, KEY_FILE_NAME))).rejects.toThrow();
  });

  it('requires ENCRYPTION_KEY on a PostgreSQL server, so replicas share it', () => {
    expect(() =>
      resolveEncryptionKey({ database: { kind: 'postgres', url: 'postgres://x' }, dataDir: '.' }),
    ).toThrow(/ENCRYPTION_KEY is needed/);
  });

  it('refuses a damaged key file instead of making a new key', async () => {
    const folder = await newDir();
    await writeFile(join(folder, KEY_FILE_NAME), 'not a key');
    expect(() =>
      resolveEncryptionKey({ database: { kind: 'pglite-dir', dataDir: folder }, dataDir: folder }),
    ).toThrow(/does not hold a 32-byte/);
  });
});
