// Anonymous agenda topics follow the one anonymity rule (src/anonymity): nothing ties one to
// its author by timing or order. They are listed apart from named topics, in the order of their
// words; their rows keep no author, no time of day and no id with a time in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { agendaOf } from '../../../src/features/supervision/agenda.ts';
import { agendaView } from '../../../src/features/supervision/views.ts';
import { clonedDatabase } from '../../support/database.ts';
import { supervisionWorld } from './support.ts';

let db: Database;
beforeAll(async () => {
  db = await clonedDatabase();
});
afterAll(() => db.close());

describe('anonymous agenda topics', () => {
  it('are listed apart from named ones, by their words, and stored with no time that points at anyone', async () => {
    const world = supervisionWorld(db, '2026-02-27T12:00:00Z');
    await world.team({ riley: 'America/New_York', ash: 'Europe/London', kai: 'Asia/Tokyo' });
    await world.chat.command('sam', ['supervision', 'new'], {
      title: 'Group supervision',
      date: '2026-03-02',
      time: '18:00',
      length: 90,
      timezone: 'Europe/Berlin',
      count: 1,
    });
    const topic = async (who: string, text: string, anonymous: boolean) => {
      await world.chat.command(who, ['supervision', 'topic'], { text, anonymous });
      world.clock.advance(17 * 60_000);
    };
    await topic('ash', 'Named first: boundaries', false);
    await topic('riley', 'Zoning out in sessions', true);
    await topic('kai', 'After a hard call', true);
    await topic('ash', 'Named second: caseloads', false);

    const session = await db.prisma.supervisionSession.findFirstOrThrow();
    const lines = await agendaOf(db.prisma, session.id);
    expect(lines).toEqual([
      { text: 'Named first: boundaries', author: 'ash' },
      { text: 'Named second: caseloads', author: 'ash' },
      { text: 'After a hard call' },
      { text: 'Zoning out in sessions' },
    ]);
    const shown = agendaView(session, 'Europe/Berlin', lines, true).blocks.map((b) =>
      'text' in b ? b.text : '',
    );
    expect(shown.find((t) => t.includes('Without a name'))).toBe(
      '**Without a name**\n• After a hard call\n• Zoning out in sessions',
    );
    expect(shown.find((t) => t.includes('(ash)'))).not.toMatch(/hard call|Zoning/);

    const anonymous = await db.prisma.agendaTopic.findMany({ where: { authorId: null } });
    expect(anonymous).toHaveLength(2);
    for (const row of anonymous) {
      expect(row.createdAt.toISOString()).toBe('2026-02-27T00:00:00.000Z');
      // A uuid v7 starts with the time it was made; these are random (version 4).
      expect(row.id[14]).toBe('4');
    }
  });
});
