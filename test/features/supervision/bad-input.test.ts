import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { clonedDatabase } from '../../support/database.ts';
import { supervisionWorld } from './support.ts';

let db: Database;
let world: ReturnType<typeof supervisionWorld>;
beforeAll(async () => {
  db = await clonedDatabase();
  world = supervisionWorld(db, '2026-03-01T12:00:00Z');
  await world.team({ riley: 'America/New_York' });
});
afterAll(() => db.close());

const stored = async () => ({
  series: await db.prisma.supervisionSeries.count(),
  sessions: await db.prisma.supervisionSession.count(),
  polls: await db.prisma.poll.count(),
  slots: await db.prisma.supervisionSlot.count(),
});
const nothing = { series: 0, sessions: 0, polls: 0, slots: 0 };
const base = { title: 'Group supervision', date: '2026-03-09', time: '18:00', length: 60 };

describe('bad input gets a clear, private answer and nothing is stored', { timeout: 300_000 }, () => {
  it('an RRULE with no end is refused, saying how to end it', async () => {
    const reply = await world.chat.command('sam', ['supervision', 'new'], {
      ...base,
      repeat: 'rrule',
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
    });
    expect(reply.seen.map((r) => r.how)).toEqual(['privately']);
    expect(reply.text()).toMatch(/would run forever.*COUNT=10.*UNTIL=20261231/);
    expect(await stored()).toEqual(nothing);
  });

  it('a first session or a slot in the past is refused', async () => {
    expect(
      (await world.chat.command('sam', ['supervision', 'new'], { ...base, date: '2026-02-23' })).text(),
    ).toMatch(/in the past/);
    expect(
      (
        await world.chat.command('sam', ['supervision', 'poll'], {
          title: 'x',
          slots: '2026-02-28 10:00, 2026-03-04 10:00',
          length: 60,
        })
      ).text(),
    ).toMatch(/slots is in the past/);
    expect(
      (await world.chat.command('sam', ['supervision', 'slots'], { times: '2026-02-28 10:00' })).text(),
    ).toMatch(/in the past/);
    expect(await stored()).toEqual(nothing);
  });

  it('a length of 0 or over 8 hours is refused', async () => {
    for (const length of [0, 481]) {
      const reply = await world.chat.command('sam', ['supervision', 'new'], { ...base, length });
      expect(reply.seen.map((r) => r.how)).toEqual(['privately']);
      expect(reply.text()).toMatch(/`length`: pick a number from 10 to 480/);
    }
    expect(
      (
        await world.chat.command('sam', ['supervision', 'poll'], {
          title: 'x',
          slots: '2026-03-04 10:00, 2026-03-05 10:00',
          length: 0,
        })
      ).text(),
    ).toMatch(/`length`: pick a number from 10 to 480/);
    expect(await stored()).toEqual(nothing);
  });

  it('an unknown time zone is refused by name', async () => {
    const reply = await world.chat.command('sam', ['supervision', 'new'], {
      ...base,
      timezone: 'Mars/Olympus',
    });
    expect(reply.text()).toMatch(/'Mars\/Olympus' is not a time zone I know/);
    expect(
      (
        await world.chat.command('sam', ['supervision', 'poll'], {
          title: 'x',
          slots: '2026-03-04 10:00, 2026-03-05 10:00',
          length: 60,
          timezone: 'Europe/Berln',
        })
      ).text(),
    ).toMatch(/Europe\/Berln/);
    expect(await stored()).toEqual(nothing);
  });

  it('more than 10 poll slots, or fewer than 2, are refused', async () => {
    const eleven = Array.from(
      { length: 11 },
      (_, i) => `2026-03-${String(10 + i).padStart(2, '0')} 10:00`,
    ).join(', ');
    expect(
      (
        await world.chat.command('sam', ['supervision', 'poll'], { title: 'x', slots: eleven, length: 60 })
      ).text(),
    ).toMatch(/up to 10 slots; you gave 11/);
    expect(
      (
        await world.chat.command('sam', ['supervision', 'poll'], {
          title: 'x',
          slots: '2026-03-10 10:00',
          length: 60,
        })
      ).text(),
    ).toMatch(/2 to 10 slots; you gave 1/);
    expect(await stored()).toEqual(nothing);
  });

  it('dates, times and slots that cannot be read are named back', async () => {
    expect(
      (await world.chat.command('sam', ['supervision', 'new'], { ...base, date: '2026-02-30' })).text(),
    ).toMatch(/not a real date/);
    expect(
      (await world.chat.command('sam', ['supervision', 'new'], { ...base, time: '25:00' })).text(),
    ).toMatch(/'25:00' is not a time/);
    expect(
      (
        await world.chat.command('sam', ['supervision', 'poll'], {
          title: 'x',
          slots: 'tomorrow, friday',
          length: 60,
        })
      ).text(),
    ).toMatch(/'tomorrow' is not a slot/);
    expect(
      (
        await world.chat.command('sam', ['supervision', 'new'], {
          ...base,
          repeat: 'rrule',
          rrule: 'FREQ=WEEKLY;BYHOUR=9;COUNT=3',
        })
      ).text(),
    ).toMatch(/leave BYHOUR out/);
    expect(await stored()).toEqual(nothing);
  });

  it('members cannot start a series, and nobody can book a slot that is not there', async () => {
    expect((await world.chat.command('riley', ['supervision', 'new'], base)).text()).toMatch(
      /Only this team's supervisors and admins/,
    );
    expect((await world.chat.command('riley', ['supervision', 'book'], { slot: '#abcdef' })).text()).toMatch(
      /can’t find that slot/,
    );
    expect(await stored()).toEqual(nothing);
  });
});
