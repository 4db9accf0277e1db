// `npm run keys:rotate` as a real process on PostgreSQL, from key A to key B: the first run is
// SIGKILLed after its first batches (a crash or a deploy, not a polite stop), the second run
// finishes; every envelope then opens with B alone and none is lost.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher, type Database, envelopeKeyId } from '../../src/db/index.ts';
import { uuidv7 } from '../../src/scheduling/index.ts';
import { openPostgres, type PostgresSchema, postgresAvailable } from '../support/database.ts';
import { oneTeamWithMember } from '../support/one-team.ts';
import { migratedPostgresSchema } from '../support/postgres-template.ts';

const available = await postgresAvailable();
const repoRoot = join(import.meta.dirname, '..', '..');
const keyA = randomBytes(32);
const keyB = randomBytes(32);
const total = 200;
const noteOf = (i: number) => `note ${i}: a hard week`;

let schema: PostgresSchema;
let db: Database;

beforeAll(async () => {
  if (!available) return;
  schema = await migratedPostgresSchema('pb_rotate');
  db = await openPostgres(schema.url);
  const a = createFieldCipher(keyA);
  const { team, member } = await oneTeamWithMember(db.prisma);
  await db.prisma.triggerFlag.createMany({
    data: Array.from({ length: total }, (_, i) => {
      const id = uuidv7();
      return {
        id,
        teamId: team.id,
        authorId: member.id,
        severity: 'low' as const,
        noteEnc: a.encrypt(noteOf(i), 'TriggerFlag.note', id),
      };
    }),
  });
});
afterAll(async () => {
  await db?.close();
  await schema?.drop();
});

function rotate(killAfterFirstBatch: boolean) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/keys-rotate.ts', '--batch-size', '1'], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: schema.url,
      ENCRYPTION_KEY: keyB.toString('base64'),
      ENCRYPTION_KEYS_OLD: keyA.toString('base64'),
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (killAfterFirstBatch && out.includes('re-encrypted so far')) child.kill('SIGKILL');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, out })),
  );
}

const withKey = async (key: Buffer) =>
  (await db.prisma.triggerFlag.findMany({ select: { noteEnc: true } })).filter(
    (f) => envelopeKeyId(f.noteEnc!) === createFieldCipher(key).keyId,
  ).length;

describe.skipIf(!available)('npm run keys:rotate on PostgreSQL', () => {
  it('moves every envelope from A to B across a SIGKILL in the middle, losing none', {
    timeout: 180_000,
  }, async () => {
    const first = await rotate(true);
    expect(first.signal).toBe('SIGKILL');
    const movedFirst = await withKey(keyB);
    expect(movedFirst).toBeGreaterThan(0);
    expect(movedFirst).toBeLessThan(total);
    expect(movedFirst + (await withKey(keyA))).toBe(total);

    const second = await rotate(false);
    expect(second.code, second.out).toBe(0);
    expect(second.out).toContain(`TriggerFlag.noteEnc: ${total - movedFirst} re-encrypted`);
    expect(second.out).toContain('Done.');

    const onlyB = createFieldCipher(keyB);
    const notes = (await db.prisma.triggerFlag.findMany()).map((f) =>
      onlyB.decrypt(f.noteEnc!, 'TriggerFlag.note', f.id),
    );
    expect(notes.sort()).toEqual(Array.from({ length: total }, (_, i) => noteOf(i)).sort());
  });
});
