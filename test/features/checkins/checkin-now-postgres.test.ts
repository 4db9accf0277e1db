// Two leads type `/peer checkin now` at the same moment on two replicas, each with its own pool
// on one PostgreSQL schema: one round opens, each member gets one prompt. The team row's lock
// is what makes the second see the first; on PGlite's one connection the two never overlap,
// so only this test can fail when the lock goes.
import { describe, expect, it } from 'vitest';
import { postgresPair } from '../../scheduling/support/postgres-pair.ts';
import { checkinWorld } from './support.ts';

const pg = await postgresPair('pb_checkin_now');

describe.skipIf(!pg.available)('checkin now on PostgreSQL', () => {
  it('opens one round when two leads on two replicas open one at once', async () => {
    const start = { start: '2026-03-02T07:00:00Z' };
    const [a, b] = [await checkinWorld(start, pg.a), await checkinWorld(start, pg.b)];
    const people = ['sam', 'sue', 'ana', 'ben'];
    a.setChannel(people);
    b.setChannel(people);
    await a.team({ admin: 'sam', supervisors: ['sue'], members: ['ana', 'ben'] });
    const team = await a.prisma.team.findFirstOrThrow({ where: { channelId: 'team' } });

    // A few rounds (each closed before the next): one pair of commands can miss the overlap by luck.
    for (let round = 0; round < 4; round++) {
      const [samSays, sueSays] = await Promise.all([
        a.command('sam', ['checkin', 'now']),
        b.command('sue', ['checkin', 'now']),
      ]);
      const opened = [samSays.text(), sueSays.text()].filter((text) => text.includes('private prompts'));
      expect(opened, `round ${round}: ${samSays.text()} | ${sueSays.text()}`).toHaveLength(1);
      expect(await a.prisma.checkinRound.count({ where: { teamId: team.id, status: 'open' } })).toBe(1);
      const prompts = await a.outbox({ keyPrefix: 'checkin-prompt:' });
      expect(prompts).toHaveLength(people.length * (round + 1));
      await a.prisma.checkinRound.updateMany({ where: { teamId: team.id }, data: { status: 'closed' } });
    }
  }, 120_000);
});
