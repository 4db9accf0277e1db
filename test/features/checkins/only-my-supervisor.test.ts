// Issue 23 item 7: "Only my supervisor" when there is none, and "Who sees this answer?" left
// empty. The member is told plainly where each answer went (nobody, when they have no
// supervisor, with a way to choose again), an empty choice keeps the answer for the supervisor
// only (never the team), and the supervisor reads the scale in words.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { decryptItems } from '../../../src/features/checkins/answers.ts';
import { dm } from '../../support/chat-harness.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { buttonValue, type CheckinWorld, checkinWorld } from './support.ts';

let db: Database;
let w: CheckinWorld;
let roundId: string;

beforeAll(async () => {
  db = await clonedDatabase();
});
// Each test's world: an empty database, the team (ben supervised by sue, ana by nobody) and
// sue's round open.
beforeEach(async () => {
  await emptyDatabase(db);
  w = await checkinWorld({ start: '2026-03-02T08:00:00Z' }, db);
  await w.team({ admin: 'sam', supervisors: ['sue'], members: ['ana', 'ben'] });
  await w.command('sam', ['team', 'supervisor'], { member: 'ben', supervisor: 'sue' });
  w.setChannel(['sam', 'sue', 'ana', 'ben']);
  await w.command('sue', ['checkin', 'now']);
  roundId = (await w.prisma.checkinRound.findFirstOrThrow()).id;
});

afterAll(async () => {
  await db.close();
});

/** ben answers, leaving "Who sees this answer?" empty. */
const benLeavesItEmpty = () =>
  w.form('ben', 'checkins:answer', { q1: '2', q2: 'BEN-LEFT-EMPTY' }, dm, roundId);

const channelPosts = async () =>
  (await w.outbox()).filter((r) => r.target === 'channel' && !r.idempotencyKey.startsWith('checkin-note:'));

describe('"Only my supervisor" and an empty choice of audience', () => {
  it('says on the form, to a member with no supervisor, that nobody would read it', async () => {
    const form = (await w.action('ana', 'checkins:answer', roundId, dm)).seen[0]?.form;
    const who = form?.inputs.find((i) => i.id === 'q3-who');
    expect(who?.type === 'select' && who.choices.map((c) => c.label)).toContain(
      'Only my supervisor (you have none yet: nobody reads it)',
    );
    expect(who?.hint).toContain('Left empty: only your supervisor');
    const ben = (await w.action('ben', 'checkins:answer', roundId, dm)).seen[0]?.form;
    const bens = ben?.inputs.find((i) => i.id === 'q3-who');
    expect(bens?.type === 'select' && bens.choices.map((c) => c.label)).toContain('Only my supervisor');
  });

  it('tells a member with no supervisor that nobody will read it, and offers to answer again', async () => {
    const reply = await w.form(
      'ana',
      'checkins:answer',
      { q3: 'ANA-FOR-NOBODY', 'q3-who': 'supervisor' },
      dm,
      roundId,
    );
    expect(reply.text()).toContain('You do not have a supervisor yet, so nobody will read');
    expect(reply.text()).toContain('choose the team or the team without your name');
    expect(reply.text()).not.toContain('Nothing from this goes into the team digest');
    const view = reply.seen.find((s) => s.view)?.view;
    expect(buttonValue(view!, 'Answer again')).toBe(roundId);
    expect(await w.outbox({ keyPrefix: 'checkin-private:' })).toEqual([]);
  });

  it('keeps an answer whose audience was left empty for the supervisor only, and says so', async () => {
    const reply = await benLeavesItEmpty();
    expect(reply.text()).toContain('You left "Who sees this answer?" empty on 2 answers');
    expect(reply.text()).toContain('for your supervisor only, the most private choice');
    expect(reply.text()).toContain('sue is told there is something for them');
    const answer = await w.prisma.checkinAnswer.findFirstOrThrow({
      where: { member: { displayName: 'ben' } },
    });
    expect(answer).toMatchObject({ sharedNamed: 0, sharedAnon: 0, supervisorOnly: 2, mood: null });
    expect(decryptItems(w.cipher, answer).map((i) => i.audience)).toEqual(['supervisor', 'supervisor']);
    for (const post of await channelPosts()) expect(post.shown).not.toContain('BEN-LEFT-EMPTY');
  });

  it('shows the supervisor the scale in words, not a bare number', async () => {
    await benLeavesItEmpty();
    const [notice] = await w.outbox({ keyPrefix: 'checkin-private:' });
    const read = await w.action('sue', 'checkins:read', buttonValue(notice!.view, 'Read it'), dm);
    expect(read.text()).toContain('How are you arriving?: 2 · struggling');
    expect(read.text()).toContain('BEN-LEFT-EMPTY');
  });
});
