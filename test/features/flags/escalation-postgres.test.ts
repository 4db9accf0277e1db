// Two scheduler instances on one PostgreSQL server tick at the same moment: a flag nobody
// acknowledged escalates once, with one DM to the backup and one notice to the member.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../../src/db/index.ts';
import { ManualClock } from '../../../src/scheduling/index.ts';
import { postgresPair } from '../../scheduling/support/postgres-pair.ts';
import { flagsWorld } from './support/world.ts';

const pg = await postgresPair('pb_flags');

describe.skipIf(!pg.available)('escalation on PostgreSQL', () => {
  it('escalates once when two replicas tick together', async () => {
    const cipher = createFieldCipher(randomBytes(32));
    const clockA = new ManualClock('2026-03-02T10:00:00Z');
    const clockB = new ManualClock('2026-03-02T10:00:00Z');
    const a = await flagsWorld({ db: pg.a, cipher, clock: clockA });
    const b = await flagsWorld({ db: pg.b, cipher, clock: clockB });
    await a.standardTeam();
    await a.flag('maya', { level: 'talk-now', wish: 'talk-now', note: 'once only' });

    clockA.advance(16 * 60_000);
    clockB.advance(16 * 60_000);
    for (let round = 0; round < 3; round++) {
      await Promise.all([a.scheduler('replica-a').tick(), b.scheduler('replica-b').tick()]);
    }
    expect(await a.inbox('kim')).toHaveLength(1);
    const notices = (await a.inbox('maya')).filter((v) => v.key.includes(':escalated:'));
    expect(notices).toHaveLength(1);
    const claims = await a.prisma.occurrenceClaim.findMany({
      where: { key: { startsWith: 'flag-escalation:' } },
    });
    expect(claims).toHaveLength(1);
    expect(await a.prisma.triggerFlag.findFirstOrThrow()).toMatchObject({ step: 1, status: 'escalated' });
  });
});
