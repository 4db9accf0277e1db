// The PostgreSQL twin of teams.test.ts "never leaves a team without an admin, even when two
// admins step down at once": on PGlite one connection runs the two transactions one after the
// other, so the team row's lock is never needed there. Here two replicas, each with its own
// pool, step down at the same moment; without the lock both see another admin and both leave.
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { createTeamsFeature } from '../../../src/features/teams/index.ts';
import { postgresPair } from '../../scheduling/support/postgres-pair.ts';
import { featureHarness } from '../../support/chat-harness.ts';
import { clientsFor, shellPeople } from '../../support/people.ts';

const pg = await postgresPair('pb_roles');

function replica(db: Database) {
  const teams = createTeamsFeature({
    prisma: db.prisma,
    defaults: { timeZone: 'UTC', crisisRegion: 'US' },
    clientFor: clientsFor(shellPeople),
  });
  return featureHarness(db.prisma, [teams]);
}

describe.skipIf(!pg.available)('team roles on PostgreSQL', () => {
  it('never leaves a team without an admin when two admins on two replicas step down at once', async () => {
    const [a, b] = [replica(pg.a), replica(pg.b)];
    // A few rounds, each a team of its own: one round can miss the overlap by luck.
    for (let round = 0; round < 5; round++) {
      const channel = `C-roles-${round}`;
      const [fern, gus] = [`fern${round}`, `gus${round}`];
      expect((await a.command(fern, ['setup'], { name: `Roles ${round}` }, channel)).text()).toContain(
        'This channel is now the team',
      );
      await a.command(fern, ['team', 'role'], { user: `@${gus}`, role: 'admin' }, channel);
      const team = await pg.a.prisma.team.findFirstOrThrow({ where: { channelId: channel } });
      expect(await pg.a.prisma.teamRole.count({ where: { teamId: team.id, role: 'admin' } })).toBe(2);

      const [fernSays, gusSays] = await Promise.all([
        a.command(fern, ['team', 'role'], { user: `@${fern}`, role: 'admin', remove: true }, channel),
        b.command(gus, ['team', 'role'], { user: `@${gus}`, role: 'admin', remove: true }, channel),
      ]);
      expect([fernSays.text(), gusSays.text()].filter((text) => /only admin/.test(text))).toHaveLength(1);
      expect(await pg.a.prisma.teamRole.count({ where: { teamId: team.id, role: 'admin' } })).toBe(1);
    }
  }, 120_000);
});
