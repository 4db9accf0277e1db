import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { supervisionWorld } from './support.ts';

let db: Database;
beforeAll(async () => {
  db = await clonedDatabase();
});
// Each test starts from an empty database and sets up its own team.
beforeEach(() => emptyDatabase(db));
afterAll(() => db.close());

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  const master = events.find((event) => !event.isRecurrenceException());
  if (!master) throw new Error('no master event');
  const exceptions = events.filter((event) => event.isRecurrenceException());
  for (const exception of exceptions) master.relateException(exception);
  const starts: string[] = [];
  const iterator = master.iterator();
  for (let next = iterator.next(); next; next = iterator.next()) {
    starts.push(master.getOccurrenceDetails(next).startDate.toJSDate().toISOString());
  }
  return { master, exceptions, starts: starts.sort(), exdates: master.component.getAllProperties('exdate') };
}

describe('calendar files', { timeout: 300_000 }, () => {
  it('round-trip through ical.js with the same instants, exceptions, UID, and a SEQUENCE that grows', async () => {
    const world = supervisionWorld(db);
    await world.team();
    await world.chat.command('sam', ['supervision', 'new'], {
      title: 'Peer supervision',
      date: '2026-03-16',
      time: '18:00',
      length: 60,
      repeat: 'weekly',
      timezone: 'Europe/Berlin',
      until: '2026-04-13',
    });
    const series = await db.prisma.supervisionSeries.findFirstOrThrow();
    const ref = series.id.slice(-6);
    const ics = async () => {
      const reply = await world.chat.command('riley', ['supervision', 'ics'], { series: ref });
      expect(reply.text()).toContain('as a file');
      const file = world.files.at(-1);
      expect(file?.filename).toMatch(/\.ics$/);
      return String(file?.content);
    };
    const firstText = await ics();
    expect(firstText).toContain('DTSTART;TZID=Europe/Berlin:20260316T180000');
    expect(firstText).toContain('BEGIN:VTIMEZONE');
    const first = parse(firstText);
    expect(first.master.uid).toBe(`series-${series.id}@peerbridge`);
    expect(first.starts).toEqual([
      '2026-03-16T17:00:00.000Z',
      '2026-03-23T17:00:00.000Z',
      '2026-03-30T16:00:00.000Z',
      '2026-04-06T16:00:00.000Z',
      '2026-04-13T16:00:00.000Z',
    ]);

    const sessions = await db.prisma.supervisionSession.findMany({
      where: { seriesId: series.id },
      orderBy: { startsAt: 'asc' },
    });
    await world.chat.command('sam', ['supervision', 'move'], {
      session: sessions[1]!.id.slice(-6),
      date: '2026-03-24',
      time: '12:00',
    });
    await world.chat.command('sam', ['supervision', 'cancel'], { session: sessions[3]!.id.slice(-6) });

    const second = parse(await ics());
    expect(second.master.uid).toBe(first.master.uid);
    expect(second.master.sequence).toBeGreaterThan(first.master.sequence);
    expect(second.master.sequence).toBe(2);
    expect(second.exdates).toHaveLength(1);
    expect(second.exdates[0]?.getFirstValue()?.toString()).toBe('2026-04-06T18:00:00');
    expect(second.exceptions).toHaveLength(1);
    expect(second.exceptions[0]?.uid).toBe(first.master.uid);
    expect(second.exceptions[0]?.recurrenceId.toJSDate().toISOString()).toBe('2026-03-23T17:00:00.000Z');
    // What the calendar app shows is exactly what the team has.
    const stored = await db.prisma.supervisionSession.findMany({
      where: { seriesId: series.id, status: 'scheduled' },
      orderBy: { startsAt: 'asc' },
    });
    expect(second.starts).toEqual(stored.map((s) => s.startsAt.toISOString()));
    expect(second.starts).toContain('2026-03-24T11:00:00.000Z');
  });

  it('a single session has its own UID and becomes CANCELLED when cancelled', async () => {
    const world = supervisionWorld(db);
    await world.team();
    const session = await db.prisma.supervisionSession.create({
      data: {
        teamId: (await db.prisma.team.findFirstOrThrow()).id,
        kind: 'group',
        title: 'Extra session',
        startsAt: new Date('2026-03-05T15:00:00Z'),
        endsAt: new Date('2026-03-05T16:00:00Z'),
        timeZone: 'America/New_York',
      },
    });
    await world.chat.command('riley', ['supervision', 'ics'], { session: session.id.slice(-6) });
    const before = new ICAL.Event(
      new ICAL.Component(ICAL.parse(String(world.files.at(-1)?.content))).getFirstSubcomponent('vevent')!,
    );
    expect(before.uid).toBe(`session-${session.id}@peerbridge`);
    expect(before.startDate.toJSDate().toISOString()).toBe('2026-03-05T15:00:00.000Z');
    await world.chat.command('sam', ['supervision', 'cancel'], { session: session.id.slice(-6) });
    await world.chat.command('riley', ['supervision', 'ics'], { session: session.id.slice(-6) });
    const after = new ICAL.Event(
      new ICAL.Component(ICAL.parse(String(world.files.at(-1)?.content))).getFirstSubcomponent('vevent')!,
    );
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});
