// Issue 7, point 3: first contact under concurrency, on a PostgreSQL server with two pools as
// two replicas would have. 30 first requests at once in a workspace nobody has seen: new
// workspace, new members and new teams race on their unique keys; every one is answered.
import { describe, expect, it } from 'vitest';
import { createTeamsFeature } from '../../../src/features/teams/index.ts';
import { postgresPair } from '../../scheduling/support/postgres-pair.ts';
import { featureHarness } from '../../support/chat-harness.ts';
import { clientsFor, platformPeople } from '../../support/people.ts';

const pg = await postgresPair('pb_first');
const WORKSPACE = { platform: 'slack', workspaceId: 'T0FRESH01' } as const;

function replica(prisma: Parameters<typeof createTeamsFeature>[0]['prisma']) {
  const teams = createTeamsFeature({
    prisma,
    defaults: { timeZone: 'UTC', crisisRegion: 'US' },
    clientFor: clientsFor(platformPeople('slack', {})),
  });
  return featureHarness(prisma, [teams], { ...WORKSPACE, logger: { info() {}, warn(f: any) { console.log("WARN", JSON.stringify(f)); }, error(f: any) { console.log("ERR", JSON.stringify(f)); } } });
}

describe.skipIf(!pg.available)('first contact on PostgreSQL', () => {
  it('answers 30 parallel first requests from a new workspace correctly, on two replicas', async () => {
    const replicas = [replica(pg.a.prisma), replica(pg.b.prisma)];
    const on = (i: number) => replicas[i % 2]!;
    const requests = [
      // Ten people set up ten channels at once: they race on the new workspace.
      ...Array.from({ length: 10 }, (_, i) =>
        on(i).command(`U0LEAD${i}`, ['setup'], { name: `Crew ${i}` }, `C0CREW${i}`),
      ),
      // One person presses setup five times in one channel: one team, one admin.
      ...Array.from({ length: 5 }, (_, i) =>
        on(i).command('U0EAGER1', ['setup'], { name: 'Eager' }, 'C0EAGER'),
      ),
      // A new person sets their zone ten times at once: they race on their own member row.
      ...Array.from({ length: 10 }, (_, i) =>
        on(i).command('U0ZONE01', ['timezone'], { zone: 'Asia/Tokyo' }),
      ),
      // Five more new people at once.
      ...Array.from({ length: 5 }, (_, i) =>
        on(i).command(`U0NEW${i}`, ['timezone'], { zone: 'Europe/Berlin' }),
      ),
    ];
    const replies = await Promise.all(requests);
    const texts = replies.map((r) => r.text());
    expect(texts.filter((t) => /something went wrong/.test(t))).toEqual([]);
    texts.slice(0, 10).forEach((text, i) => {
      expect(text).toContain(`This channel is now the team "Crew ${i}"`);
    });
    const eager = texts.slice(10, 15);
    expect(eager.filter((t) => t.includes('This channel is now the team "Eager"'))).toHaveLength(1);
    expect(eager.filter((t) => t.includes('Team "Eager" is updated'))).toHaveLength(4);
    for (const text of texts.slice(15))
      expect(text).toMatch(/Got it: I will use (Asia\/Tokyo|Europe\/Berlin)/);

    const prisma = pg.a.prisma;
    expect(await prisma.workspace.count({ where: { externalId: WORKSPACE.workspaceId } })).toBe(1);
    expect(await prisma.team.count()).toBe(11);
    expect(await prisma.member.count({ where: { platformUserId: 'U0ZONE01' } })).toBe(1);
    expect(await prisma.member.count()).toBe(10 + 1 + 1 + 5);
    const eagerTeam = await prisma.team.findFirstOrThrow({ where: { channelId: 'C0EAGER' } });
    expect(await prisma.teamRole.count({ where: { teamId: eagerTeam.id, role: 'admin' } })).toBe(1);
  });
});
