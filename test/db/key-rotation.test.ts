// Rotation from key A to key B, stopped half-way (as a restart would) and run again: every
// envelope then opens with B alone, none is lost, and plain rows are left alone.

import { createCipheriv, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markup } from '../../src/chat/markup.ts';
import {
  createFieldCipher,
  createKeyRing,
  type Database,
  encryptedColumns,
  rotateKeys,
  TamperedError,
  WrongKeyError,
} from '../../src/db/index.ts';
import { PRUNED_PAYLOAD, pruneDeliveryRecords } from '../../src/features/admin/retention.ts';
import { enqueueOutbox, uuidv7 } from '../../src/scheduling/index.ts';
import { decodePayload } from '../../src/scheduling/outbox-payload.ts';
import { clonedDatabase } from '../support/database.ts';
import { oneTeamWithMember } from '../support/one-team.ts';

let db: Database;
const keyA = randomBytes(32);
const keyB = randomBytes(32);
const notes = Array.from({ length: 5 }, (_, i) => `flag note ${i}: a hard session`);

/** Every envelope moved to key B: where a later run starts from. */
const allOnB = () => rotateKeys(db.prisma, createKeyRing(keyB, [keyA]));

/** An envelope as v2 code wrote a feature's field: bound to its column, not to its row. */
function v2WithoutRow(key: Buffer, plain: string, context: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(`${context}\u0000`, 'utf8'));
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `v2:${createFieldCipher(key).keyId}:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
}

describe('key rotation', () => {
  // Each test gets its own database with five flag notes and four outbox rows under key A.
  beforeEach(async () => {
    db = await clonedDatabase();
    const a = createKeyRing(keyA);
    const { team, member } = await oneTeamWithMember(db.prisma);
    for (const note of notes) {
      const id = uuidv7();
      await db.prisma.triggerFlag.create({
        data: {
          id,
          teamId: team.id,
          authorId: member.id,
          severity: 'low',
          noteEnc: a.encrypt(note, 'TriggerFlag.note', id),
        },
      });
    }
    for (let i = 0; i < 4; i++) {
      await enqueueOutbox(db.prisma, a, {
        idempotencyKey: `private-${i}`,
        platform: 'shell',
        workspaceExternalId: 'local',
        target: { kind: 'dm', userId: 'sam' },
        isPrivate: i % 2 === 0,
        view: { text: markup`message ${i}`, blocks: [] },
      });
    }
  });
  afterEach(() => db.close());

  it('moves every envelope from A to B across a restart in the middle, losing none', async () => {
    const plainBefore = await db.prisma.outboxMessage.findMany({
      where: { isPrivate: false },
      orderBy: { id: 'asc' },
    });
    // First run: stopped after one batch of two.
    const first = await rotateKeys(db.prisma, createKeyRing(keyB, [keyA]), { batchSize: 2, maxBatches: 1 });
    expect(first.complete).toBe(false);
    const rotatedFirst = Object.values(first.counts).reduce((n, c) => n + c.rotated, 0);
    expect(rotatedFirst).toBe(2);

    // "Restart": a new ring, as a new process would build from the same configuration.
    const second = await rotateKeys(db.prisma, createKeyRing(keyB, [keyA]), { batchSize: 2 });
    expect(second.complete).toBe(true);
    expect(
      second.counts['TriggerFlag.noteEnc']!.rotated + second.counts['OutboxMessage.payload']!.rotated,
    ).toBe(5 + 2 - rotatedFirst);
    expect(Object.values(second.counts).every((c) => c.failed === 0)).toBe(true);

    const onlyB = createFieldCipher(keyB);
    const flags = await db.prisma.triggerFlag.findMany();
    expect(flags.map((f) => onlyB.decrypt(f.noteEnc!, 'TriggerFlag.note', f.id)).sort()).toEqual(
      [...notes].sort(),
    );
    const privateRows = await db.prisma.outboxMessage.findMany({ where: { isPrivate: true } });
    expect(privateRows).toHaveLength(2);
    for (const row of privateRows) expect(decodePayload(onlyB, row).text).toContain('message');
    expect(() =>
      createFieldCipher(keyA).decrypt(flags[0]!.noteEnc!, 'TriggerFlag.note', flags[0]!.id),
    ).toThrow(WrongKeyError);
    // Plain payloads are not envelopes and are untouched.
    expect(
      await db.prisma.outboxMessage.findMany({ where: { isPrivate: false }, orderBy: { id: 'asc' } }),
    ).toEqual(plainBefore);

    // A third run finds nothing left to do.
    const third = await rotateKeys(db.prisma, createKeyRing(keyB, [keyA]));
    expect(Object.values(third.counts).reduce((n, c) => n + c.rotated + c.failed, 0)).toBe(0);
  });

  it('binds older envelopes to their rows, with the current key too; a bound one then refuses another row', async () => {
    await allOnB();
    const { teamId, authorId } = await db.prisma.triggerFlag.findFirstOrThrow();
    const unbound = v2WithoutRow(keyB, 'an older note', 'TriggerFlag.note');
    const flag = await db.prisma.triggerFlag.create({
      data: { teamId, authorId, severity: 'low', noteEnc: unbound },
    });
    const ring = createKeyRing(keyB, [keyA]);
    expect(ring.isCurrent(unbound)).toBe(false);

    const run = await rotateKeys(db.prisma, ring);
    expect(run.counts['TriggerFlag.noteEnc']).toEqual({ rotated: 1, changedMeanwhile: 0, failed: 0 });
    const bound = (await db.prisma.triggerFlag.findUniqueOrThrow({ where: { id: flag.id } })).noteEnc!;
    expect(bound.startsWith('v3:')).toBe(true);
    expect(ring.decrypt(bound, 'TriggerFlag.note', flag.id)).toBe('an older note');
    expect(() => ring.decrypt(bound, 'TriggerFlag.note', 'another-flag')).toThrow(TamperedError);
    // Before, the same envelope opened anywhere in its column.
    expect(ring.decrypt(unbound, 'TriggerFlag.note', 'another-flag')).toBe('an older note');
  });

  it('counts, and leaves alone, envelopes no configured key can read', async () => {
    await allOnB();
    const stranger = createKeyRing(randomBytes(32));
    const flag = await db.prisma.triggerFlag.findFirstOrThrow();
    await db.prisma.triggerFlag.update({
      where: { id: flag.id },
      data: { noteEnc: stranger.encrypt('x', 'TriggerFlag.note', flag.id) },
    });
    const run = await rotateKeys(db.prisma, createKeyRing(keyB, [keyA]));
    expect(run.counts['TriggerFlag.noteEnc']).toEqual({ rotated: 0, changedMeanwhile: 0, failed: 1 });
  });
});

// No database: these need none of the rows above.
describe('key rotation: the column list and the key ring', () => {
  it('lists every encrypted column of the schema in one table', async () => {
    const listed = encryptedColumns.map((c) => `${c.table}.${c.column}`);
    const schema = await readFile(join(import.meta.dirname, '..', '..', 'prisma', 'schema.prisma'), 'utf8');
    const inSchema: string[] = [];
    let model = '';
    for (const line of schema.split('\n')) {
      model = /^model (\w+)/.exec(line)?.[1] ?? model;
      const column = /^\s+(\w+Enc)\s/.exec(line)?.[1];
      if (column) inSchema.push(`${model}.${column}`);
    }
    expect(inSchema.length).toBeGreaterThan(5);
    expect(inSchema.filter((c) => !listed.includes(c))).toEqual([]);
  });

  it('a ring decrypts old envelopes and always encrypts with the current key', () => {
    const ring = createKeyRing(keyB, [keyA]);
    const old = createFieldCipher(keyA).encrypt('hello', 'X.y', 'r');
    expect(ring.decrypt(old, 'X.y', 'r')).toBe('hello');
    expect(ring.isCurrent(old)).toBe(false);
    expect(ring.isCurrent(ring.encrypt('hello', 'X.y', 'r'))).toBe(true);
    expect(ring.keyIds).toEqual([createFieldCipher(keyB).keyId, createFieldCipher(keyA).keyId]);
  });
});

describe('key rotation after the daily prune (issue 22, item 6)', () => {
  it('passes over sent payloads the prune cleared instead of counting them unreadable', async () => {
    const own = await clonedDatabase();
    try {
      const a = createKeyRing(keyA);
      await enqueueOutbox(own.prisma, a, {
        idempotencyKey: 'pruned-private',
        platform: 'shell',
        workspaceExternalId: 'local',
        target: { kind: 'dm', userId: 'sam' },
        isPrivate: true,
        view: { text: markup`a private prompt`, blocks: [] },
      });
      const longAgo = new Date('2020-01-01T00:00:00Z');
      await own.prisma.outboxMessage.updateMany({ data: { status: 'sent', sentAt: longAgo } });
      const pruned = await pruneDeliveryRecords(
        own.prisma,
        { processedEventDays: 30, sentOutboxDays: 30 },
        new Date('2020-06-01T00:00:00Z'),
      );
      expect(pruned.sentPayloads).toBe(1);

      const run = await rotateKeys(own.prisma, createKeyRing(keyB, [keyA]));
      expect(run.complete).toBe(true);
      expect(run.counts['OutboxMessage.payload']).toEqual({ rotated: 0, changedMeanwhile: 0, failed: 0 });
      expect((await own.prisma.outboxMessage.findFirstOrThrow()).payload).toBe(PRUNED_PAYLOAD);
    } finally {
      await own.close();
    }
  });
});
