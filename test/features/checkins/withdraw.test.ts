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

  it('takes back a live answer that was being sent during the erase, once it is sent', async () => {
    // A worker has claimed ben's live answer and counted its try: it is on its way to the
    // platform with his words, read before the erase.
    const [inFlight] = await w
      .outbox({ keyPrefix: 'checkin-live:' })
      .then((rows) => rows.filter((r) => r.shown.includes('BEN-WORDS')));
    await w.prisma.outboxMessage.update({
      where: { id: inFlight!.id },
      data: { lockedBy: 'replica-a#1', lockedUntil: new Date(Date.now() + 60_000), attempts: 1 },
    });
    w.updates.length = 0;
    const ben = await w.memberId('ben');
    const erased = await w.prisma.$transaction((tx) => w.checkins.personalData!.erase(ben, tx as never));
    await erased.afterCommit?.();
    // The erase does not wait for the send: the digest is edited now, the live post later.
    expect(w.updates.map((u) => u.message.messageId)).toEqual(['M-DIGEST']);
    const [kept] = await w.outbox({ keyPrefix: inFlight!.idempotencyKey });
    expect(kept?.shown).toContain('has taken it back');

    // The worker's send lands and is recorded; the post is then edited to the taken-back view.
    await w.prisma.outboxMessage.update({
      where: { id: inFlight!.id },
      data: { status: 'sent', platformMessageId: 'M-LIVE-BEN', sentAt: w.clock.now(), lockedBy: null },
    });
    const deadline = Date.now() + 15_000;
    while (!w.updates.some((u) => u.message.messageId === 'M-LIVE-BEN') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const edit = w.updates.find((u) => u.message.messageId === 'M-LIVE-BEN');
    expect(edit, 'the live post was never edited').toBeDefined();
    expect(flatten(edit!.view)).not.toContain('BEN-WORDS');
    expect(flatten(edit!.view)).toContain('has taken it back');
  });
});
