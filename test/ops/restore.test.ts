// A restore checks the backup beside the database before it takes its place: a truncated or
// corrupted file, one that holds no PeerBridge database, or one made with another key leaves
// the current database exactly as it was (and no half-restored folder), with a sentence that
// says what failed and what to do. A good backup replaces it, the old one kept aside.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { markup } from '../../src/chat/markup.ts';
import { createKeyRing, type KeyRing } from '../../src/db/index.ts';
import { createPglite, databaseOnPglite } from '../../src/db/pglite.ts';
import { dumpTo, pgliteFolder, RestoreFailedError } from '../../src/ops/backup.ts';
import { restoreChecked } from '../../src/ops/restore-check.ts';
import { enqueueOutbox } from '../../src/scheduling/index.ts';
import { emptyDatabase, pgliteEngine } from '../support/database.ts';

let dir: string;
const ring = createKeyRing(randomBytes(32));
const otherRing = createKeyRing(randomBytes(32));
let goodBackup: string;
let otherKeyBackup: string;
let emptyBackup: string;
/** A DATA_DIR holding the member `current`, made once: each test restores over a copy of it. */
let currentTemplate: string;

/** A migrated database (a clone of the template) in `folder`, or in memory. */
async function migratedPglite(folder?: string) {
  return createPglite(folder, {
    loadDataDir: new Blob([await readFile(inject('pgliteTemplatePath'))]),
    ...(await pgliteEngine()),
  });
}

/** Adds one member and, with `key`, one private message. */
async function fill(pglite: PGlite, name: string, member: string, key?: KeyRing): Promise<void> {
  const db = databaseOnPglite(pglite);
  const workspace = await db.prisma.workspace.create({ data: { platform: 'shell', externalId: 'local' } });
  await db.prisma.member.create({
    data: { workspaceId: workspace.id, platformUserId: member, displayName: member },
  });
  if (key) {
    await enqueueOutbox(db.prisma, key, {
      idempotencyKey: `${name}-private`,
      platform: 'shell',
      workspaceExternalId: 'local',
      target: { kind: 'dm', userId: member },
      isPrivate: true,
      view: { text: markup`private words`, blocks: [] },
    });
  }
  await db.prisma.$disconnect();
}

/** A DATA_DIR of its own for one test: a copy of the one holding the member `current`. */
async function currentDataDir(name: string): Promise<string> {
  const dataDir = join(dir, name);
  await cp(currentTemplate, dataDir, { recursive: true });
  return dataDir;
}

async function membersIn(dataDir: string): Promise<string[]> {
  const db = databaseOnPglite(await createPglite(pgliteFolder(dataDir), await pgliteEngine()));
  try {
    return (await db.prisma.member.findMany()).map((m) => m.displayName);
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'peerbridge-restore-'));
  const backups = (async () => {
    // The backups (as `npm run backup` writes them) come from one clone, emptied between them.
    const pglite = await migratedPglite();
    await fill(pglite, 'good', 'restored', ring);
    goodBackup = join(dir, 'good.tar.gz');
    await dumpTo(pglite, goodBackup);
    await emptyDatabase(databaseOnPglite(pglite));
    await fill(pglite, 'other-key', 'stranger', otherRing);
    otherKeyBackup = join(dir, 'other-key.tar.gz');
    await dumpTo(pglite, otherKeyBackup);
    // A valid PostgreSQL data folder with no PeerBridge in it (not even its migrations table):
    // what an empty dump, or one of another application, restores to.
    await pglite.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    emptyBackup = join(dir, 'empty.tar.gz');
    await dumpTo(pglite, emptyBackup);
    await pglite.close();
  })();
  // The current database, as a stopped bot leaves its DATA_DIR (closed, in its folder).
  currentTemplate = join(dir, 'current');
  await mkdir(pgliteFolder(currentTemplate), { recursive: true });
  const pglite = await migratedPglite(pgliteFolder(currentTemplate));
  await fill(pglite, 'current', 'current', ring);
  await pglite.close();
  await backups;
}, 180_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function expectRefusedAndUntouched(dataDir: string, file: string, reason: RegExp) {
  const before = readdirSync(dataDir).sort();
  const refusal = restoreChecked(dataDir, file, ring, { force: true });
  await expect(refusal).rejects.toBeInstanceOf(RestoreFailedError);
  await expect(refusal).rejects.toThrow(reason);
  await expect(refusal).rejects.toThrow(/was NOT restored.*Nothing changed in .*Try an earlier backup/);
  expect(readdirSync(dataDir).sort()).toEqual(before);
  expect(await membersIn(dataDir)).toEqual(['current']);
}

describe('npm run restore with a damaged or foreign backup', () => {
  it('refuses a truncated backup and leaves the current database as it was', {
    timeout: 120_000,
  }, async () => {
    const dataDir = await currentDataDir('truncated');
    const bytes = await readFile(goodBackup);
    const truncated = join(dir, 'truncated.tar.gz');
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefusedAndUntouched(dataDir, truncated, /not a whole gzip file/);
  });

  it('refuses a corrupted backup and leaves the current database as it was', {
    timeout: 120_000,
  }, async () => {
    const dataDir = await currentDataDir('corrupted');
    const bytes = Buffer.from(await readFile(goodBackup));
    for (let i = 1000; i < bytes.length; i += 997) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
    const corrupted = join(dir, 'corrupted.tar.gz');
    await writeFile(corrupted, bytes);
    await expectRefusedAndUntouched(dataDir, corrupted, /not a whole gzip file/);
  });

  it('refuses a backup that holds no PeerBridge database', { timeout: 120_000 }, async () => {
    const dataDir = await currentDataDir('empty');
    await expectRefusedAndUntouched(dataDir, emptyBackup, /holds no PeerBridge database/);
  });

  it('refuses a backup made with another key', { timeout: 120_000 }, async () => {
    const dataDir = await currentDataDir('other-key');
    await expectRefusedAndUntouched(
      dataDir,
      otherKeyBackup,
      /configured key .* reads none of its private text/,
    );
  });

  it('restores a good backup over the current one, which is kept aside', { timeout: 120_000 }, async () => {
    const dataDir = await currentDataDir('good');
    const { movedAside } = await restoreChecked(dataDir, goodBackup, ring, { force: true });
    expect(await membersIn(dataDir)).toEqual(['restored']);
    expect(movedAside && existsSync(movedAside)).toBe(true);
    expect(readdirSync(dataDir).filter((name) => name.includes('.restoring-'))).toEqual([]);
  });
});
