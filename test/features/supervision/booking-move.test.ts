// Book -> move -> book for one-to-one supervision, on PGlite and on PostgreSQL: a move takes the
// supervisor's lock as booking does, so a supervisor is never in two overlapping one-to-ones,
// and the moved booking gives its old slot back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { postgresPair } from '../../scheduling/support/postgres-pair.ts';
import { clonedDatabase } from '../../support/database.ts';
import { supervisionWorld } from './support.ts';

const pair = await postgresPair('pb_move');
let channels = 0;

/** A team of its own (its own channel) in `db`: sam supervises, riley and jo are members. */
async function oneToOneTeam(db: Database) {
  // A workspace of its own, so this sam is not the sam of another test on the same server.
  const workspace = `w-move-${++channels}-${Date.now()}`;
  const world = supervisionWorld(db, undefined, workspace);
  const channel = `C-move-${channels}`;
  const team = await world.team({ riley: 'Europe/Berlin', jo: 'Europe/Berlin' }, channel);
  const say = (user: string, path: string[], options: Record<string, string | number> = {}) =>
    world.chat.command(user, ['supervision', ...path], options, channel);
  const offered = await say('sam', ['slots'], {
    times: '2026-03-04 10:00, 2026-03-04 12:00, 2026-03-04 15:00',
    length: 50,
  });
  expect(offered.text()).toContain('You offered 3 slots.');
  const slots = await db.prisma.supervisionSlot.findMany({
    where: { teamId: team.id },
    orderBy: { startsAt: 'asc' },
  });
  const code = (i: number) => `#${slots[i]!.id.slice(-6)}`;
  const bookingOf = (user: string) =>
    db.prisma.supervisionSession.findFirstOrThrow({
      where: { teamId: team.id, supervisee: { platformUserId: user }, status: 'scheduled' },
      orderBy: { startsAt: 'asc' },
    });
  return { world, workspace, team, say, slots, code, bookingOf };
}

function bookMoveBook(database: () => Database) {
  it('refuses to move a one-to-one onto another booking of the same supervisor, and keeps both as they were', async () => {
    const db = database();
    const { say, code, bookingOf, team } = await oneToOneTeam(db);
    expect((await say('riley', ['book'], { slot: code(0) })).text()).toMatch(/^Booked:/);
    expect((await say('jo', ['book'], { slot: code(1) })).text()).toMatch(/^Booked:/);
    const riley = await bookingOf('riley');

    const refused = await say('sam', ['move'], {
      session: `#${riley.id.slice(-6)}`,
      date: '2026-03-04',
      time: '12:20',
    });
    expect(refused.text()).toMatch(/overlaps another one-to-one with the same supervisor/);
    const stored = await db.prisma.supervisionSession.findMany({
      where: { teamId: team.id, status: 'scheduled' },
      orderBy: { startsAt: 'asc' },
    });
    expect(stored.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-03-04T09:00:00.000Z',
      '2026-03-04T11:00:00.000Z',
    ]);
  });

  it('a moved one-to-one frees its old slot for someone else, and its new time can’t be booked over', async () => {
    const db = database();
    const { say, code, bookingOf, slots } = await oneToOneTeam(db);
    expect((await say('riley', ['book'], { slot: code(0) })).text()).toMatch(/^Booked:/);
    const riley = await bookingOf('riley');

    const moved = await say('sam', ['move'], {
      session: `#${riley.id.slice(-6)}`,
      date: '2026-03-04',
      time: '15:30',
    });
    expect(moved.text()).toContain('Moved to');

    // The 10:00 slot is open again and listed; the 15:00 slot now overlaps riley's booking.
    const open = await say('jo', ['slots']);
    expect(open.text()).toContain(code(0));
    expect((await say('jo', ['book'], { slot: code(0) })).text()).toMatch(/^Booked:/);
    const jo = await bookingOf('jo');
    expect(jo.slotId).toBe(slots[0]!.id);
    const taken = await say('jo', ['rebook'], { booking: `#${jo.id.slice(-6)}`, slot: code(2) });
    expect(taken.text()).toMatch(/overlaps another booking with the same supervisor/);
    expect((await bookingOf('riley')).slotId).toBeNull();
    expect((await bookingOf('jo')).startsAt.toISOString()).toBe('2026-03-04T09:00:00.000Z');
  });
}

describe('book, move, book on PGlite', () => {
  let db: Database;
  beforeAll(async () => {
    db = await clonedDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });
  bookMoveBook(() => db);
});

describe.skipIf(!pair.available)('book, move, book on PostgreSQL', { timeout: 120_000 }, () => {
  bookMoveBook(() => pair.a);

  it('a move and a booking of the same time on two connections: exactly one wins', async () => {
    for (let round = 0; round < 4; round++) {
      const { world, workspace, say, code, bookingOf, team, slots } = await oneToOneTeam(pair.a);
      expect((await say('riley', ['book'], { slot: code(0) })).text()).toMatch(/^Booked:/);
      const riley = await bookingOf('riley');
      // The second connection: another replica with the same feature.
      const other = supervisionWorld(pair.b, world.clock.now().toISOString(), workspace);
      const channel = (await pair.a.prisma.team.findUniqueOrThrow({ where: { id: team.id } })).channelId;
      const [move, book] = await Promise.all([
        say('sam', ['move'], { session: `#${riley.id.slice(-6)}`, date: '2026-03-04', time: '15:10' }),
        other.chat.command('jo', ['supervision', 'book'], { slot: code(2) }, channel),
      ]);
      const won = [move.text().includes('Moved to'), book.text().startsWith('Booked:')];
      expect(won.filter(Boolean)).toHaveLength(1);
      const scheduled = await pair.a.prisma.supervisionSession.findMany({
        where: { teamId: team.id, status: 'scheduled', startsAt: { gte: slots[2]!.startsAt } },
      });
      expect(scheduled).toHaveLength(1);
    }
  });
});
