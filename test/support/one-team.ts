// The smallest world a row about a person needs: a shell workspace, a team and one member.
import type { PrismaClient } from '../../src/db/index.ts';

export async function oneTeamWithMember(prisma: PrismaClient, userId = 'sam') {
  const workspace = await prisma.workspace.create({ data: { platform: 'shell', externalId: 'local' } });
  const team = await prisma.team.create({
    data: { workspaceId: workspace.id, channelId: 'team', name: 'T', timeZone: 'UTC', crisisRegion: 'US' },
  });
  const member = await prisma.member.create({
    data: { workspaceId: workspace.id, platformUserId: userId, displayName: userId },
  });
  return { workspace, team, member };
}
