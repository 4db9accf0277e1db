// The roster as the platform lists it (bots and deactivated people out, people who left the
// channel leave it while their answers stay theirs), a lead's list / edit / pause / delete of
// check-ins, and the digest's mood spread: shown from the team's minimum group up, hidden below.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FormValues, View } from '../../../src/chat/index.ts';
import { createFieldCipher, type Database } from '../../../src/db/index.ts';
import { dm } from '../../support/chat-harness.ts';
import {
  clonedDatabase,
  type DatabaseSnapshot,
  emptyDatabase,
  restoreDatabase,
  snapshotDatabase,
} from '../../support/database.ts';
import { type CheckinWorld, checkinWorld } from './support.ts';

let db: Database;
let w: CheckinWorld;
let team: DatabaseSnapshot;
// One key for the file: the team's stored fields, made once, are read by every test's world.
const cipher = createFieldCipher(randomBytes(32));
const world = () => checkinWorld({ start: '2026-03-02T08:00:00Z', cipher }, db);

// Each test's world: the team set up by sam with sue supervising and ana, ben and cal as
// members, and the clock at Monday morning. The team is set up through its commands once, and
// its rows put back before each test (replaying the commands was half of each test's time).
beforeAll(async () => {
  db = await clonedDatabase();
  await emptyDatabase(db);
  w = await world();
  await w.team({ admin: 'sam', supervisors: ['sue'], members: ['ana', 'ben', 'cal'] });
  team = await snapshotDatabase(db);
}, 120_000);
beforeEach(async () => {
  await restoreDatabase(db, team);
  w = await world();
});
afterAll(async () => {
  await db.close();
});

const openRound = async () => {
  await w.command('sue', ['checkin', 'now']);
  return w.prisma.checkinRound.findFirstOrThrow({ where: { status: 'open' } });
};
const buttons = (reply: { seen: readonly { view?: View }[] }) =>
  (reply.seen[0]?.view?.blocks ?? []).flatMap((b) =>
    b.type === 'actions' ? b.elements.map((e) => ('label' in e ? e.label : '')) : [],
  );
const latestDigest = async () => (await w.outbox({ keyPrefix: 'checkin-digest:' })).at(-1)?.shown ?? '';

describe('the roster', () => {
  it('leaves out bots and deactivated people, and drops who left the channel while keeping their answers', async () => {
    w.setChannel([
      'sam',
      'sue',
      'ana',
      'ben',
      'cal',
      { userId: 'helperbot', isBot: true },
      { userId: 'gone', deleted: true },
    ]);
    const roster = await w.command('sam', ['checkin', 'roster']);
    expect(roster.text()).toContain('5 people; bots are left out.');
    expect(roster.text()).not.toMatch(/helperbot|gone/);

    const first = await openRound();
    await w.form('ana', 'checkins:answer', { q2: 'Quiet shift', 'q2-who': 'team' }, dm, first.id);
    await w.command('sam', ['checkin', 'close']);

    w.setChannel(['sam', 'sue', 'ben', 'cal']);
    const after = await w.command('sam', ['checkin', 'roster']);
    expect(after.text()).toContain('4 people');
    expect(after.text()).not.toContain('ana');
    const ana = await w.memberId('ana');
    const entry = await w.prisma.checkinRosterEntry.findFirstOrThrow({ where: { memberId: ana } });
    expect(entry).toMatchObject({ active: false });
    expect(entry.leftAt).not.toBeNull();
    expect(await w.prisma.checkinAnswer.count({ where: { memberId: ana } })).toBe(1);

    const second = await openRound();
    expect(second.invited).not.toContain(ana);
    expect(second.invited).toHaveLength(4);
    // Someone the round did not go to cannot answer or skip it, so nobody counts twice or from outside.
    const outside = await w.form(
      'ana',
      'checkins:answer',
      { q2: 'Still here', 'q2-who': 'team' },
      dm,
      second.id,
    );
    expect(outside.text()).toContain('you were not among them, so nothing was saved');
    expect((await w.action('ana', 'checkins:skip', second.id, dm)).text()).toContain('nothing was saved');
    expect(await w.prisma.checkinAnswer.count({ where: { roundId: second.id } })).toBe(0);

    // "Remind me in an hour": one private reminder to that person, an hour on; not for ana.
    const snoozed = await w.action('ben', 'checkins:snooze', second.id, dm);
    expect(snoozed.text()).toContain('remind you in about an hour');
    expect((await w.action('ana', 'checkins:snooze', second.id, dm)).text()).toContain('nothing was saved');
    const later = await w.outbox({ keyPrefix: `checkin-snooze:${second.id}:` });
    expect(later.map((r) => [r.recipientId, r.target, r.notBefore.toISOString()])).toEqual([
      ['ben', 'dm', '2026-03-02T09:00:00.000Z'],
    ]);
    expect(later[0]?.shown).toContain('[Answer] [Skip this one] [Remind me in an hour]');
    await w.command('sam', ['checkin', 'close']);
    w.setChannel(['sam', 'sue', 'ana', 'ben', 'cal']);
    await w.command('sam', ['checkin', 'roster']);
  });
});

describe("a lead's check-ins: list, edit, pause, delete", () => {
  const values: FormValues = {
    name: 'Monday circle',
    questions: 'One thing that went well',
    when: 'mon 09:00',
    clock: 'team',
    hours: '8',
    digest: 'close',
  };
  let templateId: string;
  const schedule = () =>
    w.prisma.schedule.findFirstOrThrow({ where: { payload: { path: ['templateId'], equals: templateId } } });

  async function setUp(v: FormValues) {
    const opened = await w.command('sam', ['checkin', 'setup']);
    const context = opened.seen.find((s) => s.how === 'form')?.form?.context;
    return w.form('sam', 'checkins:setup', v, dm, context);
  }

  /** sam saves "Monday circle"; its id is kept in `templateId`. */
  async function saveMondayCircle() {
    const reply = await setUp(values);
    templateId = (await w.prisma.checkinTemplate.findFirstOrThrow({ where: { name: 'Monday circle' } })).id;
    return reply;
  }

  it('lists a saved check-in with Edit, Pause and Delete for leads only', async () => {
    expect((await saveMondayCircle()).text()).toContain('Saved **Monday circle**');
    const lead = await w.command('sue', ['checkin', 'list']);
    expect(lead.text()).toContain('**Monday circle**');
    expect(buttons(lead)).toEqual(['Edit', 'Pause', 'Delete']);
    const member = await w.command('ana', ['checkin', 'list']);
    expect(member.text()).toContain('**Monday circle**');
    expect(buttons(member)).toEqual([]);
  });

  it('refuses a member who presses Pause or Delete, and changes nothing', async () => {
    await saveMondayCircle();
    for (const button of ['checkins:toggle', 'checkins:delete']) {
      const reply = await w.action('ana', button, templateId, dm);
      expect(reply.text()).toContain('Only the team’s admins and supervisors');
    }
    expect(await w.prisma.checkinTemplate.findUniqueOrThrow({ where: { id: templateId } })).toMatchObject({
      active: true,
      deletedAt: null,
    });
    expect((await schedule()).active).toBe(true);
  });

  it('pauses and resumes the schedule', async () => {
    await saveMondayCircle();
    expect((await w.action('sam', 'checkins:toggle', templateId, dm)).text()).toContain('is paused');
    expect((await schedule()).active).toBe(false);
    expect(buttons(await w.command('sam', ['checkin', 'list']))).toContain('Resume');
    expect((await w.action('sam', 'checkins:toggle', templateId, dm)).text()).toContain('running again');
    expect((await schedule()).active).toBe(true);
  });

  it('edits it in the same form, starting from what it holds', async () => {
    await saveMondayCircle();
    const edit = await w.action('sue', 'checkins:edit', templateId, dm);
    const form = edit.seen[0]?.form;
    expect(form?.context).toMatch(new RegExp(`^edit:.+:${templateId}$`));
    const saved = await w.form('sue', 'checkins:setup', { ...values, when: 'tue 10:30' }, dm, form?.context);
    expect(saved.text()).toContain('Saved');
    expect(await w.prisma.checkinTemplate.count({ where: { name: 'Monday circle' } })).toBe(1);
    expect((await w.command('sam', ['checkin', 'list'])).text()).toContain('Tue at 10:30');
  });

  it('asks before deleting: Delete alone and Keep it change nothing', async () => {
    await saveMondayCircle();
    const asked = await w.action('sam', 'checkins:delete', templateId, dm);
    expect(asked.text()).toContain('Delete **Monday circle**?');
    const buttons = JSON.stringify(asked.seen[0]?.view);
    expect(buttons).toContain('checkins:delete-yes');
    expect(buttons).toContain('checkins:delete-no');
    expect((await w.action('sam', 'checkins:delete-no', templateId, dm)).text()).toContain('Nothing changed');
    expect((await w.command('sam', ['checkin', 'list'])).text()).toContain('Monday circle');
    expect((await schedule()).active).toBe(true);
    // The confirmation asks again who may: a member's forged press is refused.
    expect((await w.action('ana', 'checkins:delete-yes', templateId, dm)).text()).not.toContain('is deleted');
    expect((await schedule()).active).toBe(true);
  });

  it('deletes it: gone from the list, its schedule stopped, and the name free to use again', async () => {
    await saveMondayCircle();
    expect((await w.action('sam', 'checkins:delete-yes', templateId, dm)).text()).toContain('is deleted');
    expect((await w.command('sam', ['checkin', 'list'])).text()).not.toContain('Monday circle');
    expect((await schedule()).active).toBe(false);
    expect((await w.action('sam', 'checkins:edit', templateId, dm)).text()).toContain(
      'That check-in is gone',
    );
    expect((await setUp(values)).text()).toContain('Saved **Monday circle**');
    expect((await w.command('sam', ['checkin', 'list'])).text()).toContain('**Monday circle**');
    const history = await w.prisma.checkinTemplate.findUniqueOrThrow({ where: { id: templateId } });
    expect(history.name).toMatch(/^Monday circle \(deleted 2026-03-02, #\w{6}\)$/);
  });
});

describe('the mood spread in the digest', () => {
  const answerMoods = async (roundId: string, moods: Record<string, string>) => {
    for (const [who, mood] of Object.entries(moods))
      await w.form(who, 'checkins:answer', { q1: mood, 'q1-who': 'anonymous' }, dm, roundId);
  };

  /** Two rounds this week in which only ana and ben shared a mood. */
  const twoRoundsOfTwo = async () => {
    for (const moods of [
      { ana: '5', ben: '2' },
      { ana: '4', ben: '1' },
    ]) {
      const round = await openRound();
      await answerMoods(round.id, moods);
      await w.command('sam', ['checkin', 'close']);
    }
  };

  it("keeps the supervisor's weekly trend hidden while fewer than three people shared a mood, however many rounds", async () => {
    await twoRoundsOfTwo();
    const trend = await w.command('sue', ['checkin', 'trend']);
    expect(trend.text()).toContain('mood spread hidden (fewer than 3 shared a mood)');
  });

  it('shows the spread once three people shared a mood, with no names', async () => {
    // The week's trend counts the two earlier rounds' moods too.
    await twoRoundsOfTwo();
    const round = await openRound();
    await answerMoods(round.id, { ana: '4', ben: '4', cal: '2' });
    await w.command('sam', ['checkin', 'close']);
    const digest = await latestDigest();
    expect(digest).toContain('3 people took part');
    expect(digest).toContain(
      'How we are arriving: thriving: 0 · doing well: 2 · getting by: 0 · struggling: 1 · in a hard place: 0',
    );
    expect(digest).not.toMatch(/\bana\b|\bben\b|\bcal\b/);
    const trend = await w.command('sue', ['checkin', 'trend']);
    expect(trend.text()).toMatch(
      /week of 2026-03-02: \d+% took part; thriving 1, doing well 3, getting by 0, struggling 2, in a hard place 1/,
    );
  });

  it("hides it below the team's own minimum group", async () => {
    expect((await w.command('sam', ['checkin', 'min-group'], { size: 4 })).text()).toContain('at least 4');
    const round = await openRound();
    await answerMoods(round.id, { ana: '5', ben: '3', cal: '3' });
    await w.command('sam', ['checkin', 'close']);
    const digest = await latestDigest();
    expect(digest).toContain('3 people took part');
    expect(digest).not.toContain('How we are arriving');
    expect(digest).toContain('at least 4 people take part');
  });

  it('never counts a mood shared only with the supervisor', async () => {
    await w.command('sam', ['checkin', 'min-group'], { size: 3 });
    const round = await openRound();
    await answerMoods(round.id, { ana: '5', ben: '5' });
    await w.form('cal', 'checkins:answer', { q1: '1', 'q1-who': 'supervisor' }, dm, round.id);
    await w.command('sam', ['checkin', 'close']);
    const digest = await latestDigest();
    expect(digest).toContain('3 people took part');
    expect(digest).not.toContain('How we are arriving');
  });
});
