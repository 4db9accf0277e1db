// Answer retention on an injected clock: a year after a round, what people answered (text,
// mood, private note, the supervisor's copy and the digest that quoted it) is erased by the
// daily job, once a day across replicas; that they answered or skipped, and how many items
// went to whom, stay. Younger answers are untouched.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { privacyLines } from '../../../src/features/checkins/privacy.ts';
import { dm } from '../../support/chat-harness.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { type CheckinWorld, checkinWorld } from './support.ts';

const DAY = 24 * 60 * 60_000;
let db: Database;
let w: CheckinWorld;

beforeAll(async () => {
  db = await clonedDatabase();
});
// Each test's world: an empty database, the team (ben supervised by sue) and the clock at the
// first Monday.
beforeEach(async () => {
  await emptyDatabase(db);
  w = await checkinWorld({ start: '2026-03-02T08:00:00Z', answerRetentionDays: 365 }, db);
  await w.team({ admin: 'sam', supervisors: ['sue'], members: ['ana', 'ben', 'cal'] });
  await w.command('sam', ['team', 'supervisor'], { member: 'ben', supervisor: 'sue' });
  w.setChannel(['sam', 'sue', 'ana', 'ben', 'cal']);
});

afterAll(async () => {
  await db.close();
});

async function openAndAnswer(): Promise<string> {
  await w.command('sue', ['checkin', 'now']);
  const round = await w.prisma.checkinRound.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
  await w.form(
    'ana',
    'checkins:answer',
    {
      q1: '4',
      'q1-who': 'team',
      q2: 'Lunch in the sun with the team',
      'q2-who': 'team',
    },
    dm,
    round.id,
  );
  await w.form(
    'ben',
    'checkins:answer',
    {
      q1: '1',
      'q1-who': 'supervisor',
      q3: 'My sister is in hospital',
      'q3-who': 'supervisor',
    },
    dm,
    round.id,
  );
  await w.action('cal', 'checkins:skip', round.id, dm);
  return round.id;
}

/** Everything stored in the answers and the outbox, as text. */
async function stored(): Promise<string> {
  const answers = await w.prisma.checkinAnswer.findMany();
  const outbox = await w.outbox();
  return JSON.stringify([answers, outbox.map((row) => row.shown)]);
}

/** A round answered, closed and its digest sent, then 362 days on: just younger than the retention. */
async function aRoundNearlyAYearOld(): Promise<string> {
  const round = await openAndAnswer();
  w.clock.advance(2 * DAY);
  await w.tick();
  await w.prisma.outboxMessage.updateMany({ data: { status: 'sent', sentAt: w.clock.now() } });
  w.clock.advance(360 * DAY);
  await w.tick();
  return round;
}

describe('check-in answer retention', () => {
  it('keeps answers younger than CHECKIN_ANSWER_RETENTION_DAYS whole', async () => {
    const oldRound = await openAndAnswer();
    w.clock.advance(2 * DAY);
    await w.tick();
    await w.prisma.outboxMessage.updateMany({ data: { status: 'sent', sentAt: w.clock.now() } });
    expect(await w.prisma.checkinRound.findUniqueOrThrow({ where: { id: oldRound } })).toMatchObject({
      status: 'closed',
    });
    expect(await w.outbox({ keyPrefix: `checkin-digest:${oldRound}` })).toHaveLength(1);

    w.clock.advance(360 * DAY);
    await w.tick();
    const answers = await w.prisma.checkinAnswer.findMany({ where: { roundId: oldRound } });
    expect(answers.filter((a) => a.itemsEnc !== null)).toHaveLength(2);
    expect(await stored()).toContain('Lunch in the sun');
  });

  it('erases what was said after it, keeping the counts, once a day across replicas', async () => {
    const oldRound = await aRoundNearlyAYearOld();
    const before = await w.prisma.checkinAnswer.findMany({
      where: { roundId: oldRound },
      orderBy: { id: 'asc' },
    });
    w.clock.advance(4 * DAY);
    const fresh = await openAndAnswer();
    const ben = await w.memberId('ben');
    const linesBefore = await privacyLines(w.prisma, ben, 365);

    const claims = () =>
      w.prisma.occurrenceClaim.count({ where: { key: { startsWith: 'checkin-retention' } } });
    const daysBefore = await claims();
    await Promise.all([w.tick(), w.tick()]);
    expect(await claims()).toBe(daysBefore + 1);

    const after = await w.prisma.checkinAnswer.findMany({
      where: { roundId: oldRound },
      orderBy: { id: 'asc' },
    });
    expect(after).toHaveLength(before.length);
    const said = ['itemsEnc', 'privateNoteEnc', 'win', 'barrier', 'mood'] as const;
    const counted = ['skipped', 'sharedNamed', 'sharedAnon', 'supervisorOnly'] as const;
    for (const [i, answer] of after.entries()) {
      for (const field of said) expect(answer[field], field).toBeNull();
      expect(answer.wantsReachOut).toBe(false);
      for (const field of counted) expect(answer[field], field).toBe(before[i]![field]);
    }
    expect(await w.outbox({ keyPrefix: `checkin-digest:${oldRound}` })).toHaveLength(0);
    expect(await privacyLines(w.prisma, ben, 365)).toEqual(linesBefore);
    expect(linesBefore.at(-1)?.value).toContain('365 days; then what you said is erased');

    // The round opened today keeps every word.
    const kept = await w.prisma.checkinAnswer.findMany({ where: { roundId: fresh } });
    expect(kept.filter((a) => a.itemsEnc !== null)).toHaveLength(2);
    // Nothing kept quotes what was said in the old round: its digest went with it.
    expect(await stored()).not.toContain('Lunch in the sun');
  });
});
