// `/peer checkin trend` counts closed rounds only: an open round's figures change with each
// answer, so a supervisor running it before and after a supervisee's answer (the "shared with
// you only" notice tells them when) would see that one person's mood.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dm } from '../../support/chat-harness.ts';
import { type CheckinWorld, checkinWorld } from './support.ts';

let w: CheckinWorld;

beforeAll(async () => {
  w = await checkinWorld({ start: '2026-03-02T08:00:00Z' });
  await w.team({ admin: 'sam', supervisors: ['sue'], members: ['ana', 'ben', 'cal'] });
  w.setChannel(['sam', 'sue', 'ana', 'ben', 'cal']);
});

afterAll(async () => {
  await w.db.close();
});

const trend = async () => (await w.command('sue', ['checkin', 'trend'])).text();
const mood = (who: string, roundId: string, value: string) =>
  w.form(who, 'checkins:answer', { q1: value, 'q1-who': 'anonymous' }, dm, roundId);

describe('the weekly trend', () => {
  it('leaves an open round out, so running it before and after an answer shows nothing', async () => {
    const before = await trend();
    await w.command('sue', ['checkin', 'now']);
    const round = await w.prisma.checkinRound.findFirstOrThrow({ where: { status: 'open' } });
    await mood('ana', round.id, '1');
    expect(await trend()).toBe(before);
    await mood('ben', round.id, '1');
    await mood('cal', round.id, '1');
    expect(await trend()).toBe(before);
    await w.command('sam', ['checkin', 'close']);
    expect(await trend()).toMatch(/week of 2026-03-02: 60% took part; .*in a hard place 3/);
  });
});
