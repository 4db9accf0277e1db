// Escalation on the injected clock: primary -> backup -> admins who are supervisors, stopped by
// an acknowledgement; quiet hours hold a flag by the table of levels and wishes in levels.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { ManualClock } from '../../../src/scheduling/index.ts';
import { dm } from '../../support/chat-harness.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { flagsWorld, said, type World } from './support/world.ts';

const MIN = 60_000;
let db: Database;
let w: World;

// One database for the file, emptied before each test: a world of its own at a fraction of a clone's cost.
beforeAll(async () => {
  db = await clonedDatabase();
});
beforeEach(async () => {
  await emptyDatabase(db);
  w = await flagsWorld({ db, clock: new ManualClock('2026-03-02T10:00:00Z') });
  await w.standardTeam();
});
afterAll(async () => {
  await db.close();
});

const flagOf = () => w.prisma.triggerFlag.findFirstOrThrow({ where: { author: { platformUserId: 'maya' } } });
const texts = async (user: string) => (await w.inbox(user)).map(said).join('\n');

describe('escalation', () => {
  it('goes to the backup after 15 minutes for "I need to talk now", then to the admins, telling the member each time', async () => {
    await w.flag('maya', { level: 'talk-now', wish: 'talk-now', note: 'escalate me' });
    const scheduler = w.scheduler();

    w.clock.advance(14 * MIN);
    await scheduler.tick();
    expect(await w.inbox('kim')).toHaveLength(0);

    w.clock.advance(1 * MIN);
    await scheduler.tick();
    const toKim = await w.inbox('kim');
    expect(toKim).toHaveLength(1);
    // A notice (issue 21): the note itself only behind Open.
    expect(said(toKim[0])).not.toContain('escalate me');
    expect(said(toKim[0])).toContain('A private flag from maya');
    expect(said(toKim[0])).toContain('sam has not seen this yet, so it now comes to you as well.');
    expect(await texts('maya')).toContain(
      'Your flag went to sam; they have not seen it yet, so it now goes to kim too.',
    );
    expect(await flagOf()).toMatchObject({ step: 1, status: 'escalated' });

    await scheduler.tick();
    expect(await w.inbox('kim')).toHaveLength(1);

    w.clock.advance(15 * MIN);
    await scheduler.tick();
    expect(await texts('ola')).toContain('A private flag from maya');
    expect(await texts('alice')).not.toContain('A private flag from maya');
    expect(await texts('maya')).toContain('now goes to ola too');
    expect(await flagOf()).toMatchObject({ step: 2, escalateAt: null });

    w.clock.advance(5 * 60 * MIN);
    await scheduler.tick();
    expect(await w.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: 'flag:' } } })).toBe(
      5,
    );
    // Now kim (backup) and ola (admin supervisor, escalated to) may read it; the read is audited.
    const flag = await flagOf();
    const opened = await w.action('ola', 'flags:open', flag.id, dm);
    expect(said(opened.seen[0]?.view)).toContain('escalate me');
  });

  it('escalates once after a restart that missed the due time, and counts the next step from then', async () => {
    await w.flag('maya', { level: 'talk-now', wish: 'talk-now', note: 'while you were down' });
    const before = w.scheduler('before-restart');
    w.clock.advance(5 * MIN);
    await before.tick();
    // Down from 10:05 to 10:40: the 10:15 step was due while nothing ran.
    w.clock.advance(35 * MIN);
    const after = w.scheduler('after-restart');
    await after.tick();
    await after.tick();
    await before.tick();
    expect(await w.inbox('kim')).toHaveLength(1);
    expect(await texts('ola')).not.toContain('A private flag from maya');
    expect(await flagOf()).toMatchObject({ step: 1, status: 'escalated' });
    expect((await flagOf()).escalateAt?.toISOString()).toBe('2026-03-02T10:55:00.000Z');
    w.clock.advance(15 * MIN);
    await w.scheduler('second-restart').tick();
    expect(await texts('ola')).toContain('A private flag from maya');
    expect(await w.inbox('kim')).toHaveLength(1);
  });

  it('does not escalate once the supervisor has acknowledged', async () => {
    await w.flag('maya', { level: 'weighing', wish: 'talk-today' });
    const flag = await flagOf();
    expect(flag.escalateAt?.toISOString()).toBe('2026-03-02T14:00:00.000Z');
    w.clock.advance(3 * 60 * MIN);
    await w.action('sam', 'flags:reach-out', flag.id, dm);
    w.clock.advance(5 * 60 * MIN);
    await w.scheduler().tick();
    expect(await w.inbox('kim')).toHaveLength(0);
    expect(await texts('maya')).not.toContain('now goes to');
  });

  it('sends "talk now" at once during the supervisor\'s quiet hours, and holds "just noting it" until their morning', async () => {
    await w.command('sam', ['quiet-hours'], { hours: '21:00-07:00' }, dm);
    w.clock.advanceTo('2026-03-02T22:00:00Z'); // 23:00 in Berlin, the team's zone
    await w.flag('maya', { level: 'talk-now', wish: 'talk-now', note: 'now please' });
    const [urgent] = await w.inbox('sam');
    expect(urgent).toMatchObject({ urgent: true, respectQuietHours: false });
    expect((await flagOf()).escalateAt?.toISOString()).toBe('2026-03-02T22:15:00.000Z');

    await w.flag('lee', { level: 'noting', wish: 'just-noting' });
    await w.command('alice', ['team', 'supervisor'], { member: 'lee', supervisor: 'sam' }, 'C-team');
    w.clock.advance(MIN);
    await w.flag('lee', { level: 'noting', wish: 'just-noting', note: 'can wait' });
    const held = (await w.inbox('sam')).find((v) => said(v).includes('A private flag from lee'));
    expect(held).toMatchObject({ urgent: false, respectQuietHours: true });
    const leeFlag = await w.prisma.triggerFlag.findFirstOrThrow({
      where: { author: { platformUserId: 'lee' }, sentToIds: { isEmpty: false } },
    });
    // 07:00 Berlin is 06:00Z; four hours after sam can first see it.
    expect(leeFlag.escalateAt?.toISOString()).toBe('2026-03-03T10:00:00.000Z');
  });

  // The README's promise, level by wish: quiet hours hold only a flag that asks for nothing soon
  // ("at my next supervision", "just noting it") at the two lighter levels; "I'm struggling",
  // "I need to talk now", "talk now" and "talk today" go at once.
  const held = { 'next-supervision': true, 'just-noting': true, 'talk-now': false, 'talk-today': false };
  const table = [
    ['noting', held],
    ['weighing', held],
    [
      'struggling',
      { 'talk-now': false, 'talk-today': false, 'next-supervision': false, 'just-noting': false },
    ],
    ['talk-now', { 'talk-now': false, 'talk-today': false, 'next-supervision': false, 'just-noting': false }],
  ] as const;

  it('holds a flag for quiet hours by the table of four levels and four wishes', async () => {
    await w.command('sam', ['quiet-hours'], { hours: '21:00-07:00' }, dm);
    w.clock.advanceTo('2026-03-02T22:00:00Z'); // 23:00 in Berlin: sam's quiet hours
    const seen: Record<string, boolean> = {};
    const expected: Record<string, boolean> = {};
    for (const [level, wishes] of table) {
      for (const [wish, waits] of Object.entries(wishes)) {
        const note = `combo ${level} ${wish}`;
        w.clock.advance(MIN);
        await w.flag('maya', { level, wish, note });
        // The notice carries no note (supervisor DMs never hold private text): find it by its flag.
        const flag = await w.prisma.triggerFlag.findFirstOrThrow({
          where: { author: { platformUserId: 'maya' } },
          orderBy: { createdAt: 'desc' },
        });
        const dm = (await w.inbox('sam')).find((v) => v.key.includes(flag.id));
        if (!dm) throw new Error(`no DM to sam for ${note}`);
        seen[note] = dm.respectQuietHours && !dm.urgent;
        expected[note] = waits;
      }
    }
    expect(seen).toEqual(expected);
  });

  it("follows the team's own times: a team with a 1 h setting escalates at 1 h, and 5 min for talk now", async () => {
    const set = await w.command('alice', ['team', 'escalation'], { after: '1h', urgent: '5m' }, 'C-team');
    expect(said(set.seen[0]?.view)).toContain('Saved.');
    // The form tells the member the team's times before they send.
    const opened = await w.command('maya', ['flag'], {}, 'C-team');
    expect(opened.seen[0]?.form?.intro).toContain('within 1 hour (5 minutes when you need to talk now)');

    await w.flag('maya', { level: 'weighing', wish: 'talk-today', note: 'one hour team' });
    expect((await flagOf()).escalateAt?.toISOString()).toBe('2026-03-02T11:00:00.000Z');
    const scheduler = w.scheduler();
    w.clock.advance(59 * MIN);
    await scheduler.tick();
    expect(await w.inbox('kim')).toHaveLength(0);
    w.clock.advance(1 * MIN);
    await scheduler.tick();
    expect(said((await w.inbox('kim'))[0])).toContain('A private flag from maya');
    // The next step waits the team's hour again, counted from the escalation.
    expect((await flagOf()).escalateAt?.toISOString()).toBe('2026-03-02T12:00:00.000Z');

    await w.flag('maya', { level: 'talk-now', wish: 'talk-now', note: 'now' });
    const [now] = await w.prisma.triggerFlag.findMany({
      where: { author: { platformUserId: 'maya' }, severity: 'crisis' },
    });
    expect(now?.escalateAt?.toISOString()).toBe('2026-03-02T11:05:00.000Z');
  });
});
