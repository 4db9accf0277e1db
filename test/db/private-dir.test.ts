// DATA_DIR and its pglite/ folder are the bot's alone (0700), whether the bot makes them or an
// older version left them 0755; so is a folder the key file is made in.
import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, resolveEncryptionKey } from '../../src/db/index.ts';

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = undefined;
});
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('the data folder', () => {
  it('is made 0700 with its pglite/ folder, and an existing 0755 one is tightened', async () => {
    root = await mkdtemp(join(tmpdir(), 'pb-private-'));
    const fresh = join(root, 'new', 'data');
    const db = await openDatabase({ kind: 'pglite-dir', dataDir: fresh });
    await db.close();
    expect(await modeOf(fresh)).toBe(0o700);
    expect(await modeOf(join(fresh, 'pglite'))).toBe(0o700);

    await chmod(fresh, 0o755);
    await chmod(join(fresh, 'pglite'), 0o755);
    const again = await openDatabase({ kind: 'pglite-dir', dataDir: fresh });
    await again.close();
    expect(await modeOf(fresh)).toBe(0o700);
    expect(await modeOf(join(fresh, 'pglite'))).toBe(0o700);
  });

  it('is made 0700 when the key file is the first thing in it', async () => {
    root = await mkdtemp(join(tmpdir(), 'pb-private-'));
    const dataDir = join(root, 'keys-first');
    await mkdir(root, { recursive: true });
    resolveEncryptionKey({ database: { kind: 'pglite-dir', dataDir }, dataDir });
    expect(await modeOf(dataDir)).toBe(0o700);
  });
});
