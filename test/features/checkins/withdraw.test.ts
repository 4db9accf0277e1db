// A member who erases their data takes what they shared out of the team's check-in posts:
// a live answer already posted now says it was taken back, one not yet sent is never sent, and
// the digest is redrawn from the others' answers, in the database and on the platform.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dm } from '../../support/chat-harness.ts';
import { type CheckinWorld, checkinWorld, flatten } from './support.ts';

let w: CheckinWorld;
let roundId: string;

beforeAll(async () => {
  w = await checkinWorld({ start: '2026-03-02T08:00:00Z' });
  await w.team({ admin: 'sam', supervisors: ['sue'], members: ['ana', 'ben'] });
  w.setChannel(['sam', 'sue', 'ana', 'ben']);
  const opened = await w.command('sam', ['checkin', 'setup']);
  const form = opened.seen.find((s) => s.how === 'form')?.form;
  await w.form(
    'sam',
    'checkins:setup',
    {
      name: 'Live circle',
      questions: 'One thing on your mind',
      when: 'mon 09:00',
      clock: 'team',
      hours: '24',
      digest: 'live',
    },
    dm,
    form?.context,
  );
  await w.command('sue', ['checkin', 'now']);
  roundId = (await w.prisma.checkinRound.findFirstOrThrow()).id;
});

afterAll(async () => {
  await w.db.close();
});

const answer = (who: string, words: string) =>
  w.form(who, 'checkins:answer', { q1: words, 'q1-who': 'team' }, dm, roundId);

/** Marks a queued post as delivered, as the outbox worker would. */
async function delivered(keyPrefix: string, messageId: string) {
  const [row] = await w.outbox({ keyPrefix });
  await w.prisma.outboxMessage.update({
    where: { id: row!.id },
    data: { status: 'sent', platformMessageId: messageId, sentAt: w.clock.now() },
  });
}

describe('erasing takes shared answers out of the check-in posts', () => {
  it('posts live answers and a digest with what ana and ben shared', async () => {
    await answer('ana', 'ANA-FIRST-WORDS');
    const [first] = await w.outbox({ keyPrefix: 'checkin-live:' });
    await delivered(first!.idempotencyKey, 'M-LIVE-1');
    w.clock.advance(60_000);
    await answer('ana', 'ANA-SECOND-WORDS');
    await answer('ben', 'BEN-WORDS');
    const live = await w.outbox({ keyPrefix: 'checkin-live:' });
    expect(live.map((r) => r.shown).join('\n')).toMatch(
      /ANA-FIRST-WORDS[\s\S]*ANA-SECOND-WORDS[\s\S]*BEN-WORDS/,
    );
    await w.command('sue', ['checkin', 'close']);
    await delivered('checkin-digest:', 'M-DIGEST');
    const [digest] = await w.outbox({ keyPrefix: 'checkin-digest:' });
    expect(digest?.shown).toContain('ANA-SECOND-WORDS');
    expect(digest?.shown).toContain('BEN-WORDS');
  });

  it('withdraws ana’s words everywhere and leaves ben’s', async () => {
    const ana = await w.memberId('ana');
    const data = w.checkins.personalData!;
    const erased = await w.prisma.$transaction((tx) => data.erase(ana, tx as never));
    // Nothing reaches the platform before the erase has committed.
    expect(w.updates).toEqual([]);
    await erased.afterCommit?.();

    const all = await w.outbox();
    expect(all.filter((r) => r.shown.includes('ANA-'))).toEqual([]);
    const live = await w.outbox({ keyPrefix: 'checkin-live:' });
    // The posted one now says it was taken back; the one not yet sent is gone.
    expect(live.map((r) => [r.platformMessageId, r.shown.includes('BEN-WORDS')])).toEqual([
      ['M-LIVE-1', false],
      [null, true],
    ]);
    expect(live[0]?.shown).toContain('has taken it back');
    const [digest] = await w.outbox({ keyPrefix: 'checkin-digest:' });
    expect(digest?.shown).toContain('BEN-WORDS');

    // And on the platform: exactly those two posts edited, to what their rows say now.
    expect(w.updates.map((u) => [u.message.messageId, u.message.channelId])).toEqual(
      expect.arrayContaining([
        ['M-LIVE-1', 'team'],
        ['M-DIGEST', 'team'],
      ]),
    );
    expect(w.updates).toHaveLength(2);
    for (const update of w.updates) expect(flatten(update.view)).not.toContain('ANA-');
    expect(flatten(w.updates.find((u) => u.message.messageId === 'M-DIGEST')!.view)).toContain('BEN-WORDS');
  });
});
