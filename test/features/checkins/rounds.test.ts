// A round from `/peer checkin now` to its digest, through the real router and scheduler on a
// cloned database: who is asked, who is reminded, and exactly what the digest shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dm } from '../../support/chat-harness.ts';
import { buttonValue, type CheckinWorld, checkinWorld } from './support.ts';

let w: CheckinWorld;
let roundId: string;

beforeAll(async () => {
  w = await checkinWorld({ start: '2026-03-02T08:00:00Z' });
  await w.team({ admin: 'sam', supervisors: ['sue'], members: ['ana', 'ben', 'cal'] });
  await w.command('sam', ['team', 'supervisor'], { member: 'ben', supervisor: 'sue' });
  w.setChannel(['sam', 'sue', 'ana', 'ben', 'cal', { userId: 'helperbot', isBot: true }]);
});

afterAll(async () => {
  await w.db.close();
});

const prompts = async () =>
  (await w.outbox({ keyPrefix: 'checkin-prompt:' })).filter((p) => p.idempotencyKey.includes(roundId));

describe('a round opened with /peer checkin now', () => {
  it('uses the support circle when nothing is set up, posts a note and prompts everyone on the roster privately', async () => {
    const reply = await w.command('sue', ['checkin', 'now']);
    expect(reply.text()).toContain('I am sending 5 private prompts');
    const round = await w.prisma.checkinRound.findFirstOrThrow({ include: { template: true } });
    roundId = round.id;
    expect(round.template.name).toBe('Support circle');
    const sent = await prompts();
    expect(sent.map((p) => p.recipientId).sort()).toEqual(['ana', 'ben', 'cal', 'sam', 'sue']);
    expect(sent[0]?.shown).toContain('[Answer] [Skip this one] [Remind me in an hour]');
    const [note] = await w.outbox({ keyPrefix: 'checkin-note:' });
    expect(note).toMatchObject({ target: 'channel', recipientId: 'team' });
    expect(note?.shown).toContain('Support circle is open');
  });

  it('refuses a member who is not an admin or supervisor', async () => {
    const reply = await w.command('ana', ['checkin', 'now']);
    expect(reply.text()).toContain('Only the team’s admins and supervisors');
    expect(await w.prisma.checkinRound.count()).toBe(1);
  });

  it('opens the answer form with a choice of audience for every answer', async () => {
    const reply = await w.action('ana', 'checkins:answer', roundId, dm);
    const form = reply.seen[0]?.form;
    expect(form?.inputs.map((i) => i.id)).toEqual(['q1', 'q1-who', 'q2', 'q2-who', 'q3', 'q3-who', 'q4']);
    expect(form?.context).toBe(roundId);
  });

  it('stores answers encrypted, with their audiences; a second answer replaces the first with a note', async () => {
    await w.form(
      'ana',
      'checkins:answer',
      {
        q1: '4',
        'q1-who': 'anonymous',
        q2: 'A client laughed today',
        'q2-who': 'anonymous',
      },
      dm,
      roundId,
    );
    const again = await w.form(
      'ana',
      'checkins:answer',
      {
        q1: '4',
        'q1-who': 'anonymous',
        q2: 'Lunch in the sun with the team',
        'q2-who': 'anonymous',
      },
      dm,
      roundId,
    );
    expect(again.text()).toContain('replaces the one you gave before');
    await w.form(
      'ben',
      'checkins:answer',
      {
        q1: '2',
        'q1-who': 'supervisor',
        q3: 'My sister is in hospital',
        'q3-who': 'supervisor',
      },
      dm,
      roundId,
    );
    const skip = await w.action('cal', 'checkins:skip', roundId, dm);
    expect(skip.text()).toContain('Skipped, no problem');
    const rows = await w.prisma.checkinAnswer.findMany({ include: { member: true } });
    expect(rows).toHaveLength(3);
    const ben = rows.find((r) => r.member.platformUserId === 'ben');
    expect(ben).toMatchObject({ mood: null, supervisorOnly: 2, sharedAnon: 0 });
    expect(JSON.stringify(rows)).not.toContain('hospital');
    // Whole phrases: a short word could turn up by chance inside base64 ciphertext.
    expect(JSON.stringify(rows)).not.toContain('in the sun');
  });

  it('tells the primary supervisor privately, without the text, and audits their read', async () => {
    const [notice] = await w.outbox({ keyPrefix: 'checkin-private:' });
    expect(notice).toMatchObject({ recipientId: 'sue', isPrivate: true, target: 'dm' });
    expect(notice?.shown).not.toContain('hospital');
    const read = await w.action('sue', 'checkins:read', buttonValue(notice!.view, 'Read it'), dm);
    expect(read.text()).toContain('My sister is in hospital');
    expect(await w.prisma.auditLog.count({ where: { action: 'read.checkin-answer' } })).toBe(1);
    const nosy = await w.action('ana', 'checkins:read', buttonValue(notice!.view, 'Read it'), dm);
    expect(nosy.text()).not.toContain('hospital');
  });

  it('reminds only those who neither answered nor skipped, once', async () => {
    w.clock.advance(20 * 3_600_000);
    await w.tick();
    await w.tick();
    const reminders = await w.outbox({ keyPrefix: 'checkin-reminder:' });
    expect(reminders.map((r) => r.recipientId).sort()).toEqual(['sam', 'sue']);
    expect(reminders[0]?.shown).toContain('still open');
    expect(reminders[0]?.shown).not.toMatch(/ana|ben|cal/);
  });

  it('closes with a digest of exactly what each chose to share, and no mood spread for 2 answers', async () => {
    const reply = await w.command('sam', ['checkin', 'close']);
    expect(reply.text()).toContain('Closed the round');
    const [digest] = await w.outbox({ keyPrefix: 'checkin-digest:' });
    expect(digest?.target).toBe('channel');
    const shown = digest?.shown ?? '';
    expect(shown).toContain('2 people took part');
    expect(shown).toContain('• Lunch in the sun with the team');
    expect(shown).not.toContain('A client laughed today');
    expect(shown).not.toContain('ana');
    expect(shown).not.toContain('hospital');
    expect(shown).not.toContain('How we are arriving');
    expect(shown).toContain('at least 3 people share how they are arriving');
    const channelRows = (await w.outbox()).filter((r) => r.target === 'channel');
    for (const row of channelRows) expect(row.shown).not.toMatch(/hospital|\bana\b|\bben\b|\bcal\b/);
  });

  it('refuses an answer to a closed round and keeps nothing new', async () => {
    const before = await w.prisma.checkinAnswer.count();
    const late = await w.form('sam', 'checkins:answer', { q2: 'late', 'q2-who': 'team' }, dm, roundId);
    expect(late.text()).toContain('has closed');
    expect(await w.prisma.checkinAnswer.count()).toBe(before);
    await w.tick();
    expect(await w.outbox({ keyPrefix: 'checkin-digest:' })).toHaveLength(1);
  });
});
