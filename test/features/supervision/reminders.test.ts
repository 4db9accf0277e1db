import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { decodePayload } from '../../../src/scheduling/outbox-payload.ts';
import { dm } from '../../support/chat-harness.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { supervisionWorld, viewWords } from './support.ts';

let db: Database;
beforeAll(async () => {
  db = await clonedDatabase();
});
// Each test starts from an empty database: the job ticks over every session in it, so one
// test's sessions would otherwise be reminded in the next.
beforeEach(() => emptyDatabase(db));
afterAll(() => db.close());

describe('reminders, agenda and poll deadlines on the clock', { timeout: 400_000 }, () => {
  it('reminds going and maybe 24 h and 15 min before, each in their own zone, exactly once', async () => {
    const world = supervisionWorld(db, '2026-02-27T12:00:00Z');
    await world.team({ riley: 'America/New_York', ash: 'Europe/London', kai: 'Asia/Tokyo' });
    await world.chat.command('sam', ['supervision', 'new'], {
      title: 'Group supervision',
      date: '2026-03-02',
      time: '18:00',
      length: 90,
      timezone: 'Europe/Berlin',
      count: 2,
    });
    const first = await db.prisma.supervisionSession.findFirstOrThrow({ orderBy: { startsAt: 'asc' } });
    expect(first.startsAt.toISOString()).toBe('2026-03-02T17:00:00.000Z');
    await world.chat.action('riley', 'supervision:rsvp', `${first.id}:going`);
    await world.chat.action('ash', 'supervision:rsvp', `${first.id}:maybe`);
    await world.chat.action('kai', 'supervision:rsvp', `${first.id}:cant`);
    await world.chat.command('riley', ['supervision', 'topic'], {
      text: 'Holding hope when a peer relapses',
      anonymous: true,
    });

    const reminders = async () => {
      const rows = await db.prisma.outboxMessage.findMany({
        where: { idempotencyKey: { startsWith: 'supervision-reminder:' } },
        orderBy: { idempotencyKey: 'asc' },
      });
      return rows.map((r) => ({
        key: r.idempotencyKey,
        to: r.recipientId,
        quiet: r.respectQuietHours,
        text: viewWords(decodePayload(world.cipher, r)),
      }));
    };
    world.clock.advanceTo('2026-03-01T16:59:00Z');
    await world.tick();
    expect(await reminders()).toEqual([]);

    world.clock.advanceTo('2026-03-01T17:00:00Z');
    await Promise.all([world.tick(), world.tick()]); // two replicas on one tick
    await world.tick();
    const dayBefore = await reminders();
    expect(dayBefore.map((r) => r.to).sort()).toEqual(['ash', 'riley']);
    expect(dayBefore.every((r) => r.quiet)).toBe(true);
    expect(dayBefore.find((r) => r.to === 'riley')?.text).toContain(
      'Mon 2 Mar 2026, 12:00–13:30 (America/New_York)',
    );
    expect(dayBefore.find((r) => r.to === 'ash')?.text).toContain(
      'Mon 2 Mar 2026, 17:00–18:30 (Europe/London)',
    );

    world.clock.advanceTo('2026-03-02T16:00:00Z');
    await world.tick();
    const agenda = await db.prisma.outboxMessage.findMany({
      where: { idempotencyKey: { startsWith: 'supervision-agenda:' } },
    });
    expect(agenda.map((a) => a.recipientId)).toEqual(['sam']);
    const agendaText = decodePayload(world.cipher, agenda[0]!)
      .blocks.map((b) => ('text' in b ? b.text : ''))
      .join('\n');
    expect(agendaText).toContain('Holding hope when a peer relapses');
    expect(agendaText).not.toContain('riley');

    world.clock.advanceTo('2026-03-02T16:45:00Z');
    await world.tick();
    const all = await reminders();
    expect(all).toHaveLength(4);
    const last = all.filter((r) => r.key.includes(':15@'));
    expect(last.map((r) => r.to).sort()).toEqual(['ash', 'riley']);
    expect(last.every((r) => !r.quiet)).toBe(true);
    expect(last[0]?.text).toContain('in 15 minutes');

    // After the session the facilitator is asked to confirm attendance, pre-filled from RSVPs.
    world.clock.advanceTo('2026-03-02T18:31:00Z');
    await world.tick();
    expect(
      await db.prisma.outboxMessage.count({
        where: { idempotencyKey: { startsWith: 'supervision-attendance:' }, recipientId: 'sam' },
      }),
    ).toBe(1);
    const opened = await world.chat.action('sam', 'supervision:attendance', first.id);
    const input = opened.seen[0]?.form?.inputs[0];
    const riley = await db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'riley' } });
    const ash = await db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'ash' } });
    expect(input?.type === 'checkboxes' ? [...(input.initial ?? [])].sort() : []).toEqual(
      [riley.id, ash.id].sort(),
    );
    expect(
      (await world.chat.form('sam', 'supervision:attendance', { attended: [riley.id] }, dm, first.id)).text(),
    ).toContain('Attendance saved: 1');
    const hours = await world.chat.command('riley', ['supervision', 'hours']);
    expect(hours.text()).toContain('2026-03: group 1.5 h, one-to-one 0.0 h');
    const report = await world.chat.command('sam', ['supervision', 'report'], {
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(report.text()).toContain('covers 2 sessions');
    const csv = String(world.files.at(-1)?.content).trim().split('\n');
    expect(csv[0]).toBe(
      'session,kind,title,starts_at_utc,starts_local_Europe/Berlin,minutes,status,facilitator,attendee',
    );
    expect(csv[1]).toBe(
      `${first.id.slice(-6)},group,Group supervision,2026-03-02T17:00:00.000Z,2026-03-02 18:00,90,done,sam,riley`,
    );
    expect(csv).toHaveLength(3);
    expect(
      (
        await world.chat.command('riley', ['supervision', 'report'], { from: '2026-03-01', to: '2026-03-31' })
      ).text(),
    ).toMatch(/Only supervisors and admins/);
  });

  it('a moved session tells everyone who answered, and its reminders follow the new time', async () => {
    const world = supervisionWorld(db, '2026-02-27T12:00:00Z');
    const team = await world.team({ riley: 'America/New_York' }, 'C-moves');
    await world.chat.command(
      'sam',
      ['supervision', 'new'],
      {
        title: 'Group supervision',
        date: '2026-03-09',
        time: '18:00',
        length: 90,
        timezone: 'Europe/Berlin',
        count: 2,
      },
      'C-moves',
    );
    const session = await db.prisma.supervisionSession.findFirstOrThrow({
      where: { teamId: team.id },
      orderBy: { startsAt: 'asc' },
    });
    await world.chat.action('riley', 'supervision:rsvp', `${session.id}:going`, 'C-moves');
    const moved = await world.chat.command(
      'sam',
      ['supervision', 'move'],
      { session: session.id.slice(-6), date: '2026-03-12', time: '09:00' },
      'C-moves',
    );
    expect(moved.text()).toContain('Moved to');
    const told = await db.prisma.outboxMessage.findMany({
      where: { idempotencyKey: { startsWith: `supervision-moved:${session.id}` } },
    });
    expect(told.map((t) => t.recipientId)).toEqual(['riley']);
    expect(viewWords(decodePayload(world.cipher, told[0]!))).toContain(
      'Thu 12 Mar 2026, 04:00–05:30 (America/New_York)',
    );
    world.clock.advanceTo('2026-03-11T08:00:00Z');
    await world.tick();
    expect(
      await db.prisma.outboxMessage.count({
        where: { idempotencyKey: { startsWith: `supervision-reminder:${session.id}:1440@2026-03-12T08:00` } },
      }),
    ).toBe(1);
  });

  it('a poll deadline closes it once, nudges only those who have not voted, privately, and tells the organiser', async () => {
    const world = supervisionWorld(db, '2026-03-20T12:00:00Z');
    await world.team({ riley: 'America/New_York', ash: 'Europe/London', kai: 'Asia/Tokyo' }, 'C-polls');
    await world.chat.command(
      'sam',
      ['supervision', 'poll'],
      {
        title: 'Extra session',
        slots: '2026-03-25 10:00, 2026-03-26 10:00',
        length: 60,
        closes: 48,
        timezone: 'Europe/Berlin',
      },
      'C-polls',
    );
    const poll = await db.prisma.poll.findFirstOrThrow({
      where: { title: 'Extra session' },
      include: { options: true },
    });
    await world.chat.form('riley', 'supervision:vote', { [poll.options[0]!.id]: 'yes' }, dm, poll.id);
    world.clock.advanceTo('2026-03-21T12:00:00Z');
    await world.tick();
    await world.tick();
    const nudges = await db.prisma.outboxMessage.findMany({
      where: { idempotencyKey: { startsWith: `supervision-poll-reminder:${poll.id}` } },
    });
    expect(nudges.map((n) => n.target)).not.toContain('channel');
    expect(nudges.map((n) => n.recipientId).sort()).toEqual(['ash', 'kai', 'sam']);
    world.clock.advanceTo('2026-03-22T12:00:00Z');
    await world.tick();
    expect((await db.prisma.poll.findUniqueOrThrow({ where: { id: poll.id } })).status).toBe('closed');
    expect(
      await db.prisma.outboxMessage.count({
        where: { idempotencyKey: { startsWith: `supervision-poll-close:${poll.id}` }, recipientId: 'sam' },
      }),
    ).toBe(1);
    const late = await world.chat.form(
      'ash',
      'supervision:vote',
      { [poll.options[0]!.id]: 'yes' },
      dm,
      poll.id,
    );
    expect(late.text()).toContain('This poll has closed');
    expect(await db.prisma.pollVote.count({ where: { optionId: poll.options[0]!.id } })).toBe(1);
  });
});
