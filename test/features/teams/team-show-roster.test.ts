// `/peer team show` lists the check-in roster (through the RosterPort, never checkins'
// internals) with each person's roles, supervisors and buddy opt-in, in pages that fit every
// platform; `/peer team escalation` sets how long flags wait, and refuses bad input unchanged.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderDiscordMessages } from '../../../src/adapters/discord/render-components.ts';
import { renderSlackMessages } from '../../../src/adapters/slack/render-blocks.ts';
import { discordLimits, slackLimits } from '../../../src/chat/limits.ts';
import type { View } from '../../../src/chat/views.ts';
import type { Database } from '../../../src/db/index.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { type CheckinWorld, checkinWorld } from '../checkins/support.ts';

let db: Database;
let w: CheckinWorld;
// One database for the file, emptied for each fresh world: a clone costs several times more.
beforeAll(async () => {
  db = await clonedDatabase();
});
afterAll(() => db.close());
const freshWorld = async () => {
  await emptyDatabase(db);
  return checkinWorld({ start: '2026-03-02T09:00:00Z' }, db);
};

/** The team's escalation times: after, and for "talk now". */
const times = async () => {
  const team = await w.prisma.team.findFirstOrThrow({ where: { channelId: 'team' } });
  return [team.escalateAfterMinutes, team.escalateUrgentMinutes];
};

/** A world of its own for each test of the enclosing describe. */
function worldPerTest() {
  beforeEach(async () => {
    w = await freshWorld();
  });
}

const lastPrivate = (reply: Awaited<ReturnType<CheckinWorld['command']>>): View => {
  const view = reply.seen.at(-1)?.view;
  if (!view) throw new Error(`no view in ${reply.text()}`);
  return view;
};

describe('/peer team show', () => {
  worldPerTest();
  it('lists the roster the platform read, with roles, supervisors and buddies; bots and leavers are left out', async () => {
    await w.team({ admin: 'alex', supervisors: ['sam'], members: ['maya', 'gone'] });
    await w.command('alex', ['team', 'supervisor'], { member: 'maya', supervisor: 'sam' });
    await w.command('maya', ['checkin', 'buddy'], { state: 'on' });
    // The channel now: alex (admin) has left it, gone left it, a bot and a newcomer are in it.
    w.setChannel(['sam', 'maya', 'newcomer', { userId: 'helper-bot', isBot: true }]);
    await w.command('alex', ['checkin', 'roster']);

    const shown = (await w.command('maya', ['team', 'show'])).text();
    expect(shown).toContain('• maya (member) — primary: sam · support buddy');
    expect(shown).toContain('• sam (supervisor, member)');
    expect(shown).toContain('• newcomer (member)');
    expect(shown).toContain('• alex (admin, member) · not in the channel now');
    expect(shown).not.toContain('helper-bot');
    expect(shown).not.toContain('gone');
    expect(shown).toContain('People: 4');
    expect(shown).toContain('Flags go to the next person after: 4 hours (15 minutes for "talk now")');
  });

  it('lists the role holders before the roster was ever read', async () => {
    await w.team({ admin: 'alex', members: ['maya'] });
    const shown = (await w.command('maya', ['team', 'show'])).text();
    expect(shown).toContain('• alex (admin, member)');
    expect(shown).toContain('• maya (member)');
    expect(shown).not.toContain('not in the channel');
  });

  it('pages a long roster, and every page fits one Slack message and Discord’s message limits', async () => {
    await w.team({ admin: 'alex' });
    const long = (i: number) => `p${String(i).padStart(2, '0')}-${'x'.repeat(28)}`;
    w.setChannel(['alex', ...Array.from({ length: 59 }, (_, i) => long(i))]);
    await w.command('alex', ['checkin', 'roster']);

    const first = lastPrivate(await w.command('alex', ['team', 'show']));
    const text = (v: View) => v.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');
    expect(first.text).toContain('(page 1 of 3)');
    expect(text(first).match(/^• /gm)).toHaveLength(25);
    expect(text(first)).toContain('`/peer team show page:2` shows the next 25.');

    const third = lastPrivate(await w.command('alex', ['team', 'show'], { page: 3 }));
    expect(third.text).toContain('(page 3 of 3)');
    expect(text(third).match(/^• /gm)).toHaveLength(10);
    expect(text(third)).not.toContain('page:4');
    // A page past the end shows the last one rather than nothing.
    expect(lastPrivate(await w.command('alex', ['team', 'show'], { page: 9 })).text).toContain('page 3 of 3');

    for (const page of [1, 2, 3]) {
      const view = lastPrivate(await w.command('alex', ['team', 'show'], { page }));
      const slack = renderSlackMessages(view);
      expect(slack).toHaveLength(1);
      expect(slack[0]?.blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
      for (const message of renderDiscordMessages(view))
        expect((message.content ?? '').length).toBeLessThanOrEqual(discordLimits.content);
    }
    const everyone = new Set<string>();
    for (const page of [1, 2, 3]) {
      const view = lastPrivate(await w.command('alex', ['team', 'show'], { page }));
      for (const name of text(view).match(/^• (\S+)/gm) ?? []) everyone.add(name);
    }
    expect(everyone.size).toBe(60);
  });
});

describe('/peer team escalation', () => {
  worldPerTest();

  it('lets an admin set both times, shows them, and team show says them', async () => {
    await w.team({ admin: 'alex', members: ['maya'] });
    const now = await w.command('alex', ['team', 'escalation']);
    expect(now.text()).toContain('after 4 hours (15 minutes for "talk now")');
    const set = await w.command('alex', ['team', 'escalation'], { after: '1h30m', urgent: '10m' });
    expect(set.text()).toContain('Saved.');
    expect(await times()).toEqual([90, 10]);
    await w.command('alex', ['team', 'escalation'], { after: '2 hours' });
    expect(await times()).toEqual([120, 10]);
    expect((await w.command('maya', ['team', 'show'])).text()).toContain(
      'Flags go to the next person after: 2 hours (10 minutes for "talk now")',
    );
    const audited = await w.prisma.auditLog.findMany({
      where: { action: 'team.updated', actorMemberId: await w.memberId('alex') },
      orderBy: { id: 'asc' },
    });
    expect(audited.map((row) => row.detail)).toEqual([
      { changed: ['escalateAfterMinutes', 'escalateUrgentMinutes'], after: 90, urgent: 10 },
      { changed: ['escalateAfterMinutes', 'escalateUrgentMinutes'], after: 120, urgent: 10 },
    ]);
  });
});

// One world for every refusal: each must store nothing, so each later one also shows that
// none before it left anything behind.
describe('/peer team escalation refusals', () => {
  beforeAll(async () => {
    w = await freshWorld();
    await w.team({ admin: 'alex' });
  });

  it.each([
    [{ after: 'soon' }, "'soon' is not a length of time I can read"],
    [{ after: '4' }, "'4' is not a length of time I can read"],
    [{ after: '10m' }, 'must be between 30 minutes and 72 hours'],
    [{ after: '73h' }, 'must be between 30 minutes and 72 hours'],
    [{ urgent: '2m' }, 'must be between 5 minutes and 2 hours'],
    [{ urgent: '3h' }, 'must be between 5 minutes and 2 hours'],
    [{ urgent: '-5m' }, 'is not a length of time I can read'],
    [{ after: '1h', urgent: '90m' }, '"Talk now" flags should not wait longer than the others'],
  ])('refuses %o with a clear message and stores nothing', async (options, message) => {
    const reply = await w.command('alex', ['team', 'escalation'], options);
    expect(reply.text()).toContain(message);
    expect(reply.text()).not.toContain('Saved');
    expect(await times()).toEqual([240, 15]);
    expect(await w.prisma.auditLog.count({ where: { action: 'team.updated' } })).toBe(0);
  });
});

describe('/peer team escalation for others than admins', () => {
  worldPerTest();

  it('refuses members and supervisors, changing nothing', async () => {
    await w.team({ admin: 'alex', supervisors: ['sam'], members: ['maya'] });
    for (const who of ['sam', 'maya']) {
      const reply = await w.command(who, ['team', 'escalation'], { after: '1h' });
      expect(reply.text()).toMatch(/Only (this team's|team) admins|Only a team admin/);
    }
    expect(await times()).toEqual([240, 15]);
  });
});
