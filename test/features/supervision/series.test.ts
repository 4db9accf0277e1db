import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { planSeries } from '../../../src/features/supervision/series-rule.ts';
import { clonedDatabase } from '../../support/database.ts';
import { supervisionWorld } from './support.ts';

const iso = (dates: readonly Date[]) => dates.map((d) => d.toISOString());

function plan(input: Parameters<typeof planSeries>[0]) {
  const planned = planSeries(input);
  if (!planned.ok) throw new Error(planned.reason);
  return planned.value;
}

describe('series recurrence across daylight saving time', () => {
  it('weekly in New York keeps 09:00 local through the March and November changes', () => {
    const spring = plan({
      repeat: 'weekly',
      firstDate: '2026-03-02',
      time: '09:00',
      timeZone: 'America/New_York',
      count: 3,
    });
    expect(iso(spring.starts)).toEqual([
      '2026-03-02T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-16T13:00:00.000Z',
    ]);
    expect(spring.rule).toBe('FREQ=WEEKLY;BYDAY=MO');
    const autumn = plan({
      repeat: 'weekly',
      firstDate: '2026-10-26',
      time: '09:00',
      timeZone: 'America/New_York',
      count: 2,
    });
    expect(iso(autumn.starts)).toEqual(['2026-10-26T13:00:00.000Z', '2026-11-02T14:00:00.000Z']);
  });

  it('every two weeks in Berlin moves one hour in UTC after the last Sunday of March', () => {
    const p = plan({
      repeat: 'biweekly',
      firstDate: '2026-03-16',
      time: '18:00',
      timeZone: 'Europe/Berlin',
      until: '2026-04-14',
    });
    expect(iso(p.starts)).toEqual([
      '2026-03-16T17:00:00.000Z',
      '2026-03-30T16:00:00.000Z',
      '2026-04-13T16:00:00.000Z',
    ]);
    expect(p.rule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO');
  });

  it('monthly by weekday in Berlin is the second Tuesday each month, in winter and summer time', () => {
    const p = plan({
      repeat: 'monthly',
      firstDate: '2026-02-10',
      time: '10:00',
      timeZone: 'Europe/Berlin',
      count: 3,
    });
    expect(p.rule).toBe('FREQ=MONTHLY;BYDAY=2TU');
    expect(iso(p.starts)).toEqual([
      '2026-02-10T09:00:00.000Z',
      '2026-03-10T09:00:00.000Z',
      '2026-04-14T08:00:00.000Z',
    ]);
  });

  it('monthly from a fifth weekday means the last one', () => {
    const p = plan({
      repeat: 'monthly',
      firstDate: '2026-03-31',
      time: '10:00',
      timeZone: 'America/New_York',
      count: 2,
    });
    expect(p.rule).toBe('FREQ=MONTHLY;BYDAY=-1TU');
    expect(iso(p.starts)).toEqual(['2026-03-31T14:00:00.000Z', '2026-04-28T14:00:00.000Z']);
  });

  it('a wall time that does not exist (Berlin 02:30 on the spring-forward night) is shifted by the gap', () => {
    const p = plan({
      repeat: 'rrule',
      rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=2',
      firstDate: '2026-03-22',
      time: '02:30',
      timeZone: 'Europe/Berlin',
    });
    expect(iso(p.starts)).toEqual(['2026-03-22T01:30:00.000Z', '2026-03-29T01:30:00.000Z']);
  });

  it('without an end a preset is capped at 12 months and says so; an RRULE without an end is refused', () => {
    const p = plan({ repeat: 'weekly', firstDate: '2026-03-02', time: '09:00', timeZone: 'UTC' });
    expect(p.capped).toBe(true);
    expect(p.starts).toHaveLength(53);
    const endless = planSeries({
      repeat: 'rrule',
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      firstDate: '2026-03-02',
      time: '09:00',
      timeZone: 'UTC',
    });
    expect(endless).toEqual({ ok: false, reason: expect.stringMatching(/run forever.*COUNT.*UNTIL/) });
  });
});

describe('editing a series keeps its exceptions', { timeout: 300_000 }, () => {
  let db: Database;
  beforeAll(async () => {
    db = await clonedDatabase();
  });
  afterAll(() => db.close());

  it('a moved and a cancelled session survive a change of time, and the sequence grows', async () => {
    const world = supervisionWorld(db);
    await world.team({ riley: 'America/New_York' });
    const created = await world.chat.command('sam', ['supervision', 'new'], {
      title: 'Group supervision',
      date: '2026-03-02',
      time: '18:00',
      length: 90,
      repeat: 'weekly',
      timezone: 'Europe/Berlin',
      count: 5,
    });
    expect(created.text()).toContain('5 sessions');
    const series = await db.prisma.supervisionSeries.findFirstOrThrow();
    const sessions = await db.prisma.supervisionSession.findMany({
      where: { seriesId: series.id },
      orderBy: { startsAt: 'asc' },
    });
    expect(sessions).toHaveLength(5);
    const [, second, third, fourth] = sessions;
    await world.chat.command('riley', ['supervision', 'topic'], { text: 'Boundaries with a long-time peer' });
    await db.prisma.rsvp.create({
      data: {
        sessionId: fourth!.id,
        memberId: (await db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'riley' } })).id,
        response: 'yes',
      },
    });

    const moved = await world.chat.command('sam', ['supervision', 'move'], {
      session: `#${second!.id.slice(-6)}`,
      date: '2026-03-10',
      time: '17:00',
    });
    expect(moved.text()).toContain('Moved to');
    const cancelled = await world.chat.command('sam', ['supervision', 'cancel'], {
      session: second ? third!.id.slice(-6) : '',
    });
    expect(cancelled.text()).toContain('is cancelled');

    const edited = await world.chat.command('sam', ['supervision', 'edit'], {
      series: series.id.slice(-6),
      time: '19:00',
    });
    expect(edited.text()).toContain('is updated');

    const after = await db.prisma.supervisionSession.findMany({
      where: { seriesId: series.id },
      orderBy: { originalStartsAt: 'asc' },
      include: { rsvps: true },
    });
    expect(after).toHaveLength(5);
    expect(after.map((s) => [s.startsAt.toISOString(), s.status])).toEqual([
      ['2026-03-02T18:00:00.000Z', 'scheduled'],
      ['2026-03-10T16:00:00.000Z', 'scheduled'], // moved: keeps its own time
      ['2026-03-16T17:00:00.000Z', 'cancelled'], // cancelled: stays as it was
      ['2026-03-23T18:00:00.000Z', 'scheduled'],
      ['2026-03-30T17:00:00.000Z', 'scheduled'], // 19:00 in Berlin summer time
    ]);
    // The moved session now points at the new rule's instant for its date.
    expect(after[1]?.originalStartsAt?.toISOString()).toBe('2026-03-09T18:00:00.000Z');
    // A plain session kept its row, its RSVP and its topic at the new time.
    expect(after[3]?.id).toBe(fourth!.id);
    expect(after[3]?.rsvps).toHaveLength(1);
    expect(await db.prisma.agendaTopic.count({ where: { sessionId: after[0]!.id } })).toBe(1);
    expect((await db.prisma.supervisionSeries.findUniqueOrThrow({ where: { id: series.id } })).sequence).toBe(
      3,
    );
  });
});
