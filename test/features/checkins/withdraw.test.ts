// Named answers have posts of their own (one a person's answer): a replaced answer edits its
// post instead of adding a second one, and a member who erases their data takes their posts
// back (one already posted says so, one not yet sent is never sent). The digest, which holds
// only counts and anonymous answers, is never redrawn: a before/after pair would point at them.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { dm } from '../../support/chat-harness.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { type CheckinWorld, checkinWorld, flatten } from './support.ts';

let db: Database;
let w: CheckinWorld;
let roundId: string;

beforeAll(async () => {
  db = await clonedDatabase();
});

// Each test's world: an empty database, the team with a "Live circle" check-in (named answers
// posted one by one) and its round open.
beforeEach(async () => {
  await emptyDatabase(db);
  w = await checkinWorld({ start: '2026-03-02T08:00:00Z' }, db);
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
  await db.close();
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

/**
 * ana answers, her post goes out as M-LIVE-1, she replaces her answer; ben answers (his post
 * not sent yet); sue closes the round and the digest goes out. Returns the digest's stored payload.
 */
async function answeredAndClosed(): Promise<string> {
  await answer('ana', 'ANA-FIRST-WORDS');
  const [first] = await w.outbox({ keyPrefix: 'checkin-live:' });
  await delivered(first!.idempotencyKey, 'M-LIVE-1');
  w.clock.advance(60_000);
  await answer('ana', 'ANA-SECOND-WORDS');
  await answer('ben', 'BEN-WORDS');
  await w.command('sue', ['checkin', 'close']);
  await delivered('checkin-digest:', 'M-DIGEST');
  w.updates.length = 0;
  return (
    await w.prisma.outboxMessage.findFirstOrThrow({
      where: { idempotencyKey: { startsWith: 'checkin-digest:' } },
    })
  ).payload;
}

describe('named posts: replaced and taken back, the digest never redrawn', () => {
  it('posts each named answer on its own, edits it when replaced, and keeps names out of the digest', async () => {
    await answer('ana', 'ANA-FIRST-WORDS');
    const [first] = await w.outbox({ keyPrefix: 'checkin-live:' });
    await delivered(first!.idempotencyKey, 'M-LIVE-1');
    w.clock.advance(60_000);
    await answer('ana', 'ANA-SECOND-WORDS');
    // The replaced answer's post was edited (stored and on the platform), not joined by a second.
    const ana = await w.outbox({ keyPrefix: 'checkin-live:' });
    expect(ana.map((r) => [r.platformMessageId, r.shown.includes('ANA-SECOND-WORDS')])).toEqual([
      ['M-LIVE-1', true],
    ]);
    expect(ana[0]?.shown).not.toContain('ANA-FIRST-WORDS');
    expect(w.updates.map((u) => u.message.messageId)).toEqual(['M-LIVE-1']);
    expect(flatten(w.updates[0]!.view)).toContain('ANA-SECOND-WORDS');
    expect(flatten(w.updates[0]!.view)).not.toContain('ANA-FIRST-WORDS');
    w.updates.length = 0;

    await answer('ben', 'BEN-WORDS');
    await w.command('sue', ['checkin', 'close']);
    await delivered('checkin-digest:', 'M-DIGEST');
    const [digest] = await w.outbox({ keyPrefix: 'checkin-digest:' });
    expect(digest?.shown).toContain('2 people took part');
    expect(digest?.shown).not.toMatch(/ANA-|BEN-|\bana\b|\bben\b/);
  });

  it('takes ana’s post back, leaves ben’s, and never touches the digest', async () => {
    const digestPayload = await answeredAndClosed();
    const ana = await w.memberId('ana');
    const data = w.checkins.personalData!;
    const erased = await w.prisma.$transaction((tx) => data.erase(ana, tx as never));
    // Nothing reaches the platform before the erase has committed.
    expect(w.updates).toEqual([]);
    await erased.afterCommit?.();

    const all = await w.outbox();
    expect(all.filter((r) => r.shown.includes('ANA-'))).toEqual([]);
    const live = await w.outbox({ keyPrefix: 'checkin-live:' });
    expect(live.map((r) => [r.platformMessageId, r.shown.includes('BEN-WORDS')])).toEqual([
      ['M-LIVE-1', false],
      [null, true],
    ]);
    expect(live[0]?.shown).toContain('has taken it back');
    const digest = await w.prisma.outboxMessage.findFirstOrThrow({
      where: { idempotencyKey: { startsWith: 'checkin-digest:' } },
    });
    expect(digest.payload).toBe(digestPayload);

    // On the platform: only her own post edited.
    expect(w.updates.map((u) => [u.message.messageId, u.message.channelId])).toEqual([['M-LIVE-1', 'team']]);
    for (const update of w.updates) expect(flatten(update.view)).not.toContain('ANA-');
  });

  it('takes back a live answer that was being sent during the erase, once it is sent', async () => {
    await answer('ben', 'BEN-WORDS');
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
    // The erase does not wait for the send, and leaves the digest alone.
    expect(w.updates).toEqual([]);
    const [kept] = await w.outbox({ keyPrefix: inFlight!.idempotencyKey });
    expect(kept?.shown).toContain('has taken it back');

    // The worker's send lands and is recorded; the post is then edited to the taken-back view.
    await w.prisma.outboxMessage.update({
      where: { id: inFlight!.id },
      data: { status: 'sent', platformMessageId: 'M-LIVE-BEN', sentAt: w.clock.now(), lockedBy: null },
    });
    await vi.waitFor(() => expect(w.updates.some((u) => u.message.messageId === 'M-LIVE-BEN')).toBe(true), {
      timeout: 15_000,
      interval: 100,
    });
    const edit = w.updates.find((u) => u.message.messageId === 'M-LIVE-BEN');
    expect(flatten(edit!.view)).not.toContain('BEN-WORDS');
    expect(flatten(edit!.view)).toContain('has taken it back');
  });
});
