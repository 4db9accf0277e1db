// Issue 23, item 10: a "Remind me in an hour" nudge (or a prompt held for quiet hours) for a
// round that has closed meanwhile must not arrive saying the round is open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dm } from '../../support/chat-harness.ts';
import { type CheckinWorld, checkinWorld } from './support.ts';

let w: CheckinWorld;

beforeAll(async () => {
  w = await checkinWorld({ start: '2026-03-02T08:00:00Z' });
  w.setChannel(['sam', 'sue', 'ben']);
  await w.team({ admin: 'sam', supervisors: ['sue'], members: ['ben'] });
}, 120_000);
afterAll(() => w.db.close());

describe('a round that closes before its nudges are sent', () => {
  it('takes the unsent nudge away with the close, and keeps the digest', async () => {
    await w.command('sue', ['checkin', 'now']);
    const round = await w.prisma.checkinRound.findFirstOrThrow({ where: { status: 'open' } });
    expect((await w.action('ben', 'checkins:snooze', round.id, dm)).text()).toContain(
      'remind you in about an hour',
    );
    expect(await w.outbox({ keyPrefix: `checkin-snooze:${round.id}:` })).toHaveLength(1);

    await w.command('sam', ['checkin', 'close']);
    expect(await w.outbox({ keyPrefix: `checkin-snooze:${round.id}:` })).toEqual([]);
    const unsent = (await w.outbox()).filter(
      (r) => r.status === 'pending' && /is open until|gentle nudge/.test(r.shown),
    );
    expect(unsent).toEqual([]);
    expect(await w.outbox({ keyPrefix: `checkin-digest:${round.id}` })).toHaveLength(1);
  });
});
