// Issue 7, point 6: a private outbox payload is bound to its row (idempotency key and
// recipient), and a private message never targets a channel.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { literal, markup } from '../../src/chat/markup.ts';
import { createFieldCipher, type Database, TamperedError } from '../../src/db/index.ts';
import { enqueueOutbox, enqueueOutboxMany, PrivateToChannelError } from '../../src/scheduling/index.ts';
import { decodePayload } from '../../src/scheduling/outbox-payload.ts';
import { clonedDatabase } from '../support/database.ts';

let db: Database;
const cipher = createFieldCipher(randomBytes(32));
const dm = (key: string, userId: string, text: string) => ({
  idempotencyKey: key,
  platform: 'slack' as const,
  workspaceExternalId: 'T1',
  target: { kind: 'dm' as const, userId },
  view: { text: markup`${literal(text)}`, blocks: [] },
  isPrivate: true,
});

beforeAll(async () => {
  db = await clonedDatabase();
});
afterAll(() => db.close());

describe('private outbox payloads', () => {
  it('cannot be moved to another row: copied to another recipient, it fails its check', async () => {
    await enqueueOutbox(db.prisma, cipher, dm('flag:1:sup-a', 'U0SUPA', 'A note only supervisor A may read'));
    await enqueueOutbox(db.prisma, cipher, dm('flag:2:sup-b', 'U0SUPB', 'Something for B'));
    const a = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: 'flag:1:sup-a' } });
    expect(decodePayload(cipher, a).text).toBe('A note only supervisor A may read');
    // A database writer copies A's envelope into B's row.
    await db.prisma.outboxMessage.update({
      where: { idempotencyKey: 'flag:2:sup-b' },
      data: { payload: a.payload },
    });
    const b = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: 'flag:2:sup-b' } });
    expect(() => decodePayload(cipher, b)).toThrow(TamperedError);
    // Or points A's row at someone else.
    expect(() => decodePayload(cipher, { ...a, recipientId: 'U0MALLORY' })).toThrow(TamperedError);
  });

  it('are refused for a channel target, and nothing of the batch is written', async () => {
    const toChannel = {
      ...dm('leak:channel', 'unused', 'private words'),
      target: { kind: 'channel' as const, channelId: 'C0TEAM' },
    };
    await expect(
      enqueueOutboxMany(db.prisma, cipher, [dm('leak:dm', 'U0OK', 'fine'), toChannel]),
    ).rejects.toThrow(PrivateToChannelError);
    expect(await db.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: 'leak:' } } })).toBe(
      0,
    );
  });
});
