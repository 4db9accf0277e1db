// Issue 23 item 4: when an urgent flag finds nobody, the crisis lines are in that last message
// itself, the team's admins are told (without whose it was or what it said), an admin pairing
// a member is warned when no admin is also a supervisor, and "It was heavy" offers the lines.
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
});
afterAll(async () => {
  await db.close();
});

/** alice admin (not a supervisor); sam maya's only supervisor: the chain ends with sam. */
async function thinTeam() {
  await w.command('alice', ['setup'], { name: 'Thin', timezone: 'UTC' }, 'C-thin');
  await w.command('alice', ['team', 'role'], { user: 'sam', role: 'supervisor' }, 'C-thin');
  return w.command('alice', ['team', 'supervisor'], { member: 'maya', supervisor: 'sam' }, 'C-thin');
}

describe('an urgent flag that finds nobody', () => {
  it('warns the admin at pairing time that no admin is also a supervisor', async () => {
    const paired = await thinTeam();
    expect(said(paired.seen[0]?.view)).toContain('no admin of this team is also a supervisor');
    await w.command('alice', ['team', 'role'], { user: 'sam', role: 'admin' }, 'C-thin');
    const again = await w.command(
      'alice',
      ['team', 'supervisor'],
      { member: 'lee', supervisor: 'sam' },
      'C-thin',
    );
    expect(said(again.seen[0]?.view)).not.toContain('no admin of this team is also a supervisor');
  });

  it('lists the crisis lines in the last message to the member, and tells the admins without the flag', async () => {
    await thinTeam();
    await w.flag('maya', { level: 'talk-now', wish: 'talk-now', note: 'NOBODY-NOTE-77' }, 'C-thin');
    w.clock.advance(15 * MIN);
    await w.scheduler().tick();
    const last = (await w.inbox('maya')).find((v) => said(v).includes('nobody else on your team'));
    expect(said(last)).toContain('988 Suicide & Crisis Lifeline');
    expect(said(last)).not.toContain('/peer flag` shows them again');
    const toAlice = (await w.inbox('alice')).map(said).join('\n');
    expect(toAlice).toContain('An urgent private flag in Thin found nobody');
    expect(toAlice).not.toContain('maya');
    expect(toAlice).not.toContain('NOBODY-NOTE');
    expect(toAlice).not.toContain('talk now');
  });

  it('tells no admin when a flag that asked for nothing soon finds nobody', async () => {
    await thinTeam();
    await w.flag('maya', { level: 'noting', wish: 'just-noting' }, 'C-thin');
    w.clock.advance(5 * 60 * MIN);
    await w.scheduler().tick();
    expect((await w.inbox('maya')).map(said).join()).toContain('988 Suicide & Crisis Lifeline');
    expect(await w.inbox('alice')).toEqual([]);
  });
});

describe('"It was heavy" on a self-care prompt', () => {
  it('offers the crisis lines as well as the private flag', async () => {
    await thinTeam();
    await w.form(
      'maya',
      'selfcare:choose',
      { topics: ['end-of-shift'], days: ['MO'], weekly: 'FR', time: '17:30' },
      dm,
    );
    const nudge = await w.prisma.selfCareNudge.findFirstOrThrow({ where: { topic: 'end-of-shift' } });
    const heavy = await w.action('maya', 'selfcare:heavy', nudge.id, dm);
    expect(said(heavy.seen[0]?.view)).toContain('988 Suicide & Crisis Lifeline');
    expect(said(heavy.seen[0]?.view)).toContain('flags:start');
  });
});
