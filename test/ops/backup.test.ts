// A backup taken while the bot runs (through its control socket) restores into a fresh
// DATA_DIR that opens, migrates and holds the data (a private message reads with the same key),
// and a bot starts on it and answers; restore refuses a running bot and never
// silently replaces a database.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { type RunningApp, startApp } from '../../src/app.ts';
import { markup } from '../../src/chat/markup.ts';
import { loadConfig } from '../../src/config.ts';
import { createKeyRing } from '../../src/db/index.ts';
import { databaseOnPglite } from '../../src/db/pglite.ts';
import { silentLogger } from '../../src/logger.ts';
import { openStorage } from '../../src/open-storage.ts';
import { backUp, botIsRunning, pgliteFolder, restore } from '../../src/ops/backup.ts';
import { enqueueOutbox } from '../../src/scheduling/index.ts';
import { decodePayload } from '../../src/scheduling/outbox-payload.ts';

let dir: string;
let app: RunningApp | undefined;
const key = randomBytes(32).toString('base64');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'peerbridge-backup-'));
});
afterAll(async () => {
  await app?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('backup and restore of the embedded database', () => {
  it('backs up the running bot, and the backup restores to a database that starts with the data', {
    timeout: 240_000,
  }, async () => {
    const dataA = join(dir, 'a');
    const config = loadConfig({ DATA_DIR: dataA, ENCRYPTION_KEY: key, LOG_LEVEL: 'silent' });
    const template = new Blob([await readFile(inject('pgliteTemplatePath'))]);
    await mkdir(pgliteFolder(dataA), { recursive: true });
    const pglite = await PGlite.create(pgliteFolder(dataA), { loadDataDir: template });
    const db = databaseOnPglite(pglite, config.database);
    const input = new PassThrough();
    app = await startApp({
      config,
      logger: silentLogger,
      mode: 'shell',
      stdio: { input, output: new PassThrough() },
      storage: { db, cipher: createKeyRing(Buffer.from(key, 'base64')) },
    });
    const workspace = await db.prisma.workspace.create({ data: { platform: 'shell', externalId: 'local' } });
    await db.prisma.member.createMany({
      data: ['ana', 'ben', 'cy'].map((name) => ({
        workspaceId: workspace.id,
        platformUserId: name,
        displayName: name,
      })),
    });
    // A private message queued with the bot's key: the restored database reads it with the same key.
    await enqueueOutbox(db.prisma, createKeyRing(Buffer.from(key, 'base64')), {
      idempotencyKey: 'backup-private',
      platform: 'shell',
      workspaceExternalId: 'local',
      target: { kind: 'dm', userId: 'ana' },
      isPrivate: true,
      view: { text: markup`kept through the backup`, blocks: [] },
    });
    expect(await botIsRunning(dataA)).toBe(true);

    const file = join(dir, 'backups', 'peerbridge.tar.gz');
    const outcome = await backUp(dataA, file, () => {
      throw new Error('must not open the folder while the bot runs');
    });
    expect(outcome.by).toBe('running-bot');
    expect(outcome.bytes).toBeGreaterThan(1000);
    expect(existsSync(`${file}.partial`)).toBe(false);
    await expect(restore(dataA, file, () => Promise.reject(new Error('no')))).rejects.toThrow(/is running/);

    const dataB = join(dir, 'b');
    await restore(dataB, file, (folder, dump) => PGlite.create(folder, { loadDataDir: dump }));
    await expect(restore(dataB, file, () => Promise.reject(new Error('no')))).rejects.toThrow(
      /already holds a database/,
    );
    const restored = await openStorage(
      loadConfig({ DATA_DIR: dataB, ENCRYPTION_KEY: key, LOG_LEVEL: 'silent' }),
      silentLogger,
    );
    const names = await restored.db.prisma.member.findMany({ orderBy: { displayName: 'asc' } });
    expect(names.map((m) => m.displayName)).toEqual(['ana', 'ben', 'cy']);
    const row = await restored.db.prisma.outboxMessage.findUniqueOrThrow({
      where: { idempotencyKey: 'backup-private' },
    });
    expect(decodePayload(restored.cipher, row).text).toBe('kept through the backup');
    await app.stop();
    app = undefined;
    expect(await botIsRunning(dataA)).toBe(false);

    // The restored database starts a bot (which closes it when it stops).
    const term = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => {
      shown += chunk.toString('utf8');
    });
    app = await startApp({
      config: loadConfig({ DATA_DIR: dataB, ENCRYPTION_KEY: key, LOG_LEVEL: 'silent' }),
      logger: silentLogger,
      mode: 'shell',
      stdio: { input: term, output },
      storage: restored,
    });
    term.write('/as ana\n/peer privacy\n');
    await vi.waitFor(() => expect(shown).toContain('What I store about you'), { timeout: 30_000 });
    term.end();
    await app.finished;
    await app.stop();
    app = undefined;
  });
});
