// Issue 23, item 10: a supervisor is told, privately, when a one-to-one is booked with them
// and when it is moved; the booking keeps its code through the move.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { decodePayload } from '../../../src/scheduling/outbox-payload.ts';
import { clonedDatabase } from '../../support/database.ts';
import { supervisionWorld } from './support.ts';

let db: Database;
beforeAll(async () => {
  db = await clonedDatabase();
});
afterAll(() => db.close());

describe('one-to-one bookings and the supervisor', { timeout: 200_000 }, () => {
  it('tells the supervisor of a booking and of its move, under the same code', async () => {
    const world = supervisionWorld(db, '2026-02-27T12:00:00Z');
    await world.team({ riley: 'America/New_York' });
    const offered = await world.chat.command('sam', ['supervision', 'slots'], {
      times: '2026-03-04 10:00, 2026-03-04 11:00',
      length: 50,
    });
    const codes = [...offered.text().matchAll(/#([0-9a-f]{6})/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThanOrEqual(2);
    const booked = await world.chat.command('riley', ['supervision', 'book'], { slot: `#${codes[0]}` });
    const code = /\(#([0-9a-f]{6})\)/.exec(booked.text())?.[1];
    expect(code).toBeDefined();
    const moved = await world.chat.command('riley', ['supervision', 'rebook'], {
      booking: `#${code}`,
      slot: `#${codes[1]}`,
    });
    expect(moved.text()).toContain(`(#${code})`);

    const rows = await db.prisma.outboxMessage.findMany({
      where: { idempotencyKey: { startsWith: 'one-to-one-booked:' } },
      orderBy: { createdAt: 'asc' },
    });
    const sam = await db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'sam' } });
    expect(rows.map((r) => r.recipientMemberId)).toEqual([sam.id, sam.id]);
    const texts = rows.map((r) => decodePayload(world.cipher, r).text);
    expect(texts[0]).toContain(`riley booked a one-to-one supervision with you`);
    expect(texts[1]).toContain(`riley moved their one-to-one supervision with you`);
    expect(texts[1]).toContain(`(#${code})`);
  });
});
